using System.Globalization;
using HyperNest.Shell.Engine;
using HyperNest.Shell.Formatting;

namespace HyperNest.Shell.Commands.Utility;

/// <summary>Compares objects by property values in order: numbers and enums by value, everything else as text ignoring case.</summary>
internal sealed class SortKeyComparer(IReadOnlyList<string>? properties) : IComparer<object>
{
    public int Compare(object? x, object? y)
    {
        if (properties is null)
        {
            return CompareValues(x, y);
        }

        foreach (var property in properties)
        {
            var result = CompareValues(PropertyAccessor.GetValue(x, property), PropertyAccessor.GetValue(y, property));
            if (result != 0)
            {
                return result;
            }
        }

        return 0;
    }

    private static int CompareValues(object? x, object? y)
    {
        if (x is null || y is null)
        {
            return (x is null ? 0 : 1) - (y is null ? 0 : 1);
        }

        if (IsOrderedNumber(x) && IsOrderedNumber(y))
        {
            return Convert.ToDouble(x, CultureInfo.InvariantCulture).CompareTo(Convert.ToDouble(y, CultureInfo.InvariantCulture));
        }

        if (x is IComparable comparable && x.GetType() == y.GetType() && x is not string)
        {
            return comparable.CompareTo(y);
        }

        return string.Compare(ValueText.Format(x), ValueText.Format(y), StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsOrderedNumber(object value) => ValueText.IsNumber(value) || value is Enum;
}
