using System.Globalization;
using System.Text.RegularExpressions;

namespace HyperNest.Shell.Language;

/// <summary>Numbers as PowerShell writes them: 42, 1.5, 0x1F, and sizes with KB/MB/GB/TB/PB (1KB = 1024).</summary>
internal static partial class NumberLiteral
{
    private static readonly (string Suffix, long Multiplier)[] Multipliers =
    [
        ("KB", 1L << 10), ("MB", 1L << 20), ("GB", 1L << 30), ("TB", 1L << 40), ("PB", 1L << 50),
    ];

    [GeneratedRegex(@"^(?<number>\d+(\.\d+)?|\.\d+)(?<suffix>[A-Za-z]+)?$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^0[xX](?<hex>[0-9A-Fa-f]+)$")]
    private static partial Regex HexPattern();

    public enum Outcome
    {
        NotANumber,
        Number,
        BadSuffix,
        TooLarge,
    }

    /// <summary>Reads <paramref name="text"/> as a number. A digit run followed by letters that are not a size suffix is <see cref="Outcome.BadSuffix"/>.</summary>
    public static Outcome TryParse(string text, out object? value, out string suffix)
    {
        value = null;
        suffix = "";
        var hex = HexPattern().Match(text);
        if (hex.Success)
        {
            if (!long.TryParse(hex.Groups["hex"].Value, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hexValue))
            {
                return Outcome.TooLarge;
            }

            value = Narrow(hexValue);
            return Outcome.Number;
        }

        var match = NumberPattern().Match(text);
        if (!match.Success)
        {
            return Outcome.NotANumber;
        }

        var number = match.Groups["number"].Value;
        suffix = match.Groups["suffix"].Value;
        var isDecimal = number.Contains('.', StringComparison.Ordinal);
        if (suffix.Length == 0)
        {
            if (isDecimal)
            {
                value = double.Parse(number, CultureInfo.InvariantCulture);
                return Outcome.Number;
            }

            if (long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var whole))
            {
                value = Narrow(whole);
                return Outcome.Number;
            }

            value = double.Parse(number, CultureInfo.InvariantCulture);
            return Outcome.Number;
        }

        var written = suffix;
        var multiplier = Array.Find(Multipliers, m => string.Equals(m.Suffix, written, StringComparison.OrdinalIgnoreCase)).Multiplier;
        if (multiplier == 0)
        {
            return Outcome.BadSuffix;
        }

        var scaled = decimal.Parse(number, CultureInfo.InvariantCulture) * multiplier;
        if (scaled > long.MaxValue)
        {
            return Outcome.TooLarge;
        }

        value = (long)decimal.Round(scaled);
        return Outcome.Number;
    }

    private static object Narrow(long value) => value is >= int.MinValue and <= int.MaxValue ? (object)(int)value : value;
}
