using HyperNest.Shell.Engine;
using HyperNest.Shell.Formatting;

namespace HyperNest.Shell.Commands.Utility;

[Cmdlet("Format", "List", Synopsis = "Shows each object's properties as 'Name : value' lines (all of them, or those given; * works).")]
public sealed class FormatListCommand : CollectingCmdlet
{
    [Parameter(Position = 0)]
    public string[]? Property { get; set; }

    protected internal override void EndProcessing()
    {
        foreach (var group in FormatGroups.ByType(Items))
        {
            if (ValueText.IsScalar(group[0]))
            {
                WriteObject(FormatGroups.ScalarLines(group));
                continue;
            }

            var names = PropertySelector.Expand(group[0], Property is { Length: > 0 } ? Property : ["*"]);
            var view = ViewRegistry.PropertyView(group[0], ViewKind.List, names);
            WriteObject(new FormattedText(ListRenderer.Render(view.Columns, group)));
        }
    }
}
