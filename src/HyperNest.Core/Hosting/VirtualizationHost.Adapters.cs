using HyperNest.Model;
using HyperNest.State;

namespace HyperNest.Hosting;

/// <summary>
/// VM network adapters: a virtio-net device in the guest, a tap on the switch's bridge on the host (made
/// at Start-VM, gone at stop), and its switch-port settings enforced by the bridge guard table.
/// </summary>
public sealed partial class VirtualizationHost
{
    /// <summary>Hyper-V gives a VM at most 8 synthetic network adapters.</summary>
    public const int MaxNetworkAdapters = 8;

    public const string DefaultAdapterName = "Network Adapter";

    public IReadOnlyList<VmNetworkAdapter> GetVmNetworkAdapters(string vmName)
    {
        var vm = Load(vmName);
        var (adapters, switches) = _store.Transact(tx => (tx.ListAdapters(vm.Id), tx.ListSwitches()));
        // One short ask per VM, as Hyper-V's integration services report the guest's addresses.
        var reported = vm.State == VmState.Running && adapters.Count > 0
            ? _backend.GuestIpAddresses(vm, TimeSpan.FromSeconds(1))
            : new Dictionary<string, IReadOnlyList<string>>();
        return adapters
            .Select(a => ToAdapterView(vm, a, switches) with { IPAddresses = reported.GetValueOrDefault(a.Mac) ?? [] })
            .ToList();
    }

    public IReadOnlyList<VmNetworkAdapter> GetManagementOsNetworkAdapters()
    {
        var switches = _store.Transact(tx => tx.ListSwitches()).Where(NetAdapterCatalog.HasHostAdapter).ToList();
        var links = _network.ListLinks();
        return switches.Select(s => new VmNetworkAdapter
        {
            Name = s.Name,
            AdapterId = s.Id,
            IsManagementOs = true,
            SwitchName = s.Name,
            SwitchId = s.Id,
            MacAddress = MacAddressPool.Display(links.FirstOrDefault(l => l.Name == s.Bridge)?.MacAddress ?? ""),
            DynamicMacAddressEnabled = false,
            Connected = true,
            Status = "Ok",
            InterfaceName = s.Bridge,
        }).ToList();
    }

    public VmNetworkAdapter AddVmNetworkAdapter(string vmName, AddVmNetworkAdapterRequest request)
    {
        var vm = Load(vmName);
        RequireOff(vm, "add a network adapter", "Hot-add is not available: Stop-VM it first, then Add-VMNetworkAdapter.");
        var name = string.IsNullOrWhiteSpace(request.Name) ? DefaultAdapterName : request.Name.Trim();
        var switchRecord = request.SwitchName is { } switchName ? FindSwitchOrThrow(switchName) : null;
        var staticMac = request.StaticMacAddress is { } text ? MacAddressPool.ParseStatic(text, vm.Name) : null;
        var record = _store.Transact(tx =>
        {
            var existing = tx.ListAdapters(vm.Id);
            if (existing.Count >= MaxNetworkAdapters)
            {
                throw HostErrors.InvalidArgument($"'{vm.Name}' already has {MaxNetworkAdapters} network adapters, the most a virtual machine can have. Remove one with Remove-VMNetworkAdapter first.", vm.Name);
            }

            if (staticMac is not null && tx.MacInUse(staticMac))
            {
                throw NetworkErrors.Exists($"The MAC address {MacAddressPool.Display(staticMac)} is already used by another network adapter.", vm.Name);
            }

            var adapter = new NetworkAdapterRecord
            {
                Id = Guid.NewGuid(),
                VmId = vm.Id,
                Slot = existing.Count == 0 ? 0 : existing.Max(a => a.Slot) + 1,
                Name = name,
                SwitchId = switchRecord?.Id,
                Mac = staticMac ?? MacAddressPool.Next(mac => tx.MacInUse(mac)),
                StaticMac = staticMac is not null,
            };
            tx.InsertAdapter(adapter);
            return adapter;
        });
        return ToAdapterView(vm, record, _store.Transact(tx => tx.ListSwitches()));
    }

    public void RemoveVmNetworkAdapter(string vmName, Guid adapterId)
    {
        var vm = Load(vmName);
        var adapter = FindAdapter(vm, adapterId);
        RequireOff(vm, "remove a network adapter", "Hot-remove is not available: Stop-VM it first, or Disconnect-VMNetworkAdapter to unplug it while it runs.");
        _store.Transact(tx => tx.DeleteAdapter(adapter.Id));
    }

