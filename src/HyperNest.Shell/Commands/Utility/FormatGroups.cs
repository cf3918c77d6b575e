using HyperNest.Shell.Formatting;

namespace HyperNest.Shell.Commands.Utility;

/// <summary>Splits formatter input into runs of one type, each printed as its own table or list.</summary>
internal static class FormatGroups
{
    public static IEnumerable<List<object>> ByType(IEnumerable<object> items)
    {
        List<object>? current = null;
        foreach (var item in items)
        {
            if (current is not null && current[0].GetType() != item.GetType())
            {
                yield return current;
                current = null;
            }

            (current ??= []).Add(item);
        }

        if (current is not null)
        {
            yield return current;
        }
    }

    /// <summary>Strings, numbers and other scalars print one per line, whatever view was asked for.</summary>
    public static FormattedText ScalarLines(IEnumerable<object> group) =>
        new(string.Concat(group.Select(v => ValueText.Format(v) + "\n")));
}
