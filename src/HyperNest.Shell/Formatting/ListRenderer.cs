using System.Text;

namespace HyperNest.Shell.Formatting;

/// <summary>Lays out objects as a PowerShell list: "Label : value" lines, one block per object.</summary>
public static class ListRenderer
{
    public static string Render(IReadOnlyList<ViewColumn> columns, IReadOnlyList<object> items)
    {
        var width = columns.Count == 0 ? 0 : columns.Max(c => c.Header.Length);
        var output = new StringBuilder("\n");
        foreach (var item in items)
        {
            foreach (var column in columns)
            {
                var lines = ValueText.Format(column.Value(item)).ReplaceLineEndings("\n").Split('\n');
                output.Append(column.Header.PadRight(width)).Append(" : ").Append(lines[0]).Append('\n');
                foreach (var continuation in lines.Skip(1))
                {
                    output.Append(' ', width + 3).Append(continuation).Append('\n');
                }
            }

            output.Append('\n');
        }

        return output.ToString();
    }
}
