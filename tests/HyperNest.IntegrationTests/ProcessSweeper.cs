using System.Diagnostics;

namespace HyperNest.IntegrationTests;

/// <summary>Kills every process whose command line mentions a test's private directory (its QEMU workers).</summary>
internal static class ProcessSweeper
{
    public static void KillProcessesMentioning(string text)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            string commandLine;
            try
            {
                commandLine = File.ReadAllText(Path.Combine(directory, "cmdline"));
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            if (commandLine.Contains(text, StringComparison.Ordinal))
            {
                try
                {
                    Process.GetProcessById(pid).Kill();
                }
                catch (ArgumentException)
                {
                    // Already gone.
                }
                catch (InvalidOperationException)
                {
                }
            }
        }
    }
}
