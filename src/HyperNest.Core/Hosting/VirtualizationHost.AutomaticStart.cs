using HyperNest.Model;

namespace HyperNest.Hosting;

/// <summary>
/// Hyper-V's automatic start actions (Set-VM -AutomaticStartAction), carried out when the host starts:
/// Start starts the VM, StartIfRunning (the default) starts it only if it was running when the host went
/// down, Nothing leaves it off; each after its AutomaticStartDelay. hypernestd asks at its start; a host
/// start is told from a service restart by the kernel's identity (boot id and network namespace, as for the
/// network's restore), so restarting the service starts nothing.
/// </summary>
public sealed partial class VirtualizationHost
{
    /// <summary>host_settings key: the kernel identity whose automatic starts were planned.</summary>
    private const string AutomaticStartIdentityKey = "automatic_start_identity";

    public IReadOnlyList<AutomaticStart> PlanAutomaticStarts()
    {
        var identity = _network.NamespaceIdentity();
        var (planned, vms, stoppedAtShutdown) = _store.Transact(tx => (tx.GetSetting(AutomaticStartIdentityKey), tx.ListVms(), StoppedAtHostShutdown(tx)));
        if (planned == identity)
        {
            return [];
        }

        var starts = vms
            .Where(vm => !_backend.IsAlive(vm) && vm.AutomaticStartAction switch
            {
                StartAction.Start => true,
                // Its record still says what it was doing when the host went down, unless the host's
                // shutdown stopped it (its automatic stop action): then it was running too.
                StartAction.StartIfRunning => vm.State is VmState.Running or VmState.Paused || stoppedAtShutdown.Contains(vm.Id),
                _ => false,
            })
            .OrderBy(vm => vm.AutomaticStartDelay)
            .Select(vm => new AutomaticStart(vm.Name, TimeSpan.FromSeconds(vm.AutomaticStartDelay)))
            .ToList();
        _store.Transact(tx =>
        {
            tx.SetSetting(AutomaticStartIdentityKey, identity);
            SetStoppedAtHostShutdown(tx, []);
        });
        return starts;
    }
}

/// <summary>A VM to start automatically, <paramref name="Delay"/> after the host's start (Hyper-V's AutomaticStartDelay).</summary>
public sealed record AutomaticStart(string Name, TimeSpan Delay);
