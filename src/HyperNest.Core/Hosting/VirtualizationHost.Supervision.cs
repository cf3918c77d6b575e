using HyperNest.Model;
using HyperNest.State;

namespace HyperNest.Hosting;

public sealed partial class VirtualizationHost : IWorkerSupervision
{
    /// <summary>QEMU closes its monitors while it exits; its pid may outlive them by a moment.</summary>
    private static readonly TimeSpan WorkerExitGrace = TimeSpan.FromSeconds(3);

    /// <summary>The sampler's agent ping: a guest still booting costs its round this much.</summary>
    private static readonly TimeSpan SamplerPing = TimeSpan.FromMilliseconds(500);

    private const int SamplerParallelism = 4;

    public IReadOnlyList<Guid> SupervisableWorkers() => _backend.SupervisableWorkers();

    public Task<WorkerExit> WatchWorkerAsync(Guid vmId, CancellationToken cancellationToken) => _backend.WatchWorkerAsync(vmId, cancellationToken);

    public VirtualMachine? ObserveWorkerExit(Guid vmId, WorkerExit exit)
    {
        if (_store.Transact(tx => tx.FindVm(vmId)) is null)
        {
            return null;
        }

        using (HostLock.ForVm(_paths, vmId))
        {
            if (_store.Transact(tx => tx.FindVm(vmId)) is not { } vm)
            {
                return null;
            }

            if (vm.State is not (VmState.Running or VmState.Paused))
            {
                if (_backend.FindWorker(vm) is null)
                {
                    // A channel left by a worker whose end was already recorded: gone, so it is not watched again.
                    _backend.CleanRuntime(vm);
                }

                return ToView(vm);
            }

            if (_backend.IsAlive(vm) && !_backend.WaitForExit(vm, WorkerExitGrace, CancellationToken.None))
            {
                // The channel closed but the worker lives on (someone else's QMP quit was refused?): nothing ended.
                return ToView(vm);
            }

            var ended = Update(vmId, current => current.State is VmState.Running or VmState.Paused && current.Pid == vm.Pid ? WorkerEnded(current, exit) : current);
            if (ended.State == VmState.Off)
            {
                // Logged first: whoever sees the ports go finds the event that says why.
                RecordWorkerEnd(ended, exit);
                UnplugVmPorts(ended);
            }

            return ToView(ended);
        }
    }

    public int SampleRunningVms()
    {
        // The store is read here, once; the probes run a few VMs at a time (a guest still booting makes its
        // agent ping wait) and touch only the workers.
        var (vms, choices) = _store.Transact(tx => (tx.ListVms(), tx.ListIntegrationServiceChoices()));
        var sampled = 0;
        Parallel.ForEach(
            vms.Where(v => IsRunning(v) && v.Pid is not null),
            new ParallelOptions { MaxDegreeOfParallelism = SamplerParallelism },
            vm =>
            {
                var generation = LiveSamples.Generation(vm.Id);
                if (!_backend.IsAlive(vm) || _backend.QueryState(vm) is not { } state)
                {
                    // Its end is the supervisor's to record.
                    return;
                }

                var hypervisor = _backend.HypervisorActive(vm);
                var heartbeat = state == VmState.Running
                    && IntegrationServices.IsEnabled(choices.GetValueOrDefault(vm.Id), IntegrationServices.Heartbeat)
                    && AgentAnswers(vm, SamplerPing);
                LiveSamples.Record(vm.Id, generation, new LiveSamples.Sample(vm.Pid!.Value, _clock.GetUtcNow(), state, hypervisor, heartbeat, _backend.SampleUsage(vm)));
                Interlocked.Increment(ref sampled);
            });
        return sampled;
    }

    /// <summary>The record of a VM whose worker is gone: Off, its runtime files removed, a Status that says how it ended.</summary>
    private VmRecord WorkerEnded(VmRecord vm, WorkerExit exit)
    {
        _backend.CleanRuntime(vm);
        LiveSamples.Forget(vm.Id);
        var at = _clock.GetUtcNow();
        var status = exit.Kind switch
        {
            WorkerExitKind.GuestShutdown => $"The guest operating system shut the virtual machine down at {at:u}. Start-VM starts it again.",
            WorkerExitKind.GuestPanic => $"The guest operating system crashed (kernel panic) at {at:u} and the virtual machine was turned off: see Get-VMConsole for its last words. Start-VM starts it again.",
            WorkerExitKind.HostSignal => $"The virtual machine's worker process (QEMU, pid {vm.Pid}) was ended by a signal from outside HyperNest at {at:u} (kill, or the machine shutting down). Start-VM starts it again.",
            WorkerExitKind.HostQuit => $"The virtual machine's worker process (QEMU, pid {vm.Pid}) was told to quit by a QMP client other than HyperNest at {at:u}. Start-VM starts it again.",
            _ => $"The virtual machine's worker process (QEMU, pid {vm.Pid}) ended unexpectedly; it was noticed at {at:u}. It was killed outside HyperNest or crashed: see Get-VMConsole for the guest's last words. Start-VM starts it again.",
        };
        return vm with { State = VmState.Off, Pid = null, StartedAt = null, StatusMessage = status, WorkerMemory = null, MemoryAssignedBytes = null };
    }
}