    public VmNetworkAdapter ConnectVmNetworkAdapter(string vmName, Guid adapterId, string switchName) =>
        WithNetwork($"Connecting the network adapter of '{vmName}' to \"{switchName}\"", () =>
        {
            var vm = LoadAdapterOwner(vmName, "connect the network adapter");
            var adapter = FindAdapter(vm, adapterId);
            var target = FindSwitchOrThrow(switchName);
            var connected = adapter with { SwitchId = target.Id };
            _store.Transact(tx => tx.UpdateAdapter(connected));
            if (IsRunning(vm))
            {
                var tap = NetAdapterCatalog.TapName(adapter.Id);
                _network.SetMaster(tap, target.Bridge);
                try
                {
                    // The port's VLAN goes with it to the new switch (the tap joined it in the untagged VLAN).
                    ApplySwitchVlans(target, PortsOn(target));
                }
                catch (HostException)
                {
                    var previous = _store.Transact(tx => tx.ListSwitches()).FirstOrDefault(s => s.Id == adapter.SwitchId);
                    _network.SetMaster(tap, previous?.Bridge);
                    _store.Transact(tx => tx.UpdateAdapter(adapter));
                    throw;
                }

                ApplyPortGuards();
                _backend.SetLinkState(vm, DeviceIndex(vm, adapter), true);
            }

            return ToAdapterView(vm, connected, _store.Transact(tx => tx.ListSwitches()));
        });

    public VmNetworkAdapter DisconnectVmNetworkAdapter(string vmName, Guid adapterId) =>
        WithNetwork($"Disconnecting the network adapter of '{vmName}'", () =>
        {
            var vm = LoadAdapterOwner(vmName, "disconnect the network adapter");
            var adapter = FindAdapter(vm, adapterId);
            UnplugRunningAdapter(vm, adapter);
            var disconnected = adapter with { SwitchId = null };
            _store.Transact(tx => tx.UpdateAdapter(disconnected));
            ApplyPortGuards();
            return ToAdapterView(vm, disconnected, _store.Transact(tx => tx.ListSwitches()));
        });

    /// <summary>Any state: the name lives only in HyperNest's store (the guest sees a virtio NIC either way).</summary>
    public VmNetworkAdapter RenameVmNetworkAdapter(string vmName, Guid adapterId, string newName)
    {
        var vm = LoadAdapterOwner(vmName, "rename the network adapter");
        if (string.IsNullOrWhiteSpace(newName))
        {
            throw HostErrors.InvalidArgument("-NewName is empty: give the network adapter a name.", vm.Name);
        }

        var renamed = _store.Transact(tx =>
        {
            var adapter = tx.ListAdapters(vm.Id).FirstOrDefault(a => a.Id == adapterId) ?? throw NetworkErrors.AdapterNotFound(vm.Name, adapterId);
            var next = adapter with { Name = newName.Trim() };
            tx.UpdateAdapter(next);
            return next;
        });
        return ToAdapterView(vm, renamed, _store.Transact(tx => tx.ListSwitches()));
    }

    public VmNetworkAdapter SetVmNetworkAdapter(string vmName, Guid adapterId, SetVmNetworkAdapterRequest request) =>
        WithNetwork($"Changing the network adapter of '{vmName}'", () =>
        {
            var vm = LoadAdapterOwner(vmName, "change the port settings");
            var adapter = FindAdapter(vm, adapterId);
            var changesMac = request.StaticMacAddress is not null || request.DynamicMacAddress;
            if (request.StaticMacAddress is not null && request.DynamicMacAddress)
            {
                throw HostErrors.InvalidArgument("-StaticMacAddress and -DynamicMacAddress contradict each other: give one of them.", vm.Name);
            }

            if (changesMac)
            {
                // Hyper-V: "The MAC address cannot be changed while the virtual machine is running".
                RequireOff(vm, "change the MAC address", "The guest's device keeps its address while it runs: Stop-VM it first.");
            }

            var updated = adapter with
            {
                MacSpoofing = request.MacAddressSpoofing is { } spoofing ? spoofing == OnOffState.On : adapter.MacSpoofing,
                DhcpGuard = request.DhcpGuard is { } dhcp ? dhcp == OnOffState.On : adapter.DhcpGuard,
                RouterGuard = request.RouterGuard is { } router ? router == OnOffState.On : adapter.RouterGuard,
            };
            updated = _store.Transact(tx =>
            {
                var withMac = request switch
                {
                    { StaticMacAddress: { } text } => StaticMac(tx, updated, MacAddressPool.ParseStatic(text, vm.Name)),
                    { DynamicMacAddress: true } when adapter.StaticMac => updated with { StaticMac = false, Mac = MacAddressPool.Next(mac => tx.MacInUse(mac)) },
                    _ => updated,
                };
                tx.UpdateAdapter(withMac);
                return withMac;
            });
            if (IsRunning(vm))
            {
                // Applied to the running VM's port at once: the guard table is replaced atomically.
                ApplyPortGuards();
            }

            return ToAdapterView(vm, updated, _store.Transact(tx => tx.ListSwitches()));
        });

