namespace HyperNest.Qemu;

/// <summary>
/// QEMU's own messages after it daemonized (the -D file, see <see cref="QemuRuntimePaths.QemuLog"/>).
/// QEMU's exit status is lost once it daemonizes; this is what is left to tell why it ended.
/// </summary>
public static class QemuLogFile
{
    /// <summary>The last <paramref name="maxLines"/> non-empty lines; empty when there is no log.</summary>
    public static IReadOnlyList<string> ReadTail(string path, int maxLines = 20)
    {
        try
        {
            return File.ReadLines(path).Where(l => l.Length > 0).TakeLast(maxLines).ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>
    /// QEMU's last message without its timestamp and program prefix, e.g. "terminating on signal 15 from
    /// pid 10521 (bash)", or null when it left none (it was SIGKILLed, or quit normally over QMP).
    /// </summary>
    public static string? LastMessage(string path) => ReadTail(path, 1) is [var line] ? StripPrefixes(line) : null;

    /// <summary>"2026-11-22T04:14:00.123456Z qemu-system-x86_64: text" → "text".</summary>
    public static string StripPrefixes(string line)
    {
        var text = line;
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0 && DateTimeOffset.TryParse(text.AsSpan(0, space), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out _))
        {
            text = text[(space + 1)..];
        }

        const string program = "qemu-system-x86_64: ";
        return text.StartsWith(program, StringComparison.Ordinal) ? text[program.Length..] : text;
    }
}
