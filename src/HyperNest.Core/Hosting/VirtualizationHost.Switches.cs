using System.Net;
using HyperNest.Model;
using HyperNest.State;

namespace HyperNest.Hosting;

/// <summary>New-, Get-, Remove- and Rename-VMSwitch: a Linux bridge behind each Hyper-V virtual switch.</summary>
public sealed partial class VirtualizationHost
{
    public VmSwitch NewVmSwitch(NewVmSwitchRequest request)
    {
        SwitchRules.CheckName(request.Name);
        var type = SwitchRules.ResolveType(request);
        return WithNetwork($"Creating virtual switch \"{request.Name}\"", () =>
        {
            if (_store.Transact(tx => tx.FindSwitch(request.Name)) is not null)
            {
                throw NetworkErrors.SwitchExists(request.Name);
            }

            var id = Guid.NewGuid();
            var record = new SwitchRecord
            {
                Id = id,
                Name = request.Name,
                SwitchType = type,
                Bridge = NetAdapterCatalog.BridgeName(id),
                AllowManagementOS = type == VmSwitchType.Internal || (type == VmSwitchType.External && (request.AllowManagementOS ?? true)),
                Notes = request.Notes ?? "",
                CreatedAt = _clock.GetUtcNow(),
            };

            using var journal = BeginOperation(OperationKind.NewVmSwitch, id, [record.Bridge]);
            using var revert = NewRevert();
            if (type == VmSwitchType.External)
            {
                var nic = ResolveBindableNic(request.NetAdapterName!);
                record = record with { NetAdapter = nic.LinuxName, NetAdapterDescription = nic.InterfaceDescription, NetAdapterMac = Network.Nftables.MacAddress.Parse(nic.MacAddress).ToString() };
            }

            CreateSwitchBridge(record, revert);
            _store.Transact(tx => tx.InsertSwitch(record));
            revert.Add("store the switch", () => _store.Transact(tx => tx.DeleteSwitch(id)));
            if (record.NetAdapter is { } bound)
            {
                MoveIpConfiguration(bound, record.Bridge, record.AllowManagementOS, revert);
            }

            ApplyPortGuards();
            revert.Success();
            return ToSwitchView(record);
        });
    }

    public IReadOnlyList<VmSwitch> GetVmSwitches()
    {
        var (switches, adapters, vms) = _store.Transact(tx => (tx.ListSwitches(), tx.ListAdapters(), tx.ListVms()));
        return switches.Select(s => ToSwitchView(s, adapters, vms)).ToList();
    }

