using System.Text;

namespace HyperNest.Shell.Formatting;

/// <summary>
/// Lays out objects as a PowerShell table: header, a dash underline as long as each header, one row per
/// object. Given a console width, columns that do not fit are dropped from the right and the last one
/// shown is cut with '…', as PowerShell 7 does.
/// </summary>
public static class TableRenderer
{
    private const int MinimumTruncatedWidth = 4;

    public static string Render(IReadOnlyList<ViewColumn> columns, IReadOnlyList<object> items, int? consoleWidth = null)
    {
        var cells = items.Select(item => columns.Select(c => c.Value(item)).ToArray()).ToList();
        var texts = cells.Select(row => row.Select(v => OneLine(ValueText.Format(v))).ToArray()).ToList();
        var widths = columns.Select((c, i) => texts.Select(row => row[i].Length).Append(c.Header.Length).Max()).ToArray();
        if (consoleWidth is { } limit)
        {
            var shown = FitToWidth(widths, limit);
            if (shown < columns.Count)
            {
                columns = columns.Take(shown).ToArray();
                widths = widths.Take(shown).ToArray();
                cells = cells.Select(row => row.Take(shown).ToArray()).ToList();
                texts = texts.Select(row => row.Take(shown).ToArray()).ToList();
            }

            texts = texts.Select(row => row.Select((t, i) => Truncate(t, widths[i])).ToArray()).ToList();
        }

        var rightAligned = columns.Select((c, i) => c.Alignment == ColumnAlignment.Right
            || (c.Alignment == ColumnAlignment.Auto && cells.Count > 0 && cells.All(row => row[i] is null || ValueText.IsNumber(row[i])) && cells.Any(row => row[i] is not null))).ToArray();

        var output = new StringBuilder("\n");
        var headers = columns.Select((c, i) => Truncate(c.Header, widths[i])).ToArray();
        AppendRow(output, headers, widths, rightAligned);
        AppendRow(output, headers.Select(h => new string('-', h.Length)).ToArray(), widths, rightAligned);
        foreach (var row in texts)
        {
            AppendRow(output, row, widths, rightAligned);
        }

        output.Append('\n');
        return output.ToString();
    }

    /// <summary>How many columns fit; narrows the last of them (in place) when it only partly fits.</summary>
    private static int FitToWidth(int[] widths, int limit)
    {
        var used = 0;
        for (var i = 0; i < widths.Length; i++)
        {
            var start = i == 0 ? 0 : used + 1;
            if (start + widths[i] <= limit)
            {
                used = start + widths[i];
                continue;
            }

            var room = limit - start;
            if (room >= MinimumTruncatedWidth)
            {
                widths[i] = room;
                return i + 1;
            }

            return Math.Max(1, i);
        }

        return widths.Length;
    }

    private static string Truncate(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";

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
