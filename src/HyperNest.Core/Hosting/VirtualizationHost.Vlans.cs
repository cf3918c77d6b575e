using HyperNest.Model;
using HyperNest.State;

namespace HyperNest.Hosting;

/// <summary>
/// VLANs of switch ports (Get-/Set-VMNetworkAdapterVlan) through the bridge's 802.1Q VLAN filtering. A
/// bridge filters from the first port that leaves Untagged; until then nothing about it changes. Settings
/// are stored per port and applied when a VM starts, when its adapter joins another switch, after a
/// reboot (RestoreNetwork), and at once to a running VM's port, as Hyper-V does.
/// </summary>
public sealed partial class VirtualizationHost
{
    /// <summary>The VLAN settings of a VM's adapters, or with a null <paramref name="vmName"/> of the host's adapters on switches.</summary>
    public IReadOnlyList<VmNetworkAdapterVlanSetting> GetVmNetworkAdapterVlans(string? vmName)
    {
        if (vmName is null)
        {
            var switches = _store.Transact(tx => tx.ListSwitches()).ToDictionary(s => s.Id);
            return GetManagementOsNetworkAdapters().Select(a => VlanRules.ToSetting(a, switches[a.AdapterId].HostVlan)).ToList();
        }

        var vm = Load(vmName);
        var (adapters, all) = _store.Transact(tx => (tx.ListAdapters(vm.Id), tx.ListSwitches()));
        return adapters.Select(a => VlanRules.ToSetting(ToAdapterView(vm, a, all), a.Vlan)).ToList();
    }

    /// <summary>
    /// An empty <paramref name="vmName"/> names the host's own port on the switch with id <paramref name="adapterId"/>
    /// (a management-OS adapter's AdapterId). Refused, with nothing changed, when this kernel cannot filter VLANs.
    /// </summary>
    public VmNetworkAdapterVlanSetting SetVmNetworkAdapterVlan(string vmName, Guid adapterId, SetVlanRequest request) =>
        WithNetwork($"Setting the VLAN of the network adapter of '{(vmName.Length == 0 ? "the management OS" : vmName)}'", () =>
        {
            var vlan = VlanRules.ToPortVlan(request, vmName.Length == 0 ? "ManagementOS" : vmName);
            return vmName.Length == 0 ? SetHostPortVlan(adapterId, vlan) : SetVmPortVlan(vmName, adapterId, vlan);
        });

    private VmNetworkAdapterVlanSetting SetVmPortVlan(string vmName, Guid adapterId, PortVlan vlan)
    {
        var vm = Load(vmName);
        var adapter = FindAdapter(vm, adapterId);
        var switches = _store.Transact(tx => tx.ListSwitches());
        var switchRecord = switches.FirstOrDefault(s => s.Id == adapter.SwitchId);
        var changed = adapter with { Vlan = vlan };
        if (IsRunning(vm) && switchRecord is not null)
        {
            // Applied before it is stored: a kernel that cannot filter leaves both the port and the store as they were.
            ApplySwitchVlans(switchRecord, ports: PortsOn(switchRecord, replacing: changed), explicitChange: true);
        }

        _store.Transact(tx => tx.UpdateAdapter(changed));
        return VlanRules.ToSetting(ToAdapterView(vm, changed, switches), vlan);
    }

    private VmNetworkAdapterVlanSetting SetHostPortVlan(Guid switchId, PortVlan vlan)
    {
        var switchRecord = _store.Transact(tx => tx.ListSwitches()).FirstOrDefault(s => s.Id == switchId && NetAdapterCatalog.HasHostAdapter(s))
            ?? throw HostErrors.InvalidArgument(
                "The management OS has no adapter on that switch: -ManagementOS sets the host's own port of an Internal switch, or of an External one that allows the management OS. Get-VMNetworkAdapter -ManagementOS lists them.");
        var changed = switchRecord with { HostVlan = vlan };
        ApplySwitchVlans(changed, PortsOn(changed), explicitChange: true);
        _store.Transact(tx => tx.UpdateSwitch(changed));
        var parent = GetManagementOsNetworkAdapters().Single(a => a.AdapterId == switchId);
        return VlanRules.ToSetting(parent, vlan);
    }

    /// <summary>The adapters with a live port on the switch: running VMs' (plus <paramref name="starting"/>), with <paramref name="replacing"/> in place of its stored self.</summary>
    private IReadOnlyList<NetworkAdapterRecord> PortsOn(SwitchRecord switchRecord, NetworkAdapterRecord? replacing = null, Guid? starting = null)
    {
        var (vms, adapters) = _store.Transact(tx => (tx.ListVms(), tx.ListAdapters()));
        var live = vms.Where(vm => IsRunning(vm) || vm.Id == starting).Select(vm => vm.Id).ToHashSet();
        return adapters
            .Select(a => a.Id == replacing?.Id ? replacing : a)
            .Where(a => a.SwitchId == switchRecord.Id && live.Contains(a.VmId))
            .ToList();
    }

    /// <summary>
    /// Brings the bridge's VLANs in line with its ports. While every port (and the host's) is Untagged the
    /// bridge is left alone (an <paramref name="explicitChange"/> back to Untagged turns filtering off), so
    /// switches without VLANs behave exactly as before; otherwise filtering goes on and every port gets its entries.
    /// </summary>
    private void ApplySwitchVlans(SwitchRecord switchRecord, IReadOnlyList<NetworkAdapterRecord> ports, bool explicitChange = false)
    {
        var hostPort = NetAdapterCatalog.HasHostAdapter(switchRecord) ? switchRecord.HostVlan : PortVlan.Untagged;
        if (hostPort.IsUntagged && ports.All(p => p.Vlan.IsUntagged))
        {
            if (explicitChange)
            {
                // False means this kernel cannot filter at all, which is "off" too.
                _network.SetVlanFiltering(switchRecord.Bridge, enabled: false);
            }

            return;
        }

        if (!_network.SetVlanFiltering(switchRecord.Bridge, enabled: true))
        {
            throw NetworkErrors.VlanFilteringUnavailable(switchRecord.Name);
        }

        foreach (var port in ports)
        {
            _network.ReplacePortVlans(NetAdapterCatalog.TapName(port.Id), self: false, SwitchPortVlans.For(port.Vlan));
        }

        _network.ReplacePortVlans(switchRecord.Bridge, self: true, SwitchPortVlans.For(hostPort));
        if (switchRecord.NetAdapter is { } uplink)
        {
            _network.ReplacePortVlans(uplink, self: false, SwitchPortVlans.Uplink);
        }
    }
}