    public VmSwitch GetVmSwitch(string name) =>
        GetVmSwitches().FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)) ?? throw NetworkErrors.SwitchNotFound(name);

    public void RemoveVmSwitch(string name, bool force) => WithNetwork($"Removing virtual switch \"{name}\"", () =>
    {
        var record = _store.Transact(tx => tx.FindSwitch(name)) ?? throw NetworkErrors.SwitchNotFound(name);
        using var journal = BeginOperation(OperationKind.RemoveVmSwitch, record.Id, [record.Bridge]);
        RemoveSwitchLocked(record, force);
    });

    /// <summary>Under the network lock. Also finishes a Remove-VMSwitch, or undoes a New-VMSwitch, that was killed half-way.</summary>
    private void RemoveSwitchLocked(SwitchRecord record, bool force)
    {
        var (adapters, vms) = _store.Transact(tx => (tx.ListAdapters(), tx.ListVms()));
        var connected = adapters.Where(a => a.SwitchId == record.Id).ToList();
        if (connected.Count > 0 && !force)
        {
            throw NetworkErrors.SwitchInUse(record.Name, connected.Select(a => vms.First(v => v.Id == a.VmId).Name).Distinct());
        }

        foreach (var adapter in connected)
        {
            var vm = vms.First(v => v.Id == adapter.VmId);
            UnplugRunningAdapter(vm, adapter);
            _store.Transact(tx => tx.UpdateAdapter(adapter with { SwitchId = null }));
        }

        _network.DeleteLink(record.Bridge);

        _store.Transact(tx =>
        {
            if (record.NetAdapter is { } bound)
            {
                tx.RekeyInterface(record.Bridge, bound);
            }

            tx.ForgetInterface(record.Bridge);
            tx.DeleteSwitch(record.Id);
        });
        if (record.NetAdapter is { } nic)
        {
            // The NIC gets its IP configuration back, as Hyper-V re-binds TCP/IP to it when the switch goes.
            ApplyStoredIpConfiguration(nic);
        }

        ApplyPortGuards();
        ApplyDnsServers();
    }

    public VmSwitch RenameVmSwitch(string name, string newName)
    {
        SwitchRules.CheckName(newName);
        return WithNetwork($"Renaming virtual switch \"{name}\"", () =>
        {
            var record = _store.Transact(tx => tx.FindSwitch(name)) ?? throw NetworkErrors.SwitchNotFound(name);
            if (_store.Transact(tx => tx.FindSwitch(newName)) is { } other && other.Id != record.Id)
            {
                throw NetworkErrors.SwitchExists(newName);
            }

            var renamed = record with { Name = newName };
            if (NetAdapterCatalog.HasHostAdapter(renamed))
            {
                _network.SetAlias(record.Bridge, NetAdapterCatalog.HostAdapterName(newName));
            }

            _store.Transact(tx => tx.UpdateSwitch(renamed));
            return GetVmSwitch(newName);
        });
    }

    /// <summary>An External switch's NIC: a network card (not a bridge or tap) that no bridge owns yet.</summary>
    private NetAdapter ResolveBindableNic(string name)
    {
        var adapter = ResolveNetAdapter(NetInterfaceSelector.ByAlias(name));
        var link = _network.ListLinks().First(l => l.Index == adapter.ifIndex);
        if (!NetAdapterCatalog.IsNicKind(link.Kind))
        {
            throw HostErrors.InvalidArgument(
                $"\"{adapter.Name}\" ({link.Name}) is a {link.Kind} interface, not a network adapter: an External switch binds a physical (or veth) adapter. Get-NetAdapter lists them as \"Ethernet\", \"Ethernet 2\", ….", name);
        }

        if (link.Master is { } master)
        {
            throw HostErrors.InvalidArgument(
                adapter.VMSwitchName is { } owner
                    ? $"The network adapter \"{adapter.Name}\" is already bound to the virtual switch \"{owner}\". Remove that switch first, or choose another adapter."
                    : $"The network adapter \"{adapter.Name}\" ({link.Name}) already belongs to the bridge {master}. Free it first (ip link set {link.Name} nomaster), or choose another adapter.",
                name);
        }

        return adapter;
    }

    private void CreateSwitchBridge(SwitchRecord record, Revert? revert)
    {
        var hasHost = NetAdapterCatalog.HasHostAdapter(record);
        _network.CreateBridge(record.Bridge, hasHost ? NetAdapterCatalog.HostAdapterName(record.Name) : null, hostIsolated: !hasHost);
        revert?.Add($"create bridge {record.Bridge}", () => _network.DeleteLink(record.Bridge));
        if (record.NetAdapter is not { } nic)
        {
            return;
        }

        if (hasHost && record.NetAdapterMac is { } mac)
        {
            // The host keeps its MAC on the wire (as Hyper-V's management vNIC takes the NIC's), so
            // neighbours' ARP caches and DHCP leases stay valid.
            _network.SetMacAddress(record.Bridge, mac);
        }

        _network.SetMaster(nic, record.Bridge);
        revert?.Add($"bind {nic} to {record.Bridge}", () => _network.SetMaster(nic, null));
        _network.SetLinkUp(nic, true);
    }

    /// <summary>
    /// Moves the IP configuration (global addresses and default routes, live and stored) from one link to
    /// another: onto an External switch's bridge when it is created, back to the NIC when it is removed.
    /// With <paramref name="moveLive"/> false the addresses only leave <paramref name="from"/> (no host presence).
    /// </summary>
    private void MoveIpConfiguration(string from, string to, bool moveLive, Revert? revert)
    {
        var addresses = _network.ListAddresses().Where(a => a.LinkName == from && a.Scope == "global").ToList();
        var routes = _network.ListDefaultRoutes().Where(r => r.LinkName == from && r.Gateway is not null).ToList();
        var stored = _store.Transact(tx => tx.ListIpAddresses());
        _store.Transact(tx =>
        {
            // Addresses the NIC had before HyperNest (ifupdown, DHCP) become stored ones, so they follow.
            foreach (var address in addresses.Where(a => !stored.Any(s => s.Interface == from && s.Address == a.Address.ToString())))
            {
                tx.InsertIpAddress(new StoredIpAddress(from, address.Address.ToString(), address.PrefixLength));
            }

            foreach (var route in routes)
            {
                tx.InsertGateway(new StoredGateway(from, route.Gateway!.ToString()));
            }

            tx.RekeyInterface(from, to);
        });
        revert?.Add($"move IP configuration from {from} to {to}", () => _store.Transact(tx => tx.RekeyInterface(to, from)));
        foreach (var address in addresses)
        {
            _network.RemoveAddress(from, address.Address, address.PrefixLength);
            revert?.Add($"remove {address.Address} from {from}", () => _network.AddAddress(from, address.Address, address.PrefixLength));
            if (moveLive)
            {
                _network.AddAddress(to, address.Address, address.PrefixLength);
                revert?.Add($"add {address.Address} to {to}", () => _network.RemoveAddress(to, address.Address, address.PrefixLength));
            }
        }

        if (moveLive)
        {
            foreach (var route in routes)
            {
                _network.AddDefaultRoute(to, route.Gateway!);
            }
        }
    }

    private VmSwitch ToSwitchView(SwitchRecord record)
    {
        var (adapters, vms) = _store.Transact(tx => (tx.ListAdapters(), tx.ListVms()));
        return ToSwitchView(record, adapters, vms);
    }

    private VmSwitch ToSwitchView(SwitchRecord record, IReadOnlyList<NetworkAdapterRecord> adapters, IReadOnlyList<VmRecord> vms) => new()
    {
        Name = record.Name,
        Id = record.Id,
        SwitchType = record.SwitchType,
        NetAdapterInterfaceDescription = record.NetAdapterDescription,
        NetAdapterName = record.NetAdapter is { } nic ? CurrentNetAdapters().FirstOrDefault(a => a.LinuxName == nic)?.Name ?? nic : null,
        AllowManagementOS = NetAdapterCatalog.HasHostAdapter(record),
        BridgeName = record.Bridge,
        Notes = record.Notes,
        ConnectedVMs = adapters.Where(a => a.SwitchId == record.Id)
            .Select(a => vms.FirstOrDefault(v => v.Id == a.VmId)?.Name)
            .OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList(),
    };
}
