using HyperNest.Model;
using HyperNest.State;

namespace HyperNest.Hosting;

/// <summary>
/// Hyper-V's automatic stop actions (Set-VM -AutomaticStopAction), carried out when the host shuts down:
/// Save (the default) saves the VM's state, TurnOff turns it off, ShutDown asks the guest and turns it off
/// when it does not end within Stop-VM -Force's grace period. Not when hypernestd stops: a service restart
/// leaves the VMs running (as VMMS and libvirtd do). The hypernest-guests unit asks at the machine's
/// shutdown, as libvirt-guests does for libvirt; one VM after another, as libvirt-guests by default.
/// The VMs it stopped are remembered, so a StartIfRunning VM starts (or is restored) with the next host start.
/// </summary>
public sealed partial class VirtualizationHost
{
    /// <summary>host_settings key: ids of the VMs the last host shutdown stopped, comma-separated.</summary>
    private const string StoppedAtHostShutdownKey = "stopped_at_host_shutdown";

    public IReadOnlyList<AutomaticStopResult> ApplyAutomaticStopActions()
    {
        var running = _store.Transact(tx => tx.ListVms())
            .Where(vm => vm.State is VmState.Running or VmState.Paused && _backend.IsAlive(vm))
            .ToList();
        var results = new List<AutomaticStopResult>();
        foreach (var vm in running)
        {
            try
            {
                var after = vm.AutomaticStopAction switch
                {
                    StopAction.TurnOff => StopVm(vm.Name, StopMode.TurnOff),
                    StopAction.ShutDown => ShutDownForHost(vm),
                    _ => StopVm(vm.Name, StopMode.Save),
                };
                // At once, not after the loop: a shutdown that ends this process half-way still restores these.
                RememberStoppedAtHostShutdown(vm.Id);
                RecordEvent(vm, VmEventLevel.Information, $"'{vm.Name}' is {after.State}: its automatic stop action ({vm.AutomaticStopAction}) as the host shuts down.");
                results.Add(new AutomaticStopResult(vm.Name, vm.AutomaticStopAction, after.State, null));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // One VM that cannot stop its way (a save that fails on a full disk, a QEMU that does not
                // answer) does not keep the others from theirs.
                RecordEvent(vm, VmEventLevel.Error, $"'{vm.Name}' could not carry out its automatic stop action ({vm.AutomaticStopAction}) as the host shuts down: {ex.Message}");
                results.Add(new AutomaticStopResult(vm.Name, vm.AutomaticStopAction, vm.State, ex.Message));
            }
        }

        return results;
    }

    private void RememberStoppedAtHostShutdown(Guid vmId) => _store.Transact(tx =>
        SetStoppedAtHostShutdown(tx, StoppedAtHostShutdown(tx).Append(vmId).Distinct()));

    /// <summary>A VM the user starts (or starts and stops) after the host's shutdown stopped it is the user's again: the next boot goes by its record.</summary>
    private void ForgetStoppedAtHostShutdown(Guid vmId) => _store.Transact(tx =>
    {
        var ids = StoppedAtHostShutdown(tx);
        if (ids.Contains(vmId))
        {
            SetStoppedAtHostShutdown(tx, ids.Where(id => id != vmId));
        }
    });

    /// <summary>A paused guest cannot hear a shutdown request: it is resumed first.</summary>
    private VirtualMachine ShutDownForHost(VmRecord vm)
    {
        if (vm.State == VmState.Paused)
        {
            ResumeVm(vm.Name);
        }

        return StopVm(vm.Name, StopMode.Force);
    }

    /// <summary>Stores the list; an empty one is no setting at all.</summary>
    private static void SetStoppedAtHostShutdown(StateTransaction tx, IEnumerable<Guid> ids) =>
        tx.SetSetting(StoppedAtHostShutdownKey, ids.Any() ? string.Join(',', ids) : null);

    private static IReadOnlyList<Guid> StoppedAtHostShutdown(StateTransaction tx) =>
        (tx.GetSetting(StoppedAtHostShutdownKey) ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(Guid.Parse)
            .ToList();
}

/// <summary>What a VM's automatic stop action did at the host's shutdown; <paramref name="Error"/> when it could not.</summary>
public sealed record AutomaticStopResult(string VMName, StopAction Action, VmState State, string? Error);
