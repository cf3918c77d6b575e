namespace HyperNest.PowerShell.Tests.TestSupport;

/// <summary>Reads what Out-String printed: a table's column headers, a list's labels.</summary>
public static class FormattedText
{
    /// <summary>The words of a table's header line (the first non-empty line; headers without spaces).</summary>
    public static string[] TableHeaders(string text) =>
        Lines(text).First(l => l.Length > 0).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The rows of a table, after its header and dashes.</summary>
    public static IReadOnlyList<string> TableRows(string text) =>
        Lines(text).SkipWhile(l => l.Length == 0).Skip(2).Where(l => l.Length > 0).ToList();

    /// <summary>The labels of the first entry of a list ("Label : value" lines, "Label :" when the value is empty).</summary>
    public static string[] ListLabels(string text) =>
        Lines(text).SkipWhile(l => l.Length == 0).TakeWhile(l => l.Length > 0)
            .Select(Separator)
            .Where(l => l.Separator > 0)
            .Select(l => l.Line[..l.Separator].Trim())
            .ToArray();

    /// <summary>The value of <paramref name="label"/> in a list, continuation lines joined with '\n'.</summary>
    public static string ListValue(string text, string label)
    {
        var lines = Lines(text);
        var start = lines.FindIndex(l => l.StartsWith(label + " ", StringComparison.Ordinal) && Separator(l).Separator > 0);
        Assert.True(start >= 0, $"No '{label}' in:\n{text}");
        var indent = Separator(lines[start]).Separator + 3;
        var value = new List<string> { lines[start].Length > indent ? lines[start][indent..] : "" };
        value.AddRange(lines.Skip(start + 1).TakeWhile(l => l.Length > indent && l[..indent].Trim().Length == 0).Select(l => l[indent..]));
        return string.Join('\n', value).TrimEnd();
    }

    /// <summary>Where " : " (or a final " :") parts a list line's label from its value; -1 when the line has none.</summary>
    private static (string Line, int Separator) Separator(string line)
    {
        var separator = line.IndexOf(" : ", StringComparison.Ordinal);
        return (line, separator >= 0 ? separator : line.EndsWith(" :", StringComparison.Ordinal) ? line.Length - 2 : -1);
    }

    private static List<string> Lines(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd()).ToList();
}
