namespace HyperNest.PowerShell.Cmdlets.Guest;

/// <summary>Turns a guest program's captured text into the lines the pipeline carries.</summary>
internal static class GuestOutput
{
    private const string WarningPrefix = "WARNING: ";

    /// <summary>Lines without their terminators; the final newline does not make an empty last line.</summary>
    public static IReadOnlyList<string> Lines(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        return lines[^1].Length == 0 ? lines[..^1] : lines;
    }

    /// <summary>The host shell adds its own prefix when it prints the warning again.</summary>
    public static string WithoutWarningPrefix(string line) =>
        line.StartsWith(WarningPrefix, StringComparison.Ordinal) ? line[WarningPrefix.Length..] : line;
}
