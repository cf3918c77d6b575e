using HyperNest.Model;
using HyperNest.State;

namespace HyperNest.Hosting;

/// <summary>
/// The VMs' event log (Get-VMEvent): every change of a VM's run state, by a cmdlet or by the guest, and the
/// QEMU command line of every start, as Hyper-V's VMMS writes its Admin log.
/// </summary>
public sealed partial class VirtualizationHost
{
    public IReadOnlyList<VmEvent> GetVmEvents(string? name, int newest)
    {
        if (newest < 1)
        {
            throw HostErrors.InvalidArgument($"-Newest {newest} is not valid: give how many events to show, at least 1.");
        }

        var vmId = name is null ? (Guid?)null : FindVmId(name);
        return _store.Transact(tx => tx.ListVmEvents(vmId, newest));
    }

    public event EventHandler<VmEvent>? EventRecorded;

    private void RecordEvent(VmRecord vm, VmEventLevel level, string message)
    {
        var recorded = new VmEvent { TimeCreated = _clock.GetUtcNow(), Level = level, VMName = vm.Name, VMId = vm.Id, Message = message };
        _store.Transact(tx => tx.InsertVmEvent(recorded));
        EventRecorded?.Invoke(this, recorded);
    }

    /// <summary>A start's events: that it started (or came back from its saved state), and the worker's command line.</summary>
    private void RecordStart(VmRecord vm, bool restored)
    {
        var how = restored ? "was restored from its saved state" : "started successfully";
        RecordEvent(vm, VmEventLevel.Information, $"'{vm.Name}' {how} (QEMU pid {vm.Pid}, {vm.Accelerator}).");
        if (_backend.WorkerCommandLine(vm) is { } commandLine)
        {
            RecordEvent(vm, VmEventLevel.Information, $"'{vm.Name}' runs in: {commandLine}");
        }
    }

    /// <summary>The end of a worker HyperNest did not ask for, with the status Get-VM shows.</summary>
    private void RecordWorkerEnd(VmRecord ended, WorkerExit exit) =>
        RecordEvent(ended, exit.Kind switch
        {
            WorkerExitKind.GuestShutdown => VmEventLevel.Information,
            WorkerExitKind.HostSignal or WorkerExitKind.HostQuit => VmEventLevel.Warning,
            _ => VmEventLevel.Error,
        }, ended.StatusMessage ?? $"'{ended.Name}' was turned off.");
}
