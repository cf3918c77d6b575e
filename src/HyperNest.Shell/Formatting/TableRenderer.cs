using System.Text;

namespace HyperNest.Shell.Formatting;

/// <summary>Lays out objects as a PowerShell table: header, a dash underline as long as each header, one row per object.</summary>
public static class TableRenderer
{
    public static string Render(IReadOnlyList<ViewColumn> columns, IReadOnlyList<object> items)
    {
        var cells = items.Select(item => columns.Select(c => c.Value(item)).ToArray()).ToList();
        var texts = cells.Select(row => row.Select(v => OneLine(ValueText.Format(v))).ToArray()).ToList();
        var widths = columns.Select((c, i) => texts.Select(row => row[i].Length).Append(c.Header.Length).Max()).ToArray();
        var rightAligned = columns.Select((c, i) => c.Alignment == ColumnAlignment.Right
            || (c.Alignment == ColumnAlignment.Auto && cells.Count > 0 && cells.All(row => row[i] is null || ValueText.IsNumber(row[i])) && cells.Any(row => row[i] is not null))).ToArray();

        var output = new StringBuilder("\n");
        AppendRow(output, columns.Select(c => c.Header).ToArray(), widths, rightAligned);
        AppendRow(output, columns.Select(c => new string('-', c.Header.Length)).ToArray(), widths, rightAligned);
        foreach (var row in texts)
        {
            AppendRow(output, row, widths, rightAligned);
        }

        output.Append('\n');
        return output.ToString();
    }

    private static void AppendRow(StringBuilder output, string[] values, int[] widths, bool[] rightAligned)
    {
        var line = new StringBuilder();
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                line.Append(' ');
            }

            line.Append(rightAligned[i] ? values[i].PadLeft(widths[i]) : values[i].PadRight(widths[i]));
        }

        output.Append(line.ToString().TrimEnd()).Append('\n');
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
