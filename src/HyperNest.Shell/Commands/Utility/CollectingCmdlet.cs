using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Utility;

/// <summary>
/// Base of the cmdlets that must see their whole input before writing anything (formatting, sorting,
/// serializing): ProcessRecord only gathers -InputObject; the subclass acts in EndProcessing.
/// </summary>
public abstract class CollectingCmdlet : Cmdlet
{
    private readonly List<object> _items = [];

    [Parameter(ValueFromPipeline = true)]
    public object? InputObject { get; set; }

    /// <summary>The non-null input objects, in pipeline order.</summary>
    protected IReadOnlyList<object> Items => _items;

    protected internal override void ProcessRecord()
    {
        if (InputObject is not null)
        {
            _items.Add(InputObject);
        }
    }
}
