using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Network;

/// <summary>
/// Case-insensitive name filters with PowerShell wildcards, as the Get- cmdlets take them. A plain name
/// that matches nothing is reported (Windows' "No MSFT_… objects found"), a wildcard matching nothing is
/// silently empty.
/// </summary>
internal static class NamePatterns
{
    /// <summary>True when no patterns were given or one of them matches <paramref name="text"/>.</summary>
    public static bool Matches(IReadOnlyCollection<string>? patterns, string text) =>
        patterns is null || patterns.Count == 0 || patterns.Any(p => new WildcardPattern(p, WildcardOptions.IgnoreCase).IsMatch(text));

    /// <summary>The plain (wildcard-free) patterns that match none of <paramref name="names"/>.</summary>
    public static IEnumerable<string> Unmatched(IReadOnlyCollection<string>? patterns, IEnumerable<string> names)
    {
        var list = names.ToList();
        return (patterns ?? [])
            .Where(p => !WildcardPattern.ContainsWildcardCharacters(p) && !list.Exists(n => string.Equals(n, p, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>Windows' wording for a CIM query that found nothing, so users can search for it.</summary>
    public static ErrorRecord NotFound(string className, string property, string value) =>
        new(new ItemNotFoundException($"No {className} objects found with property '{property}' equal to '{value}'. Verify the value of the property and retry."),
            $"CmdletizationQuery_NotFound_{property}", ErrorCategory.ObjectNotFound, value);
}
