using System.Diagnostics;

namespace HyperNest.IntegrationTests;

/// <summary>Finds and kills the processes whose command line mentions a test's private directory (its QEMU workers, its hypernestd).</summary>
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
        foreach (var pid in ProcessesMentioning(text).Where(pid => pid != spare))
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

    /// <summary>The processes (this one aside) whose command line contains every one of <paramref name="texts"/>.</summary>
    public static IReadOnlyList<int> ProcessesMentioning(params string[] texts)
    {
        var found = new List<int>();
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
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            if (texts.All(text => commandLine.Contains(text, StringComparison.Ordinal)))
            {
                found.Add(pid);
            }
        }

        return found;
    }
}
