using System.Collections;

namespace HyperNest.Shell.Engine;

/// <summary>How values become pipeline objects: collections are unrolled, strings and dictionaries are not.</summary>
internal static class PipelineValues
{
    public static IEnumerable<object?> Enumerate(object? value)
    {
        if (value is IEnumerable sequence and not string and not IDictionary)
        {
            foreach (var item in sequence)
            {
                yield return item;
            }
        }
        else
        {
            yield return value;
        }
    }

    /// <summary>What an assignment or a (subexpression) holds: nothing, one object, or an array.</summary>
    public static object? Collapse(List<object?> values) => values.Count switch
    {
        0 => null,
        1 => values[0],
        _ => values.ToArray(),
    };
}
