using System.Collections;

namespace HyperNest.Shell.Engine;

/// <summary>
/// Pipeline binding, in PowerShell's order: by value without coercion, by property name without
/// coercion, by value with coercion (only when nothing bound yet), by property name with coercion.
/// Parameters bound from one input are reset before the next.
/// </summary>
internal sealed partial class ParameterBinder
{
    private ErrorRecord? _pipelineValidationFailure;

    /// <summary>Binds one pipeline input; returns an error record (non-terminating) when it cannot be bound.</summary>
    public ErrorRecord? BindPipelineInput(object? input)
    {
        foreach (var name in _pipelineBound)
        {
            Find(name).Property.SetValue(cmdlet, _pipelineDefaults[name]);
            BoundParameters.Remove(name);
        }

        _pipelineBound.Clear();
        _pipelineValidationFailure = null;
        var candidates = _candidateSets.ToList();
        TryByValue(input, coerce: false, candidates);
        TryByPropertyName(input, coerce: false, candidates);
        if (_pipelineBound.Count == 0)
        {
            // Coercing by value turns any object into a string parameter's ToString(); only as a last resort.
            TryByValue(input, coerce: true, candidates);
        }

        TryByPropertyName(input, coerce: true, candidates);
        if (_pipelineValidationFailure is not null)
        {
            return _pipelineValidationFailure;
        }

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

        if (ParameterValidation.Check(parameter, converted) is { } failure)
        {
            _pipelineValidationFailure ??= BindingErrors.ValidationFailed(commandName, parameter.Name, failure, commandExtent).Record;
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
}
