using System.Diagnostics;
using HyperNest.Hosting;
using HyperNest.Interop;

namespace HyperNest.Images;

/// <summary>Runs a build tool (arguments passed as a list, never through a shell) and logs its output.</summary>
internal static class ExternalTool
{
    /// <summary>How long a cancelled tool gets to clean up after SIGTERM (mmdebstrap unmounts its chroot) before SIGKILL.</summary>
    private static readonly TimeSpan TerminateGrace = TimeSpan.FromSeconds(15);

    public static void Run(
        string fileName,
        IEnumerable<string> arguments,
        TextWriter log,
        CancellationToken cancellationToken,
        Action<string>? onLine = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        lock (log)
        {
            log.WriteLine($"$ {fileName} {string.Join(' ', start.ArgumentList)}");
        }

        var tail = new Queue<string>();
        void Line(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (log)
            {
                log.WriteLine(line);
                tail.Enqueue(line);
                if (tail.Count > 20)
                {
                    tail.Dequeue();
                }
            }

            onLine?.Invoke(line);
        }

        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Line(e.Data);
        process.ErrorDataReceived += (_, e) => Line(e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new HostException($"Cannot run '{fileName}': {e.Message}. Install it on the host.", ErrorCategory.NotInstalled, "ImageToolMissing", fileName, e);
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using (cancellationToken.Register(() => Stop(process)))
        {
            process.WaitForExit();
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (process.ExitCode != 0)
        {
            string lastLines;
            lock (log)
            {
                lastLines = string.Join('\n', tail);
            }

            throw new HostException(
                $"'{fileName}' failed with exit code {process.ExitCode}:\n{lastLines}",
                ErrorCategory.InvalidResult, "ImageBuildStepFailed", fileName);
        }
    }

    private static void Stop(Process process)
    {
        try
        {
            _ = LibC.Kill(process.Id, LibC.SIGTERM);
            if (!process.WaitForExit(TerminateGrace))
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }
}
