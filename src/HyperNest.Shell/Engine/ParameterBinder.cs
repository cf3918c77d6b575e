using HyperNest.Shell.Language;

namespace HyperNest.Shell.Engine;

/// <summary>
/// Binds one cmdlet invocation: named parameters (exact, alias, or unique prefix), positional
/// arguments within the parameter set the named ones allow, then each pipeline input by value or by
/// property name, and finally picks the parameter set and checks mandatory parameters.
/// </summary>
internal sealed partial class ParameterBinder(CmdletInfo info, Cmdlet cmdlet, string commandName, Extent commandExtent)
{
    private readonly HashSet<string> _commandLineBound = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _pipelineBound = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, object?> _pipelineDefaults = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<ParameterMetadata> _all = info.Parameters
        .Concat(CommonParameters.Metadata.Where(c => !info.Parameters.Any(p => p.Names.Intersect(c.Names, StringComparer.OrdinalIgnoreCase).Any())))
        .ToList();

    private List<string> _candidateSets = [];

    /// <summary>-Verbose, -ErrorAction and the other common parameters as given.</summary>
    public CommonParameters Common { get; } = new();

    public HashSet<string> BoundParameters { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string ParameterSetName { get; private set; } = info.DefaultSetName;

    /// <summary>Binds the command line. With <paramref name="expectsPipelineInput"/>, mandatory checks wait for the input.</summary>
    public void BindCommandLine(IReadOnlyList<CommandArgument> arguments, bool expectsPipelineInput)
    {
        var positional = new List<CommandArgument>();
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (argument.ParameterName is null)
            {
                positional.Add(argument);
                continue;
            }

            var parameter = Resolve(argument.ParameterName, argument.Extent);
            if (!_commandLineBound.Add(parameter.Name))
            {
                throw BindingErrors.SpecifiedTwice(commandName, parameter.Name, argument.Extent);
            }

            if (argument.HasValue)
            {
                Set(parameter, argument.Value, argument.Extent);
            }
            else if (parameter.IsSwitch)
            {
                Set(parameter, true, argument.Extent);
            }
            else if (i + 1 < arguments.Count && arguments[i + 1].ParameterName is null)
            {
                Set(parameter, arguments[++i].Value, arguments[i].Extent);
            }
            else
            {
                throw BindingErrors.MissingArgument(commandName, parameter, argument.Extent);
            }
        }

        _candidateSets = info.ParameterSets.Where(set => _commandLineBound.All(name => Find(name).IsInSet(set))).ToList();
        if (_candidateSets.Count == 0)
        {
            throw BindingErrors.SetNotResolved(commandName, commandExtent);
        }

        var remaining = new List<object?>();
        foreach (var argument in positional)
        {
            BindPositional(argument, remaining);
        }

        if (remaining.Count > 0)
        {
            var collector = RemainingArgumentsParameter()!;
            if (!_commandLineBound.Add(collector.Name))
            {
                throw BindingErrors.SpecifiedTwice(commandName, collector.Name, commandExtent);
            }

            Set(collector, remaining.ToArray(), commandExtent);
        }

        BoundParameters.UnionWith(_commandLineBound);
        foreach (var parameter in info.Parameters.Where(p => p.TakesPipelineInput && !_commandLineBound.Contains(p.Name)))
        {
            _pipelineDefaults[parameter.Name] = parameter.Property.GetValue(cmdlet);
        }

        if (!expectsPipelineInput)
        {
            var failure = Finish(_candidateSets);
            if (failure is not null)
            {
                throw new ShellException(failure);
            }
        }
    }

