using HyperNest.Hosting;
using HyperNest.Qemu.Qmp;

namespace HyperNest.Qemu;

public sealed partial class QemuVmBackend
{
    public IReadOnlyList<Guid> SupervisableWorkers()
    {
        if (!Directory.Exists(paths.RuntimeRoot))
        {
            return [];
        }

        var workers = new List<Guid>();
        foreach (var directory in Directory.EnumerateDirectories(paths.RuntimeRoot))
        {
            if (Guid.TryParse(Path.GetFileName(directory), out var id) && File.Exists(Path.Combine(directory, QemuRuntimePaths.EventsSocketName)))
            {
                workers.Add(id);
            }
        }

        return workers;
    }

    public IReadOnlySet<Guid> WorkerCandidates()
    {
        var candidates = new HashSet<Guid>();
        try
        {
            foreach (var directory in Directory.EnumerateDirectories(paths.RuntimeRoot))
            {
                if (Guid.TryParse(Path.GetFileName(directory), out var id) && File.Exists(QemuRuntimePaths.ForVm(paths.RuntimeRoot, id).PidFile))
                {
                    candidates.Add(id);
                }
            }
        }
        catch (DirectoryNotFoundException)
        {
            // No VM has run yet.
        }

        return candidates;
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
