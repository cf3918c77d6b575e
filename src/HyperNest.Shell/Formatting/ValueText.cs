using System.Collections;
using System.Globalization;

namespace HyperNest.Shell.Formatting;

/// <summary>How a single value reads in a table cell, a list line or string conversion (invariant culture).</summary>
public static class ValueText
{
    public static string Format(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "True" : "False",
        TimeSpan span => FormatDuration(span),
        DateTimeOffset time => time.ToString("G", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("G", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IDictionary => value.ToString() ?? "",
        IEnumerable sequence => "{" + string.Join(", ", sequence.Cast<object?>().Select(Format)) + "}",
        _ => value.ToString() ?? "",
    };

    /// <summary>hh:mm:ss, with a day count in front when needed (1.02:03:04), as Hyper-V shows Uptime.</summary>
    public static string FormatDuration(TimeSpan span)
    {
        var whole = TimeSpan.FromSeconds(Math.Floor(span.TotalSeconds));
        return whole.Days > 0
            ? whole.ToString(@"d\.hh\:mm\:ss", CultureInfo.InvariantCulture)
            : whole.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);
    }

    /// <summary>Values printed as themselves, never as a table or list of their properties.</summary>
    public static bool IsScalar(object value) =>
        value is string or Enum or Guid or TimeSpan or DateTime or DateTimeOffset or decimal || value.GetType().IsPrimitive;

    /// <summary>Numbers are right-aligned in tables, as PowerShell does.</summary>
    public static bool IsNumber(object? value) =>
        value is int or long or double or float or decimal or short or byte or uint or ulong or ushort;
}
