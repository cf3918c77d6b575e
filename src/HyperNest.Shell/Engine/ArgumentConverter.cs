using System.Collections;
using System.Globalization;
using HyperNest.Shell.Language;

namespace HyperNest.Shell.Engine;

/// <summary>Converts argument and pipeline values to a parameter's type, like PowerShell's LanguagePrimitives (the subset cmdlets need).</summary>
public static class ArgumentConverter
{
    public sealed class ConversionException(string message) : Exception(message);

    public static bool TryConvert(object? value, Type target, out object? result)
    {
        try
        {
            result = Convert(value, target);
            return true;
        }
        catch (ConversionException)
        {
            result = null;
            return false;
        }
    }

    /// <summary>Converts or throws <see cref="ConversionException"/> with the reason.</summary>
    public static object? Convert(object? value, Type target)
    {
        if (target == typeof(object))
        {
            return NumberArgument.Unwrap(value);
        }

        if (Nullable.GetUnderlyingType(target) is { } underlying)
        {
            return value is null ? null : Convert(value, underlying);
        }

        if (target.IsArray)
        {
            var elementType = target.GetElementType()!;
            var items = value is IEnumerable enumerable and not string ? enumerable.Cast<object?>().ToList() : [value];
            var array = Array.CreateInstance(elementType, items.Count);
            for (var i = 0; i < items.Count; i++)
            {
                array.SetValue(Convert(items[i], elementType), i);
            }

            return array;
        }

        if (value is object?[] { Length: 1 } single)
        {
            return Convert(single[0], target);
        }

        if (value is object?[] several && target != typeof(string))
        {
            throw new ConversionException($"Cannot convert the array of {several.Length} values to the single value \"{target.Name}\" that the parameter takes.");
        }

        if (target == typeof(string))
        {
            return value switch
            {
                null => null,
                NumberArgument number => number.Text,
                object?[] array => string.Join(' ', array.Select(e => Convert(e, typeof(string)))),
                _ => Formatting.ValueText.Format(value),
            };
        }

        var plain = NumberArgument.Unwrap(value);
        if (plain is not null && target.IsInstanceOfType(plain))
        {
            return plain;
        }

        if (target == typeof(SwitchParameter))
        {
            return new SwitchParameter(ToBool(plain));
        }

        if (target == typeof(bool))
        {
            return ToBool(plain);
        }

        if (target.IsEnum)
        {
            return ToEnum(plain, target);
        }

        if (plain is null)
        {
            if (target.IsValueType)
            {
                throw new ConversionException($"Cannot convert null to type \"{target.Name}\".");
            }

            return null;
        }

        if (IsNumeric(target))
        {
            return ToNumber(plain, target);
        }

        if (target == typeof(Guid) && plain is string guidText)
        {
            return Guid.TryParse(guidText, out var guid) ? guid : throw new ConversionException($"\"{guidText}\" is not a valid GUID.");
        }

        if (target == typeof(TimeSpan))
        {
            return plain switch
            {
                string text when TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) => span,
                int or long => TimeSpan.FromTicks(System.Convert.ToInt64(plain, CultureInfo.InvariantCulture)),
                _ => throw new ConversionException($"\"{plain}\" is not a time span (use the form hh:mm:ss)."),
            };
        }

        throw new ConversionException($"Cannot convert the \"{Formatting.ValueText.Format(plain)}\" value of type \"{plain.GetType().Name}\" to type \"{target.Name}\".");
    }

    private static bool ToBool(object? value) => value switch
    {
        null => false,
        bool b => b,
        SwitchParameter s => s.IsPresent,
        int or long or double => System.Convert.ToDouble(value, CultureInfo.InvariantCulture) != 0,
        string s when s.Equals("true", StringComparison.OrdinalIgnoreCase) || s.Equals("on", StringComparison.OrdinalIgnoreCase) => true,
        string s when s.Equals("false", StringComparison.OrdinalIgnoreCase) || s.Equals("off", StringComparison.OrdinalIgnoreCase) => false,
        _ => throw new ConversionException(
            $"Cannot convert value \"{Formatting.ValueText.Format(value)}\" to type \"Boolean\". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0."),
    };

    private static object ToEnum(object? value, Type target)
    {
        var names = string.Join(", ", Enum.GetNames(target));
        switch (value)
        {
            case string text when Enum.TryParse(target, text.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(target, parsed!):
                return parsed!;
            case int or long when Enum.IsDefined(target, System.Convert.ChangeType(value, Enum.GetUnderlyingType(target), CultureInfo.InvariantCulture)):
                return Enum.ToObject(target, value);
            default:
                throw new ConversionException(
                    $"Unable to match the identifier name {Formatting.ValueText.Format(value)} to a valid enumerator name. Specify one of the following enumerator names and try again: {names}");
        }
    }

    private static bool IsNumeric(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(uint) || type == typeof(ulong)
        || type == typeof(short) || type == typeof(ushort) || type == typeof(byte) || type == typeof(decimal) || type == typeof(float);

    private static object ToNumber(object value, Type target)
    {
        object source = value;
        if (value is string text)
        {
            switch (NumberLiteral.TryParse(text.Trim(), out var parsed, out _))
            {
                case NumberLiteral.Outcome.Number:
                    source = parsed!;
                    break;
                default:
                    throw new ConversionException($"Cannot convert value \"{text}\" to type \"{target.Name}\". The value is not a number.");
            }
        }

        if (source is bool flag)
        {
            source = flag ? 1 : 0;
        }

        try
        {
            if (source is double d && target != typeof(double) && target != typeof(float) && target != typeof(decimal))
            {
                source = Math.Round(d, MidpointRounding.ToEven);
            }

            return System.Convert.ChangeType(source, target, CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is OverflowException or InvalidCastException or FormatException)
        {
            throw new ConversionException($"Cannot convert value \"{Formatting.ValueText.Format(value)}\" to type \"{target.Name}\". {ex.Message}");
        }
    }
}
