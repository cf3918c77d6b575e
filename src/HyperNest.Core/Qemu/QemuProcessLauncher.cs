using System.Diagnostics;
using HyperNest.Platform;
using HyperNest.Qemu.Qmp;

namespace HyperNest.Qemu;

/// <summary>
/// Starts a VM's QEMU, not daemonized: QEMU 7.2 installs its seccomp filter (-sandbox) before -daemonize forks,
/// so a daemonizing QEMU could not deny itself fork and exec (spawn=deny). /bin/sh starts it instead, in a
/// session of its own (setsid, so no signal meant for the service's process group reaches it), with stdin at
/// /dev/null and stdout and stderr appended to the VM's QEMU log, where its last words ("terminating on signal
/// 15 from pid …") outlive it. It is this process's child (its exit status is seen while it starts, and .NET
/// reaps it later); when the service ends it lives on, re-parented, and the next service adopts it by its pid.
/// QEMU has started when its QMP monitor greets: QEMU greets from its main loop, after the machine is built
/// and it has dropped to its user.
/// </summary>
public sealed class QemuProcessLauncher
{
    /// <summary>
    /// Points its output at the log (so the reason for any failure is there), enters the cgroups named before
    /// "--" (the shell's pid is QEMU's: exec keeps it), then runs "$@" as a new session's leader (setsid(1) does
    /// not fork: sh's child leads no group).
    /// </summary>
    private const string StartScript =
        "log=$1; shift; exec </dev/null >>\"$log\" 2>&1; while [ \"$1\" != -- ]; do echo $$ > \"$1/cgroup.procs\" || exit 125; shift; done; shift; exec setsid \"$@\"";

    /// <summary>
    /// How long QEMU may take to greet. On a host it greets within a second, but an L2's QEMU started in an L1
    /// that itself runs under TCG took 8 to 25 s, and over 30 s while the L1 was busy (measured); one that has not
    /// greeted in two minutes is hung. Start-VM can be stopped (Ctrl+C) before then.
    /// </summary>
    public static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(2);

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

        if (!File.Exists(_qemuBinary))
        {
            throw new QemuLaunchException($"{_qemuBinary} could not be run (is QEMU installed? apt-get install qemu-system-x86)", "", null);
        }

        spec.Runtime.Prepare();
        QemuLogFile.WriteStart(spec.Runtime.QemuLog, [_qemuBinary, .. argv]);
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        foreach (var argument in (string[])["-c", StartScript, "sh", spec.Runtime.QemuLog, .. spec.CgroupDirectories, "--", _qemuBinary, .. argv])
        {
            start.ArgumentList.Add(argument);
        }

        using var qemu = Process.Start(start) ?? throw new QemuLaunchException("/bin/sh did not start", "", null);
        var limit = timeout ?? StartLimit;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        QmpClient? qmp = null;
        try
        {
            qmp = await ConnectUnlessItExitsAsync(qemu, spec, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill(qemu);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw new QemuLaunchException($"QEMU did not finish starting within {limit.TotalSeconds:0.#} s", ErrorText(spec), null);
        }

        await using (qmp)
        {
            if (qmp is null)
            {
                throw new QemuLaunchException("QEMU failed to start", ErrorText(spec), qemu.ExitCode);
            }

            var startTime = QemuProcessInspector.ReadStartTime(qemu.Id);
            if (startTime is null || !QemuProcessInspector.IsAlive(qemu.Id, spec.VmId))
            {
                throw new QemuLaunchException($"QEMU (pid {qemu.Id}) exited right after starting", ErrorText(spec), null);
            }

            if (spec.IncomingStateFile is { } stateFile)
            {
                await LoadStateAsync(qmp, qemu, stateFile, cancellationToken).ConfigureAwait(false);
            }

            return new QemuProcess(spec.VmId, qemu.Id, startTime.Value);
        }
    }

    /// <summary>QEMU's greeting on its QMP socket, or null when QEMU exited first (a bad option, a disk it cannot open).</summary>
    private static async Task<QmpClient?> ConnectUnlessItExitsAsync(Process qemu, QemuLaunchSpec spec, CancellationToken cancellationToken)
    {
        using var exited = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var exit = qemu.WaitForExitAsync(cancellationToken);
        var connect = QmpClient.ConnectAsync(spec.Runtime.QmpSocket, Timeout.InfiniteTimeSpan, exited.Token);
        if (await Task.WhenAny(exit, connect).ConfigureAwait(false) == connect && connect.IsCompletedSuccessfully)
        {
            return connect.Result;
        }

        await exited.CancelAsync().ConfigureAwait(false);
        try
        {
            await (await connect.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or TimeoutException or System.Net.Sockets.SocketException or QmpException)
        {
            // A QEMU that ends while greeting closes the socket: that is its exit, not a failure to connect.
        }

        await exit.ConfigureAwait(false);
        return null;
    }

    private static void Kill(Process qemu)
    {
        try
        {
            qemu.Kill();
            qemu.WaitForExit(TimeSpan.FromSeconds(5));
        }
        catch (InvalidOperationException)
        {
            // It exited on its own meanwhile.
        }
    }

    /// <summary>What QEMU wrote while it started (stderr goes to the log), without timestamps and program name.</summary>
    private static string ErrorText(QemuLaunchSpec spec) =>
        string.Join('\n', QemuLogFile.ReadTail(spec.Runtime.QemuLog).Select(QemuLogFile.StripPrefixes).Where(t => t.Length > 0));

    /// <summary>
    /// Hands the saved state to a QEMU waiting with "-incoming defer": the host opens the file (QEMU, no longer
    /// root, could not) and QEMU reads it in the background; the caller waits for it to leave "inmigrate".
    /// </summary>
    private static async Task LoadStateAsync(QmpClient qmp, Process qemu, string stateFile, CancellationToken cancellationToken)
    {
        try
        {
            using var file = File.OpenHandle(stateFile, FileMode.Open, FileAccess.Read, FileShare.Read);
            await qmp.LoadStateAsync(file, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or QmpException or TimeoutException)
        {
            Kill(qemu);
            throw new QemuLaunchException($"QEMU could not be given the saved state {stateFile}", e.Message, null);
        }
    }
}
