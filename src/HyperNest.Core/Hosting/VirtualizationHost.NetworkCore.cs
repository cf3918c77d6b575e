using HyperNest.Model;
using HyperNest.Network.Nftables;
using HyperNest.State;

namespace HyperNest.Hosting;

/// <summary>
/// What every network action shares: one lock across processes, the restore-after-reboot check first,
/// kernel refusals turned into host errors, and the port-guard table rendered from the whole store.
/// </summary>
public sealed partial class VirtualizationHost
{
    /// <summary>
    /// Runs a network action under the network lock, after re-applying the stored configuration when
    /// this boot or namespace has not had it yet. The lock is not re-entrant (flock per open file), so
    /// nothing called from <paramref name="body"/> may take it again.
    /// </summary>
    private T WithNetwork<T>(string action, Func<T> body)
    {
        using var _ = HostLock.ForNetwork(_paths);
        RestoreNetworkLocked();
        try
        {
            return body();
        }
        catch (NetworkBackendException ex)
        {
            throw NetworkErrors.KernelRefused(action, ex);
        }
    }

    private void WithNetwork(string action, Action body) => WithNetwork(action, () =>
    {
        body();
        return true;
    });

    private Revert NewRevert() => new(message => Warning?.Invoke(this, message));

    private void Warn(string message) => Warning?.Invoke(this, message);

    private IReadOnlyList<NetAdapter> CurrentNetAdapters() =>
        NetAdapterCatalog.Build(_network.ListLinks(), _store.Transact(tx => tx.ListSwitches()));

    private NetAdapter ResolveNetAdapter(NetInterfaceSelector selector) =>
        NetAdapterCatalog.Find(CurrentNetAdapters(), selector) ?? throw NetworkErrors.NetAdapterNotFound(selector);

    private static bool IsRunning(VmRecord vm) => vm.State is VmState.Running or VmState.Paused;

    /// <summary>
    /// Renders the bridge table from every port that exists now: the adapters of running VMs (plus
    /// <paramref name="starting"/>, minus <paramref name="stopping"/>), and the ports of isolated switches.
    /// With nothing to guard the table is deleted, so a host without VMs carries no HyperNest rules.
    /// </summary>
    private void ApplyPortGuards(Guid? starting = null, Guid? stopping = null)
    {
        var (vms, adapters, switches) = _store.Transact(tx => (tx.ListVms(), tx.ListAdapters(), tx.ListSwitches()));
        var live = vms.Where(vm => (IsRunning(vm) || vm.Id == starting) && vm.Id != stopping).Select(vm => vm.Id).ToHashSet();
        var ports = adapters.Where(a => live.Contains(a.VmId)).ToList();
        var guards = ports
            .Select(a => new SwitchPortGuard(NetAdapterCatalog.TapName(a.Id), MacAddress.Parse(a.Mac), a.MacSpoofing, a.DhcpGuard, a.RouterGuard))
            .ToList();
        var isolatedSwitches = switches.Where(s => !NetAdapterCatalog.HasHostAdapter(s)).ToList();
        var isolatedIds = isolatedSwitches.Select(s => s.Id).ToHashSet();
        var isolatedPorts = ports.Where(a => a.SwitchId is { } id && isolatedIds.Contains(id)).Select(a => NetAdapterCatalog.TapName(a.Id))
            .Concat(isolatedSwitches.Where(s => s.NetAdapter is not null).Select(s => s.NetAdapter!))
            .ToList();
        if (!guards.Any(g => g.RestrictsTraffic) && isolatedPorts.Count == 0)
        {
            _network.DeleteNftTable(PortGuardRuleset.Family, PortGuardRuleset.TableName(_paths.Home));
            return;
        }

        _network.ApplyNftables(PortGuardRuleset.Render(PortGuardRuleset.TableName(_paths.Home), guards, isolatedPorts));
    }
}
