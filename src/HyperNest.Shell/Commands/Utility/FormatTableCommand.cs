using HyperNest.Shell.Engine;
using HyperNest.Shell.Formatting;

namespace HyperNest.Shell.Commands.Utility;

/// <remarks>Column widths always come from the content, so -AutoSize is accepted for compatibility and changes nothing.</remarks>
[Cmdlet("Format", "Table", Synopsis = "Shows objects as a table, with the type's default columns or the properties given.")]
public sealed class FormatTableCommand : CollectingCmdlet
{
    [Parameter(Position = 0)]
    public string[]? Property { get; set; }

    [Parameter]
    public SwitchParameter AutoSize { get; set; }

    protected internal override void EndProcessing()
    {
        foreach (var group in FormatGroups.ByType(Items))
        {
            if (ValueText.IsScalar(group[0]))
            {
                WriteObject(FormatGroups.ScalarLines(group));
                continue;
            }

            var columns = Property is { Length: > 0 }
                ? ViewRegistry.PropertyView(group[0], ViewKind.Table, PropertySelector.Expand(group[0], Property)).Columns
                : ViewRegistry.ViewFor(group[0]).Columns;
            WriteObject(new FormattedText(TableRenderer.Render(columns, group, Session.ConsoleWidth)));
        }
    }
}
