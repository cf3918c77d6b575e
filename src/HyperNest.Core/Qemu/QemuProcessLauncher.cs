using System.Diagnostics;
using HyperNest.Platform;
using HyperNest.Qemu.Qmp;

namespace HyperNest.Qemu;

/// <summary>
/// Starts a VM's QEMU. QEMU daemonizes: the process we start exits as soon as the VM is set up (sockets
/// listening, pidfile written) with 0, or with 1 and the reason on stderr. The VM itself runs in a
/// grandchild, so its later exit status is never observable; only its pid, via -pidfile.
/// </summary>
public sealed class QemuProcessLauncher
{
    private readonly string _qemuBinary;

    public QemuProcessLauncher(string qemuBinary = QemuConfinement.Binary)
    {
        _qemuBinary = qemuBinary;
    }

    /// <summary>Starts QEMU for <paramref name="spec"/>; throws <see cref="QemuLaunchException"/> with QEMU's own error text.</summary>
    public async Task<QemuProcess> LaunchAsync(QemuLaunchSpec spec, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var argv = QemuCommandLine.Build(spec);
        if (QemuProcessInspector.ReadPidFile(spec.Runtime.PidFile) is { } previous && QemuProcessInspector.IsAlive(previous, spec.VmId))
        {
            throw new QemuLaunchException($"QEMU for this VM is already running (pid {previous})", "", null);
        }

        spec.Runtime.Prepare();
        var start = new ProcessStartInfo(_qemuBinary)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in argv)
        {
            start.ArgumentList.Add(argument);
        }

        using var parent = StartProcess(start);
        parent.StandardInput.Close();

        // QEMU points the daemon's stdio at /dev/null before it releases the parent, so these reads end
        // right after the parent exits and never wait on the VM (os_setup_post in QEMU's os-posix.c).
        var stderr = parent.StandardError.ReadToEndAsync(CancellationToken.None);
        var stdout = parent.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        try
        {
            await parent.WaitForExitAsync(cancellationToken).WaitAsync(limit, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            try
            {
                parent.Kill();
            }
            catch (InvalidOperationException)
            {
                // It exited between the timeout and the kill.
            }

            await KillDaemonIfAnyAsync(spec).ConfigureAwait(false);
            if (e is TimeoutException)
            {
                throw new QemuLaunchException($"QEMU did not finish starting within {limit.TotalSeconds:0.#} s", await TextOrEmptyAsync(stderr).ConfigureAwait(false), null);
            }

            throw;
        }

        var errorText = await TextOrEmptyAsync(stderr).ConfigureAwait(false);
        await TextOrEmptyAsync(stdout).ConfigureAwait(false);

        // Once the daemon child has opened the -D file it writes its errors there, not to our pipe.
        errorText = string.Join('\n', new[] { errorText.Trim() }.Concat(QemuLogFile.ReadTail(spec.Runtime.QemuLog).Select(QemuLogFile.StripPrefixes)).Where(t => t.Length > 0));
        if (parent.ExitCode != 0)
        {
            await KillDaemonIfAnyAsync(spec).ConfigureAwait(false);
            throw new QemuLaunchException("QEMU failed to start", errorText, parent.ExitCode);
        }

        var pid = QemuProcessInspector.ReadPidFile(spec.Runtime.PidFile)
            ?? throw new QemuLaunchException($"QEMU started but wrote no pid to {spec.Runtime.PidFile}", errorText, 0);
        var startTime = QemuProcessInspector.ReadStartTime(pid);
        if (startTime is null || !QemuProcessInspector.IsAlive(pid, spec.VmId))
        {
            throw new QemuLaunchException($"QEMU (pid {pid}) exited right after starting", errorText, null);
        }

        if (spec.IncomingStateFile is { } stateFile)
        {
            await LoadStateAsync(spec, stateFile, limit, cancellationToken).ConfigureAwait(false);
        }

        return new QemuProcess(spec.VmId, pid, startTime.Value);
    }

    /// <summary>
    /// Hands the saved state to a QEMU waiting with "-incoming defer": the host opens the file (QEMU, no longer
    /// root, could not) and QEMU reads it in the background; the caller waits for it to leave "inmigrate".
    /// </summary>
    private static async Task LoadStateAsync(QemuLaunchSpec spec, string stateFile, TimeSpan limit, CancellationToken cancellationToken)
    {
        try
        {
            using var file = File.OpenHandle(stateFile, FileMode.Open, FileAccess.Read, FileShare.Read);
            await using var qmp = await QmpClient.ConnectAsync(spec.Runtime.QmpSocket, limit, cancellationToken).ConfigureAwait(false);
            await qmp.LoadStateAsync(file, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or QmpException or TimeoutException)
        {
            await KillDaemonIfAnyAsync(spec).ConfigureAwait(false);
            throw new QemuLaunchException($"QEMU could not be given the saved state {stateFile}", e.Message, null);
        }
    }

    private Process StartProcess(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new QemuLaunchException($"{_qemuBinary} did not start", "", null);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new QemuLaunchException($"{_qemuBinary} could not be run (is QEMU installed?)", e.Message, null);
        }
    }

    private static async Task KillDaemonIfAnyAsync(QemuLaunchSpec spec)
    {
        if (QemuProcessInspector.ReadPidFile(spec.Runtime.PidFile) is { } pid)
        {
            await QemuProcessTerminator.TerminateAsync(pid, spec.VmId, TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        }
    }

    private static async Task<string> TextOrEmptyAsync(Task<string> read)
    {
        try
        {
            return await read.WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or IOException)
        {
            return "";
        }
    }
}