    /// <summary>New-VM's "Network Adapter", connected when -SwitchName was given.</summary>
    private static void AddDefaultAdapter(StateTransaction tx, Guid vmId, Guid? switchId) => tx.InsertAdapter(new NetworkAdapterRecord
    {
        Id = Guid.NewGuid(),
        VmId = vmId,
        Slot = 0,
        Name = DefaultAdapterName,
        SwitchId = switchId,
        Mac = MacAddressPool.Next(mac => tx.MacInUse(mac)),
    });

    private static NetworkAdapterRecord StaticMac(StateTransaction tx, NetworkAdapterRecord adapter, string mac)
    {
        if (tx.MacInUse(mac, adapter.Id))
        {
            throw NetworkErrors.Exists($"The MAC address {MacAddressPool.Display(mac)} is already used by another network adapter.", mac);
        }

        return adapter with { Mac = mac, StaticMac = true };
    }

    /// <summary>A running VM's adapter leaves its bridge and the guest sees the cable pulled.</summary>
    private void UnplugRunningAdapter(VmRecord vm, NetworkAdapterRecord adapter)
    {
        if (!IsRunning(vm) || adapter.SwitchId is null)
        {
            return;
        }

        _network.SetMaster(NetAdapterCatalog.TapName(adapter.Id), null);
        _backend.SetLinkState(vm, DeviceIndex(vm, adapter), false);
    }

    /// <summary>The adapter's position among the VM's adapters: QEMU's device hn-net{i} (slots can have gaps after a removal).</summary>
    private int DeviceIndex(VmRecord vm, NetworkAdapterRecord adapter) =>
        _store.Transact(tx => tx.ListAdapters(vm.Id)).ToList().FindIndex(a => a.Id == adapter.Id);

    private SwitchRecord FindSwitchOrThrow(string name) =>
        _store.Transact(tx => tx.FindSwitch(name)) ?? throw NetworkErrors.SwitchNotFound(name);

    /// <summary>Management-OS adapters (Get-VMNetworkAdapter -ManagementOS) carry no VM name: their port is the host's own.</summary>
    private VmRecord LoadAdapterOwner(string vmName, string action) => string.IsNullOrEmpty(vmName)
        ? throw HostErrors.InvalidArgument(
            $"Cannot {action} of a management-OS adapter: it is the host's own interface on the switch (\"vEthernet (…)\"), not a VM port. " +
            "Configure the host side with the Net* cmdlets (New-NetIPAddress, Set-DnsClientServerAddress), or pass a VM's adapter (Get-VMNetworkAdapter -VMName <vm>).")
        : Load(vmName);

    private NetworkAdapterRecord FindAdapter(VmRecord vm, Guid adapterId) =>
        _store.Transact(tx => tx.ListAdapters(vm.Id)).FirstOrDefault(a => a.Id == adapterId) ?? throw NetworkErrors.AdapterNotFound(vm.Name, adapterId);

    private static void RequireOff(VmRecord vm, string action, string whatToDo)
    {
        if (vm.State != VmState.Off)
        {
            throw HostErrors.WrongState(vm.Name, action, vm.State, whatToDo);
        }
    }

    private static VmNetworkAdapter ToAdapterView(VmRecord vm, NetworkAdapterRecord adapter, IReadOnlyList<SwitchRecord> switches)
    {
        var switchRecord = switches.FirstOrDefault(s => s.Id == adapter.SwitchId);
        var running = IsRunning(vm);
        return new VmNetworkAdapter
        {
            Name = adapter.Name,
            AdapterId = adapter.Id,
            VMName = vm.Name,
            VMId = vm.Id,
            SwitchName = switchRecord?.Name,
            SwitchId = switchRecord?.Id,
            MacAddress = MacAddressPool.Display(adapter.Mac),
            DynamicMacAddressEnabled = !adapter.StaticMac,
            MacAddressSpoofing = adapter.MacSpoofing ? OnOffState.On : OnOffState.Off,
            DhcpGuard = adapter.DhcpGuard ? OnOffState.On : OnOffState.Off,
            RouterGuard = adapter.RouterGuard ? OnOffState.On : OnOffState.Off,
            Connected = running && switchRecord is not null,
            Status = !running ? "" : switchRecord is null ? "Not connected to a switch" : "Ok",
            InterfaceName = running ? NetAdapterCatalog.TapName(adapter.Id) : null,
        };
    }
}
