using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Utility;

[Cmdlet("Sort", "Object", Synopsis = "Sorts objects by the given properties (or by themselves); -Descending reverses, -Unique drops duplicates.")]
public sealed class SortObjectCommand : CollectingCmdlet
{
    [Parameter(Position = 0)]
    public string[]? Property { get; set; }

    [Parameter]
    public SwitchParameter Descending { get; set; }

    [Parameter]
    public SwitchParameter Unique { get; set; }

    protected internal override void EndProcessing()
    {
        var keys = Property is { Length: > 0 } ? Property : null;
        var comparer = new SortKeyComparer(keys);
        IEnumerable<object> sorted = Descending
            ? Items.OrderByDescending(item => item, comparer)
            : Items.OrderBy(item => item, comparer);
        if (Unique)
        {
            sorted = DistinctAdjacent(sorted.ToList(), comparer);
        }

        WriteObjects(sorted);
    }

    private static IEnumerable<object> DistinctAdjacent(List<object> sorted, SortKeyComparer comparer)
    {
        for (var i = 0; i < sorted.Count; i++)
        {
            if (i == 0 || comparer.Compare(sorted[i - 1], sorted[i]) != 0)
            {
                yield return sorted[i];
            }
        }
    }
}
