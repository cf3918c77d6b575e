using HyperNest.Model;
using HyperNest.State;

namespace HyperNest.Hosting;

/// <summary>
/// The operations journal's reading side: what a killed HyperNest left half done is rolled forward or back
/// from what the store says, so no disk, folder, bridge, tap, NAT rule or lock file outlives the change
/// that made it, and store and kernel agree again. Each handler can run any number of times.
/// </summary>
public sealed partial class VirtualizationHost
{
    /// <summary>
    /// Recovers every journalled change whose process is gone (a live one is still at work and is left
    /// alone), oldest first, and says what it did, one line each. hypernestd runs this when it starts.
    /// </summary>
    public IReadOnlyList<string> RecoverInterruptedOperations()
    {
        var done = new List<string>();
        foreach (var operation in _store.Transact(tx => tx.ListOperations()).Where(o => !o.Owner.IsRunning()))
        {
            string outcome;
            try
            {
                outcome = Recover(operation);
            }
            catch (Exception ex) when (ex is HostException or NetworkBackendException or IOException or UnauthorizedAccessException)
            {
                // Kept for the next start: what blocks it now (a busy link, a full disk) may be gone then.
                done.Add($"{operation.Kind} of {operation.Subject} (interrupted at {operation.StartedAt:u}) could not be recovered yet: {ex.Message}");
                continue;
            }

            _store.Transact(tx => tx.DeleteOperation(operation.Id));
            done.Add($"{outcome} (interrupted at {operation.StartedAt:u} in process {operation.Owner.Pid})");
        }

        done.AddRange(_backend.RemoveLeftoversOfEndedWorkers().Select(left => $"removed {left}, left by a worker that ended unseen"));
        return done;
    }

    private string Recover(OperationRecord operation) => operation.Kind switch
    {
        OperationKind.NewVm => RecoverNewVm(operation),
        OperationKind.RemoveVm => RecoverRemoveVm(operation),
        OperationKind.StartVm => RecoverStartVm(operation),
        OperationKind.NewVmSwitch => RecoverSwitch(operation, "New-VMSwitch", "undone: the switch is removed"),
        OperationKind.RemoveVmSwitch => RecoverSwitch(operation, "Remove-VMSwitch", "finished: the switch is removed"),
        OperationKind.NewNetNat or OperationKind.RemoveNetNat => RecoverNat(operation),
        _ => throw new InvalidOperationException($"No recovery for {operation.Kind}."),
    };

    /// <summary>A New-VM that stored the VM had made all it needed; one that had not leaves nothing.</summary>
    private string RecoverNewVm(OperationRecord operation)
    {
        var id = Guid.Parse(operation.Subject);
        if (_store.Transact(tx => tx.FindVm(id)) is { } vm)
        {
            return $"New-VM '{vm.Name}' had finished: the virtual machine is kept";
        }

        DeletePaths(operation.Resources.Reverse());
        return $"New-VM of virtual machine {id} undone: {string.Join(", ", operation.Resources)} deleted";
    }

    /// <summary>A Remove-VM that had deleted the record is finished; one that had not removed nothing.</summary>
    private string RecoverRemoveVm(OperationRecord operation)
    {
        var id = Guid.Parse(operation.Subject);
        if (_store.Transact(tx => tx.FindVm(id)) is { } vm)
        {
            return $"Remove-VM '{vm.Name}' had not begun removing: the virtual machine is kept";
        }

        DeleteRemovedVmFiles(id, operation.Resources);
        return $"Remove-VM of virtual machine {id} finished: {string.Join(", ", operation.Resources)} deleted";
    }

    /// <summary>
    /// A QEMU that Start-VM launched is adopted (Reconcile); without one, the VM is Off and the taps its
    /// Start-VM made go.
    /// </summary>
    private string RecoverStartVm(OperationRecord operation)
    {
        var id = Guid.Parse(operation.Subject);
        if (_store.Transact(tx => tx.FindVm(id)) is not { } stored)
        {
            return $"Start-VM of virtual machine {id}: the virtual machine is gone";
        }

        var vm = Reconcile(stored);
        if (IsRunning(vm))
        {
            return $"Start-VM '{vm.Name}' had launched its worker: the virtual machine is {vm.State}";
        }

        using (HostLock.ForVm(_paths, id))
        {
            RemoveLeftoverPorts(vm);
            _backend.CleanRuntime(vm);
        }

        RecordEvent(vm, Model.VmEventLevel.Warning, $"A Start-VM of '{vm.Name}' was interrupted before its worker ran; it was undone: the virtual machine is {vm.State}.");
        return $"Start-VM '{vm.Name}' undone: the virtual machine is {vm.State}, its ports are gone";
    }

    /// <summary>
    /// A switch still stored after either change is removed (a half-made switch is undone, a half-removed
    /// one finished); then the kernel is made to hold what the store says (bridges, the NIC's addresses).
    /// </summary>
    private string RecoverSwitch(OperationRecord operation, string cmdlet, string outcome)
    {
        var id = Guid.Parse(operation.Subject);
        using var _ = HostLock.ForNetwork(_paths);
        if (_store.Transact(tx => tx.ListSwitches()).FirstOrDefault(s => s.Id == id) is { } record)
        {
            RemoveSwitchLocked(record, force: true);
        }

        // A bridge made before the switch was stored (DeleteLink lets a link that is gone be).
        operation.Resources.ToList().ForEach(_network.DeleteLink);

        ConvergeNetworkToStore();
        return $"{cmdlet} of switch {id} {outcome}";
    }

    /// <summary>The store says which NATs exist (a change is stored last): the NAT table is made to match it.</summary>
    private string RecoverNat(OperationRecord operation)
    {
        using var _ = HostLock.ForNetwork(_paths);
        var nats = _store.Transact(tx => tx.ListNats());
        ApplyNats(nats);
        var cmdlet = operation.Kind == OperationKind.NewNetNat ? "New-NetNat" : "Remove-NetNat";
        return $"{cmdlet} '{operation.Subject}': the NAT table holds what is stored ({(nats.Count == 0 ? "no NAT" : string.Join(", ", nats.Select(n => n.Name)))})";
    }
}
