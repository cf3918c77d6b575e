using HyperNest.Hosting;
using HyperNest.Qemu.Qmp;

namespace HyperNest.Qemu;

public sealed partial class QemuVmBackend
{
    public IReadOnlyList<Guid> SupervisableWorkers() => VmsWithRuntimeFile(runtime => runtime.EventsSocket).ToList();

    public IReadOnlySet<Guid> WorkerCandidates() => VmsWithRuntimeFile(runtime => runtime.PidFile).ToHashSet();

    /// <summary>The VMs whose runtime directory holds the file <paramref name="file"/> names: one listing of the runtime root.</summary>
    private IEnumerable<Guid> VmsWithRuntimeFile(Func<QemuRuntimePaths, string> file)
    {
        if (!Directory.Exists(paths.RuntimeRoot))
        {
            // No VM has run yet.
            return [];
        }

        return Directory.EnumerateDirectories(paths.RuntimeRoot)
            .Select(directory => Guid.TryParse(Path.GetFileName(directory), out var id) ? id : (Guid?)null)
            .OfType<Guid>()
            .Where(id => File.Exists(file(QemuRuntimePaths.ForVm(paths.RuntimeRoot, id))))
            .ToList();
    }

    public async Task<WorkerExit> WatchWorkerAsync(Guid vmId, CancellationToken cancellationToken)
    {
        var socket = QemuRuntimePaths.ForVm(paths.RuntimeRoot, vmId).EventsSocket;
        await using var qmp = await QmpClient.ConnectAsync(socket, ConnectTimeout, cancellationToken).ConfigureAwait(false);
        // Nothing is asked: QEMU sends its events (SHUTDOWN before it exits) and closes the monitor when it ends.
        await qmp.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
        var shutdown = qmp.TakeEvents().LastOrDefault(e => e.Name == QmpEventNames.Shutdown);
        return WorkerExit.FromShutdownCause(shutdown?.ShutdownReason);
    }
}
