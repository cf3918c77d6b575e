using System.Globalization;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Guest;

/// <summary>
/// -ArgumentList for a script that runs in a guest's own HyperNest. Until PowerShell Direct carries
/// serialized objects (a session into the guest), the script travels as text, so each argument is
/// written as a PowerShell literal and the script block is called with them: & { script } 'a' 5 $true.
/// Values without a faithful literal are refused rather than passed as their ToString().
/// </summary>
internal static class GuestScriptArguments
{
    /// <summary>The script that runs <paramref name="script"/> with <paramref name="arguments"/>; null when one cannot be written.</summary>
    public static string? Bind(string script, IReadOnlyList<object?> arguments, out object? unsupported)
    {
        unsupported = null;
        if (arguments.Count == 0)
        {
            return script;
        }

        var literals = new List<string>(arguments.Count);
        foreach (var argument in arguments)
        {
            if (Literal(argument is PSObject wrapped ? wrapped.BaseObject : argument) is not { } literal)
            {
                unsupported = argument;
                return null;
            }

            literals.Add(literal);
        }

        return $"& {{\n{script}\n}} {string.Join(' ', literals)}";
    }

    private static string? Literal(object? value) => value switch
    {
        null => "$null",
        bool flag => flag ? "$true" : "$false",
        string text => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'",
        char character => "'" + (character == '\'' ? "''" : character.ToString()) + "'",
        int or long or short or byte or sbyte or uint or ulong or ushort => Convert.ToString(value, CultureInfo.InvariantCulture),
        double number => "[double]'" + number.ToString("R", CultureInfo.InvariantCulture) + "'",
        float number => "[single]'" + number.ToString("R", CultureInfo.InvariantCulture) + "'",
        decimal number => number.ToString(CultureInfo.InvariantCulture) + "d",
        Guid id => "[guid]'" + id.ToString() + "'",
        object[] items when items.All(i => Literal(i is PSObject w ? w.BaseObject : i) is not null) =>
            "@(" + string.Join(", ", items.Select(i => Literal(i is PSObject w ? w.BaseObject : i))) + ")",
        _ => null,
    };
}
