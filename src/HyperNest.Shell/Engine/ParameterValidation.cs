using System.Collections;
using System.Reflection;

namespace HyperNest.Shell.Engine;

/// <summary>Runs a parameter's Validate* attributes on its converted value, element by element for arrays.</summary>
internal static class ParameterValidation
{
    public static string? Check(ParameterMetadata parameter, object? value)
    {
        var validators = parameter.Property.GetCustomAttributes<ValidateArgumentsAttribute>().ToList();
        if (validators.Count == 0)
        {
            return null;
        }

        if (ValidateNotNullOrEmptyAttribute.IsNullOrEmpty(value))
        {
            return validators.Any(v => v is ValidateNotNullOrEmptyAttribute)
                ? "The argument is null or empty. Provide an argument that is not null or empty, and then try the command again."
                : null;
        }

        var elements = value is IEnumerable sequence and not string ? sequence.Cast<object?>() : [value];
        foreach (var element in elements.OfType<object>())
        {
            foreach (var validator in validators)
            {
                if (validator.Check(element) is { } failure)
                {
                    return failure;
                }
            }
        }

        return null;
    }
}