    private void BindPositional(CommandArgument argument, List<object?> remaining)
    {
        var choices = _candidateSets
            .Select(set => (Set: set, Parameter: NextPositional(set)))
            .Where(c => c.Parameter is not null)
            .ToList();
        if (choices.Count == 0)
        {
            if (RemainingArgumentsParameter() is null)
            {
                throw BindingErrors.NoPositional(commandName, argument.Value, argument.Extent);
            }

            remaining.Add(argument.Value);
            return;
        }

        // The default set's parameter first, then one whose type takes the value (a string never becomes a script block).
        var ordered = choices.OrderBy(c => string.Equals(c.Set, info.DefaultSetName, StringComparison.OrdinalIgnoreCase) ? 0 : 1).ToList();
        var chosen = ordered.Find(c => ArgumentConverter.TryConvert(argument.Value, c.Parameter!.Type, out _)).Parameter ?? ordered[0].Parameter!;
        Set(chosen, argument.Value, argument.Extent);
        _commandLineBound.Add(chosen.Name);
        _candidateSets.RemoveAll(set => !chosen.IsInSet(set));
    }

    /// <summary>The parameter that takes the positional arguments nothing else takes, in a set still possible.</summary>
    private ParameterMetadata? RemainingArgumentsParameter() =>
        info.Parameters.FirstOrDefault(p => _candidateSets.Exists(set => p.For(set) is { ValueFromRemainingArguments: true }));

    private ParameterMetadata? NextPositional(string set) =>
        info.ParametersIn(set)
            .Where(p => !_commandLineBound.Contains(p.Name) && p.For(set)!.Position >= 0)
            .OrderBy(p => p.For(set)!.Position)
            .FirstOrDefault();

    /// <summary>Chooses the parameter set among <paramref name="candidates"/> and checks its mandatory parameters.</summary>
    private ErrorRecord? Finish(List<string> candidates)
    {
        string? chosen = null;
        if (candidates.Count == 1)
        {
            chosen = candidates[0];
        }
        else if (candidates.Contains(info.DefaultSetName, StringComparer.OrdinalIgnoreCase))
        {
            chosen = info.DefaultSetName;
        }
        else
        {
            var satisfied = candidates.Where(set => MissingMandatory(set).Count == 0).ToList();
            if (satisfied.Count == 1)
            {
                chosen = satisfied[0];
            }
            else if (candidates.Count > 0)
            {
                return BindingErrors.SetNotResolved(commandName, commandExtent).Record;
            }
        }

        if (chosen is null)
        {
            return BindingErrors.SetNotResolved(commandName, commandExtent).Record;
        }

        var missing = MissingMandatory(chosen);
        if (missing.Count > 0)
        {
            return BindingErrors.MissingMandatory(commandName, missing, commandExtent);
        }

        ParameterSetName = chosen;
        return null;
    }

    private List<string> MissingMandatory(string set) =>
        info.ParametersIn(set)
            .Where(p => p.For(set)!.Mandatory && !BoundParameters.Contains(p.Name) && !_pipelineBound.Contains(p.Name))
            .Select(p => p.Name)
            .ToList();

    private ParameterMetadata Find(string name) => _all.First(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    private ParameterMetadata Resolve(string name, Extent extent)
    {
        var exact = _all.FirstOrDefault(p => p.Names.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)));
        if (exact is not null)
        {
            return exact;
        }

        var matches = _all
            .Select(p => (Parameter: p, Matched: p.Names.Where(n => n.StartsWith(name, StringComparison.OrdinalIgnoreCase)).ToList()))
            .Where(m => m.Matched.Count > 0)
            .ToList();
        return matches.Count switch
        {
            1 => matches[0].Parameter,
            0 => throw BindingErrors.NotFound(commandName, name, extent),
            _ => throw BindingErrors.Ambiguous(commandName, name, matches.Select(m => m.Matched.Contains(m.Parameter.Name) ? m.Parameter.Name : m.Matched[0]), extent),
        };
    }

    private void Set(ParameterMetadata parameter, object? value, Extent extent)
    {
        try
        {
            var converted = ArgumentConverter.Convert(value, parameter.Type);
            if (ParameterValidation.Check(parameter, converted) is { } failure)
            {
                throw BindingErrors.ValidationFailed(commandName, parameter.Name, failure, extent);
            }

            parameter.Property.SetValue(CommonParameters.IsCommon(parameter) ? Common : cmdlet, converted);
        }
        catch (ArgumentConverter.ConversionException ex)
        {
            throw BindingErrors.CannotConvert(commandName, parameter.Name, ex.Message, extent);
        }
    }
}
