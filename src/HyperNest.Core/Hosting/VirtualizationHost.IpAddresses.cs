using System.Net;
using System.Net.Sockets;
using HyperNest.Model;
using HyperNest.State;

namespace HyperNest.Hosting;

/// <summary>Get-NetAdapter and New-/Get-/Remove-NetIPAddress on this machine (the host, or inside a guest alike).</summary>
public sealed partial class VirtualizationHost
{
    public IReadOnlyList<NetAdapter> GetNetAdapters() => WithNetwork("Listing network adapters", CurrentNetAdapters);

    public IReadOnlyList<NetIpAddress> GetNetIpAddresses() => WithNetwork("Listing IP addresses", () =>
    {
        var adapters = CurrentNetAdapters();
        var links = _network.ListLinks();
        var stored = _store.Transact(tx => tx.ListIpAddresses());
        var result = new List<NetIpAddress>();
        foreach (var address in _network.ListAddresses())
        {
            var adapter = adapters.FirstOrDefault(a => a.ifIndex == address.LinkIndex);
            var loopback = links.FirstOrDefault(l => l.Index == address.LinkIndex)?.Kind == "loopback";
            if (adapter is null && !loopback)
            {
                continue;
            }

            var manual = stored.Any(s => s.Interface == address.LinkName && s.Address == address.Address.ToString());
            var origin = manual ? "Manual" : loopback || address.Scope != "global" ? "WellKnown" : address.Dynamic ? "Dhcp" : "Manual";
            result.Add(new NetIpAddress
            {
                IPAddress = address.Address.ToString(),
                InterfaceIndex = address.LinkIndex,
                InterfaceAlias = adapter?.Name ?? "Loopback Pseudo-Interface 1",
                AddressFamily = Family(address.Address),
                PrefixLength = address.PrefixLength,
                PrefixOrigin = origin,
                SuffixOrigin = origin == "WellKnown" && address.Scope == "link" ? "Link" : origin,
            });
        }

        return result;
    });

    public IReadOnlyList<NetIpAddress> NewNetIpAddress(NewNetIpAddressRequest request) => WithNetwork($"Adding {request.IPAddress}", () =>
    {
        var adapter = ResolveNetAdapter(request.Interface);
        var (address, prefix, gateway) = IpAddressRules.Check(request, adapter.Name);
        if (adapter.VMSwitchName is { } owner && !NetAdapterCatalog.IsSwitchHostAdapter(adapter))
        {
            throw HostErrors.InvalidArgument(
                $"\"{adapter.Name}\" is bound to the virtual switch \"{owner}\": the host's addresses on it belong on \"{NetAdapterCatalog.HostAdapterName(owner)}\". Use -InterfaceAlias \"{NetAdapterCatalog.HostAdapterName(owner)}\".", request.IPAddress);
        }

        var existing = _network.ListAddresses();
        if (existing.FirstOrDefault(a => a.Address.Equals(address)) is { } taken)
        {
            throw NetworkErrors.Exists($"Instance MSFT_NetIPAddress {address} already exists (on {CurrentNetAdapters().FirstOrDefault(a => a.ifIndex == taken.LinkIndex)?.Name ?? taken.LinkName}).", request.IPAddress);
        }

        RequireOutsideNats(address, adapter);
        if (gateway is not null && _network.ListDefaultRoutes().FirstOrDefault(r => r.Gateway?.AddressFamily == gateway.AddressFamily && !gateway.Equals(r.Gateway)) is { } route)
        {
            throw NetworkErrors.Exists(
                $"Instance DefaultGateway already exists: this machine's {Family(gateway)} default route goes through {route.Gateway} ({route.LinkName}). Remove that address (Remove-NetIPAddress) or its route first.",
                request.IPAddress);
        }

        using var revert = NewRevert();
        if (adapter.Status == "Disabled")
        {
            // Linux leaves a NIC down until something configures it (no network manager in a guest);
            // Windows adapters are enabled, so giving one an address brings it up.
            _network.SetLinkUp(adapter.LinuxName, true);
        }

        _network.AddAddress(adapter.LinuxName, address, prefix);
        revert.Add($"add {address}", () => _network.RemoveAddress(adapter.LinuxName, address, prefix));
        if (gateway is not null)
        {
            _network.AddDefaultRoute(adapter.LinuxName, gateway);
            revert.Add($"route via {gateway}", () => _network.RemoveDefaultRoute(adapter.LinuxName, gateway));
        }

        _store.Transact(tx =>
        {
            tx.InsertIpAddress(new StoredIpAddress(adapter.LinuxName, address.ToString(), prefix));
            if (gateway is not null)
            {
                tx.InsertGateway(new StoredGateway(adapter.LinuxName, gateway.ToString()));
            }
        });
        revert.Success();
        return (IReadOnlyList<NetIpAddress>)
        [
            new NetIpAddress
            {
                IPAddress = address.ToString(),
                InterfaceIndex = adapter.ifIndex,
                InterfaceAlias = adapter.Name,
                AddressFamily = Family(address),
                PrefixLength = prefix,
                PrefixOrigin = "Manual",
                SuffixOrigin = "Manual",
                AddressState = "Tentative",
            },
        ];
    });

