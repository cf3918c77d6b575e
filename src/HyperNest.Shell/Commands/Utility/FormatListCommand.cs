using HyperNest.Shell.Engine;
using HyperNest.Shell.Formatting;

namespace HyperNest.Shell.Commands.Utility;

[Cmdlet("Format", "List", Synopsis = "Shows each object's properties as 'Name : value' lines (all of them, or those given; * works).")]
public sealed class FormatListCommand : Cmdlet
{
    private readonly List<object> _items = [];

    [Parameter(Position = 0)]
    public string[]? Property { get; set; }

    [Parameter(ValueFromPipeline = true)]
    public object? InputObject { get; set; }

    protected internal override void ProcessRecord()
    {
        if (InputObject is not null)
        {
            _items.Add(InputObject);
        }
    }

    protected internal override void EndProcessing()
    {
        foreach (var group in FormatGroups.ByType(_items))
        {
            if (ValueText.IsScalar(group[0]))
            {
                WriteObject(new FormattedText(string.Concat(group.Select(v => ValueText.Format(v) + "\n"))));
                continue;
            }

            var names = PropertySelector.Expand(group[0], Property is { Length: > 0 } ? Property : ["*"]);
            var view = ViewRegistry.PropertyView(group[0], ViewKind.List, names);
            WriteObject(new FormattedText(ListRenderer.Render(view.Columns, group)));
        }
    }
}
