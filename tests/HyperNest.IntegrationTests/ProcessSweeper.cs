using System.Diagnostics;

namespace HyperNest.IntegrationTests;

/// <summary>Kills every process whose command line mentions a test's private directory (its QEMU workers, its hypernestd).</summary>
internal static class ProcessSweeper
{
    /// <summary>Stops the home's hypernestd, if one runs, and waits for it to end.</summary>
    public static void StopService(string home)
    {
        if (new HyperNest.Api.ServiceEndpoint(new HyperNest.Hosting.HostPaths(home, home)).ServicePid() is not { } pid)
        {
            return;
        }

        try
        {
            using var service = Process.GetProcessById(pid);
            service.Kill();
            service.WaitForExit(10_000);
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
        catch (InvalidOperationException)
        {
        }
    }

    public static void KillProcessesMentioning(string text, int? spare = null)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || pid == Environment.ProcessId || pid == spare)
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
