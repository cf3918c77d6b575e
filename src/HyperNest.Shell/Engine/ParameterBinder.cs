using System.Collections;
using HyperNest.Shell.Language;

namespace HyperNest.Shell.Engine;

/// <summary>
/// Binds one cmdlet invocation: named parameters (exact, alias, or unique prefix), positional
/// arguments within the parameter set the named ones allow, then each pipeline input by value or by
/// property name, and finally picks the parameter set and checks mandatory parameters.
/// </summary>
internal sealed class ParameterBinder(CmdletInfo info, Cmdlet cmdlet, string commandName, Extent commandExtent)
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

        foreach (var argument in positional)
        {
            BindPositional(argument);
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

    /// <summary>Binds one pipeline input; returns an error record (non-terminating) when it cannot be bound.</summary>
    public ErrorRecord? BindPipelineInput(object? input)
    {
        foreach (var name in _pipelineBound)
        {
            Find(name).Property.SetValue(cmdlet, _pipelineDefaults[name]);
            BoundParameters.Remove(name);
        }

        _pipelineBound.Clear();
        var candidates = _candidateSets.ToList();
        TryByValue(input, coerce: false, candidates);
        TryByPropertyName(input, coerce: false, candidates);
        if (_pipelineBound.Count == 0)
        {
            // Coercing by value turns any object into a string parameter's ToString(); only as a last resort.
            TryByValue(input, coerce: true, candidates);
        }

        TryByPropertyName(input, coerce: true, candidates);
        if (_pipelineBound.Count == 0)
        {
            return BindingErrors.InputNotBound(commandName, input, commandExtent);
        }

        BoundParameters.UnionWith(_pipelineBound);
        return Finish(candidates);
    }

    private void TryByValue(object? input, bool coerce, List<string> candidates)
    {
        foreach (var parameter in PipelineParameters(candidates, a => a.ValueFromPipeline))
        {
            if (TryBindFromPipeline(parameter, input, coerce))
            {
                candidates.RemoveAll(set => parameter.For(set) is not { ValueFromPipeline: true });
                return;
            }
        }
    }

    private void TryByPropertyName(object? input, bool coerce, List<string> candidates)
    {
        if (input is null or string || ValueIsPrimitive(input))
        {
            return;
        }

        foreach (var parameter in PipelineParameters(candidates, a => a.ValueFromPipelineByPropertyName))
        {
            foreach (var name in parameter.Names)
            {
                if (PropertyAccessor.TryGetValue(input, name, out var value) && TryBindFromPipeline(parameter, value, coerce))
                {
                    candidates.RemoveAll(set => parameter.For(set) is not { ValueFromPipelineByPropertyName: true });
                    break;
                }
            }
        }
    }

    private List<ParameterMetadata> PipelineParameters(List<string> candidates, Func<ParameterAttribute, bool> takes) =>
        info.Parameters
            .Where(p => !_commandLineBound.Contains(p.Name) && !_pipelineBound.Contains(p.Name))
            .Where(p => candidates.Exists(set => p.For(set) is { } attribute && takes(attribute)))
            .ToList();

    private bool TryBindFromPipeline(ParameterMetadata parameter, object? value, bool coerce)
    {
        if (!coerce && !MatchesWithoutCoercion(parameter.Type, value))
        {
            return false;
        }

        if (!ArgumentConverter.TryConvert(value, parameter.Type, out var converted))
        {
            return false;
        }

        parameter.Property.SetValue(cmdlet, converted);
        _pipelineBound.Add(parameter.Name);
        return true;
    }

    private static bool MatchesWithoutCoercion(Type type, object? value)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (value is null)
        {
            return false;
        }

        if (target.IsInstanceOfType(value))
        {
            return true;
        }

        if (target.IsArray)
        {
            var element = target.GetElementType()!;
            return element.IsInstanceOfType(value)
                || (value is IEnumerable sequence and not string && sequence.Cast<object?>().All(element.IsInstanceOfType));
        }

        return false;
    }

    private static bool ValueIsPrimitive(object value) => value.GetType().IsPrimitive || value is decimal;

    private void BindPositional(CommandArgument argument)
    {
        var choices = _candidateSets
            .Select(set => (Set: set, Parameter: NextPositional(set)))
            .Where(c => c.Parameter is not null)
            .ToList();
        if (choices.Count == 0)
        {
            throw BindingErrors.NoPositional(commandName, argument.Value, argument.Extent);
        }

        // The default set's parameter first, then one whose type takes the value (a string never becomes a script block).
        var ordered = choices.OrderBy(c => string.Equals(c.Set, info.DefaultSetName, StringComparison.OrdinalIgnoreCase) ? 0 : 1).ToList();
        var chosen = ordered.Find(c => ArgumentConverter.TryConvert(argument.Value, c.Parameter!.Type, out _)).Parameter ?? ordered[0].Parameter!;
        Set(chosen, argument.Value, argument.Extent);
        _commandLineBound.Add(chosen.Name);
        _candidateSets.RemoveAll(set => !chosen.IsInSet(set));
    }

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
            parameter.Property.SetValue(CommonParameters.IsCommon(parameter) ? Common : cmdlet, ArgumentConverter.Convert(value, parameter.Type));
        }
        catch (ArgumentConverter.ConversionException ex)
        {
            throw BindingErrors.CannotConvert(commandName, parameter.Name, ex.Message, extent);
        }
    }
}
