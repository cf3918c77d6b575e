using System.Collections.Concurrent;
using HyperNest.Hosting;
using HyperNest.Service.Logging;

namespace HyperNest.Service;

/// <summary>
/// Holds one event channel per running VM (QEMU's second QMP monitor) and brings the VM's record in line
/// the moment its worker ends: a guest that powers itself off is Off, with its ports gone and a Status
/// that says so, without waiting for the next command to look. New workers are found by a look at the
/// runtime directory after every API call (workers start only through calls) and every
/// <see cref="BackstopInterval"/>; at the service's start the same look re-attaches to the VMs that kept
/// running. No polling in between: inside a TCG guest (an L1 running HyperNest) every idle wake-up costs
/// the guest's only vCPU.
/// </summary>
internal sealed class VmSupervisor : IAsyncDisposable
{
    private static readonly TimeSpan BackstopInterval = TimeSpan.FromSeconds(10);

    /// <summary>A watch whose channel failed is not retried sooner than this.</summary>
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(500);

    private readonly IWorkerSupervision _host;
    private readonly ServiceLog _log;
    private readonly ConcurrentDictionary<Guid, Task> _watches = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _nudge = new(0, 1);
    private readonly Lock _observeLock = new();
    private Task? _scanLoop;

    public VmSupervisor(IWorkerSupervision host, ServiceLog log)
    {
        _host = host;
        _log = log;
    }

    public void Start() => _scanLoop = Task.Run(ScanLoopAsync);

    /// <summary>A call just ended (it may have started a worker): look now.</summary>
    public void Nudge()
    {
        try
        {
            _nudge.Release();
        }
        catch (SemaphoreFullException)
        {
            // A look is already due.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_scanLoop is not null)
        {
            await _scanLoop.ConfigureAwait(false);
        }

        // Watches end with the token; the VMs keep running (a restarted service re-attaches).
        await Task.WhenAll(_watches.Values).ConfigureAwait(false);
        _stopping.Dispose();
        _nudge.Dispose();
    }

    private async Task ScanLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                foreach (var id in _host.SupervisableWorkers())
                {
                    _ = _watches.GetOrAdd(id, vmId => Task.Run(() => WatchAsync(vmId)));
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                _log.Error("supervisor", $"supervisor: cannot list the runtime directory: {ex.Message}");
            }

            try
            {
                await _nudge.WaitAsync(BackstopInterval, _stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static KeyValuePair<string, string> VmField(Guid vmId) => ServiceLog.Field(LogFields.VmId, vmId.ToString("D"));

    private async Task WatchAsync(Guid vmId)
    {
        WorkerExit exit;
        try
        {
            exit = await _host.WatchWorkerAsync(vmId, _stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            // A channel nobody serves: the worker died before (or while) the supervisor looked. Whatever
            // left its socket behind, the record is checked as for an unexpected end.
            _log.Warning("supervisor", $"supervisor: VM {vmId}: its event channel did not open ({ex.Message})", VmField(vmId));
            exit = new WorkerExit(WorkerExitKind.Unexpected);
        }

        try
        {
            // One at a time: the host API behind the supervisor serves one caller.
            var vm = await Task.Run(() =>
            {
                lock (_observeLock)
                {
                    return _host.ObserveWorkerExit(vmId, exit);
                }
            }).ConfigureAwait(false);
            _log.Info(
                "supervisor",
                $"supervisor: VM {vmId} ({vm?.Name ?? "removed"}): worker ended ({exit.Kind}{(exit.Reason is null ? "" : ", " + exit.Reason)}); now {vm?.State.ToString() ?? "gone"}",
                [VmField(vmId), .. vm is null ? [] : new[] { ServiceLog.Field(LogFields.VmName, vm.Name) }]);
        }
        catch (Exception ex)
        {
            _log.Error("supervisor", $"supervisor: VM {vmId}: recording the end of its worker failed: {ex.Message}", VmField(vmId));
        }
        finally
        {
            await Task.Delay(RetryPause).ConfigureAwait(false);
            // A new watch may start when a new worker (a Start-VM) makes the socket again; the old one is
            // gone with CleanRuntime.
            _watches.TryRemove(vmId, out _);
        }
    }
}
