using System.Collections;
using System.Globalization;

namespace HyperNest.Shell.Engine;

/// <summary>Checks a parameter's value after conversion; the binder reports a failure as ParameterArgumentValidationError.</summary>
public abstract class ValidateArgumentsAttribute : Attribute
{
    /// <summary>Null when <paramref name="value"/> is acceptable, else why not (one sentence).</summary>
    public abstract string? Check(object value);
}

/// <summary>The value (each element of an array) must be one of these, case-insensitively.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ValidateSetAttribute(params string[] validValues) : ValidateArgumentsAttribute
{
    public IReadOnlyList<string> ValidValues { get; } = validValues;

    public override string? Check(object value) =>
        ValidValues.Contains(Formatting.ValueText.Format(value), StringComparer.OrdinalIgnoreCase)
            ? null
            : $"The argument \"{Formatting.ValueText.Format(value)}\" does not belong to the set \"{string.Join(",", ValidValues)}\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.";
}

/// <summary>The number (each element of an array) must lie within [Minimum, Maximum].</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ValidateRangeAttribute(long minimum, long maximum) : ValidateArgumentsAttribute
{
    public long Minimum { get; } = minimum;

    public long Maximum { get; } = maximum;

    public override string? Check(object value)
    {
        var number = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
        if (number < Minimum)
        {
            return $"The {value} argument is less than the minimum allowed range of {Minimum}. Supply an argument that is greater than or equal to {Minimum} and then try the command again.";
        }

        return number > Maximum
            ? $"The {value} argument is greater than the maximum allowed range of {Maximum}. Supply an argument that is less than or equal to {Maximum} and then try the command again."
            : null;
    }
}

/// <summary>The value must not be null, an empty string or an empty array.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ValidateNotNullOrEmptyAttribute : ValidateArgumentsAttribute
{
    public override string? Check(object value) =>
        value is "" ? "The argument is null or empty. Provide an argument that is not null or empty, and then try the command again." : null;

    /// <summary>Null and empty collections fail before elements are checked.</summary>
    internal static bool IsNullOrEmpty(object? value) => value is null || (value is ICollection { Count: 0 });
}
