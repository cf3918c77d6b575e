using System.Text.RegularExpressions;

namespace HyperNest.Shell.Language;

/// <summary>Member access and indexes after a value: .Name.Other[0][-1]. Indexes are kept as "[n]" path elements.</summary>
internal static partial class MemberPath
{
    [GeneratedRegex(@"(?:\.[A-Za-z_][A-Za-z0-9_]*|\[-?\d+\])+")]
    public static partial Regex Pattern();

    [GeneratedRegex(@"\.(?<member>[A-Za-z_][A-Za-z0-9_]*)|(?<index>\[-?\d+\])")]
    private static partial Regex Element();

    public static string[] Split(string path) =>
        Element().Matches(path).Select(m => m.Groups["member"].Success ? m.Groups["member"].Value : m.Groups["index"].Value).ToArray();

    public static bool IsIndex(string element, out int index)
    {
        index = 0;
        return element.StartsWith('[') && int.TryParse(element[1..^1], System.Globalization.CultureInfo.InvariantCulture, out index);
    }
}
