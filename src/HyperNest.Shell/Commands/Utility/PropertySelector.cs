using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Utility;

/// <summary>Expands -Property patterns (with * and ?) against an object's property names, keeping the order given.</summary>
internal static class PropertySelector
{
    public static IReadOnlyList<string> Expand(object sample, IEnumerable<string> patterns)
    {
        var available = PropertyAccessor.GetPropertyNames(sample);
        var names = new List<string>();
        foreach (var pattern in patterns)
        {
            if (WildcardPattern.ContainsWildcards(pattern))
            {
                var wildcard = new WildcardPattern(pattern);
                names.AddRange(available.Where(wildcard.IsMatch));
            }
            else
            {
                names.Add(available.FirstOrDefault(n => string.Equals(n, pattern, StringComparison.OrdinalIgnoreCase)) ?? pattern);
            }
        }

        return names.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }
}