    public void RemoveNetIpAddress(NetInterfaceSelector selector, string ipAddress) => WithNetwork($"Removing {ipAddress}", () =>
    {
        if (!IPAddress.TryParse(ipAddress, out var address))
        {
            throw HostErrors.InvalidArgument($"-IPAddress \"{ipAddress}\" is not an IPv4 or IPv6 address.", ipAddress);
        }

        var adapters = CurrentNetAdapters();
        NetAdapter? only = selector.Alias is null && selector.Index is null ? null : NetAdapterCatalog.Find(adapters, selector) ?? throw NetworkErrors.NetAdapterNotFound(selector);
        var matches = _network.ListAddresses()
            .Where(a => a.Address.Equals(address) && (only is null ? adapters.Any(n => n.ifIndex == a.LinkIndex) : a.LinkIndex == only.ifIndex))
            .ToList();
        if (matches.Count == 0)
        {
            throw new HostException(
                $"No MSFT_NetIPAddress objects found with property 'IPAddress' equal to '{ipAddress}'{(only is null ? "" : $" on \"{only.Name}\"")}. Get-NetIPAddress lists this machine's addresses.",
                ErrorCategory.ObjectNotFound, "ObjectNotFound", ipAddress);
        }

        foreach (var match in matches)
        {
            _network.RemoveAddress(match.LinkName, match.Address, match.PrefixLength);
            _store.Transact(tx => tx.DeleteIpAddress(match.LinkName, match.Address.ToString()));
            DropUnreachableGateways(match.LinkName);
        }
    });

    /// <summary>A stored default gateway that no remaining address on its link reaches goes too (the kernel drops the route itself).</summary>
    private void DropUnreachableGateways(string link)
    {
        var remaining = _network.ListAddresses().Where(a => a.LinkName == link).ToList();
        foreach (var gateway in _store.Transact(tx => tx.ListGateways()).Where(g => g.Interface == link))
        {
            var gatewayAddress = IPAddress.Parse(gateway.Gateway);
            if (!remaining.Any(a => IpAddressRules.SameSubnet(a.Address, gatewayAddress, a.PrefixLength)))
            {
                _network.RemoveDefaultRoute(link, gatewayAddress);
                _store.Transact(tx => tx.DeleteGateway(link, gateway.Gateway));
            }
        }
    }

    /// <summary>Re-applies the stored addresses and default routes of one link (a NIC freed from its switch, or after a reboot).</summary>
    private void ApplyStoredIpConfiguration(string link)
    {
        if (_network.ListLinks().FirstOrDefault(l => l.Name == link) is { AdminUp: false })
        {
            Try($"bring {link} up", () => _network.SetLinkUp(link, true));
        }

        var live = _network.ListAddresses().Where(a => a.LinkName == link).ToList();
        var (addresses, gateways) = _store.Transact(tx => (tx.ListIpAddresses(), tx.ListGateways()));
        foreach (var stored in addresses.Where(a => a.Interface == link))
        {
            var address = IPAddress.Parse(stored.Address);
            if (!live.Any(a => a.Address.Equals(address)))
            {
                Try($"add {stored.Address}/{stored.PrefixLength} to {link}", () => _network.AddAddress(link, address, stored.PrefixLength));
            }
        }

        foreach (var gateway in gateways.Where(g => g.Interface == link))
        {
            Try($"add the default route via {gateway.Gateway} on {link}", () => _network.AddDefaultRoute(link, IPAddress.Parse(gateway.Gateway)));
        }
    }

    /// <summary>An address inside a NAT's internal prefix belongs on the internal side (a vEthernet adapter), not on the way out.</summary>
    private void RequireOutsideNats(IPAddress address, NetAdapter adapter)
    {
        if (NetAdapterCatalog.IsSwitchHostAdapter(adapter) || address.AddressFamily != AddressFamily.InterNetwork)
        {
            return;
        }

        foreach (var nat in _store.Transact(tx => tx.ListNats()))
        {
            if (Network.Nftables.Ipv4Prefix.Parse(nat.InternalPrefix).Contains(address))
            {
                throw HostErrors.InvalidArgument(
                    $"{address} lies inside the internal prefix {nat.InternalPrefix} of the NAT \"{nat.Name}\", but \"{adapter.Name}\" is not an internal switch's adapter: traffic to it would be translated. Use another address, or put it on the NAT's vEthernet adapter.",
                    address.ToString());
            }
        }
    }

    private void Try(string what, Action action)
    {
        try
        {
            action();
        }
        catch (NetworkBackendException ex)
        {
            Warn($"Could not {what}: {ex.Message}");
        }
    }

    private static string Family(IPAddress address) => address.AddressFamily == AddressFamily.InterNetworkV6 ? "IPv6" : "IPv4";
}
