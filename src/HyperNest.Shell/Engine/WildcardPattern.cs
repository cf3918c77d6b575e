using System.Text.RegularExpressions;

namespace HyperNest.Shell.Engine;

/// <summary>PowerShell wildcards (* and ?), case-insensitive, matching the whole text.</summary>
public sealed class WildcardPattern(string pattern)
{
    private readonly Regex _regex = new(
        "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public static bool ContainsWildcards(string text) => text.Contains('*', StringComparison.Ordinal) || text.Contains('?', StringComparison.Ordinal);

    public bool IsMatch(string text) => _regex.IsMatch(text);
}
