namespace HyperNest.Qemu;

/// <summary>
/// QEMU's own messages: its stderr, which the launcher appends to <see cref="QemuRuntimePaths.QemuLog"/>.
/// QEMU's exit status is lost to a service that did not start it; this is what is left to tell why it ended.
/// </summary>
public static class QemuLogFile
{
    /// <summary>What starts the line HyperNest writes above QEMU's own: the command line it ran, as libvirt's QEMU logs begin.</summary>
    private const string StartMarker = "HyperNest starts: ";

    /// <summary>Begins a start's log with the command line (the launcher then appends QEMU's stderr).</summary>
    public static void WriteStart(string path, IEnumerable<string> commandLine) =>
        File.AppendAllText(path, $"{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss.ffffffZ} {StartMarker}{Platform.ShellQuoting.Join(commandLine)}\n");

    /// <summary>QEMU's last <paramref name="maxLines"/> non-empty lines (not HyperNest's own); empty when there is no log.</summary>
    public static IReadOnlyList<string> ReadTail(string path, int maxLines = 20)
    {
        try
        {
            return File.ReadLines(path).Where(l => l.Length > 0 && !l.Contains(StartMarker, StringComparison.Ordinal)).TakeLast(maxLines).ToArray();
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
