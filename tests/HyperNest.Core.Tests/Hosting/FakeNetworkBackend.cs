using System.Net;
using HyperNest.Hosting;

namespace HyperNest.Core.Tests.Hosting;

/// <summary>
/// An in-memory kernel: links, addresses, default routes, nft tables, forwarding and resolv.conf, so
/// the network rules run without touching a namespace. <see cref="FailOn"/> makes one operation throw,
/// to prove that a failure halfway leaves nothing behind.
/// </summary>
internal sealed class FakeNetworkBackend : INetworkBackend
{
    private int _nextIndex = 1;

    public FakeNetworkBackend()
    {
        AddNic("lo", "loopback", "00:00:00:00:00:00");
    }

    public List<LinkInfo> Links { get; } = [];

    public List<AddressInfo> Addresses { get; } = [];

    public List<RouteInfo> Routes { get; } = [];

    /// <summary>Applied nft scripts, by "family name" of the table they replace (the last script wins).</summary>
    public Dictionary<string, string> Tables { get; } = [];

    public List<IPAddress> ResolverServers { get; } = [];

    /// <summary>Bridges created with hostIsolated (no host presence: Private switches and the like).</summary>
    public HashSet<string> IsolatedBridges { get; } = [];

    public string Identity { get; set; } = "boot-1/net:[1]";

    /// <summary>Name of an INetworkBackend method that throws the next time it is called.</summary>
    public string? FailOn { get; set; }

    /// <summary>Told the name of every change before the kernel makes it (a <see cref="KillPoint"/> kills there).</summary>
    public Action<string>? Changing { get; set; }

    public bool Ipv4Forwarding
    {
        get => _ipv4Forwarding;
        set
        {
            Fail(nameof(Ipv4Forwarding));
            _ipv4Forwarding = value;
        }
    }

    private bool _ipv4Forwarding;

    /// <summary>A NIC (or loopback) as the machine has it before HyperNest runs.</summary>
    public LinkInfo AddNic(string name, string kind = "", string? mac = null)
    {
        var index = _nextIndex++;
        var link = new LinkInfo(index, name, kind, mac ?? $"52:54:00:00:00:{index:x2}", "UP", true, null, null, 1500, kind == "" ? 1000 : null, kind == "" ? "virtio_net" : null);
        Links.Add(link);
        return link;
    }

    public LinkInfo? Link(string name) => Links.SingleOrDefault(l => l.Name == name);

    public IReadOnlyList<LinkInfo> ListLinks() => Links.OrderBy(l => l.Index).ToList();

    public IReadOnlyList<AddressInfo> ListAddresses() => Addresses.ToList();

    public IReadOnlyList<RouteInfo> ListDefaultRoutes() => Routes.ToList();

    public void CreateBridge(string name, string? alias, bool hostIsolated)
    {
        Fail(nameof(CreateBridge));
        Require(Link(name) is null, $"RTNETLINK answers: File exists ({name})");
        Links.Add(new LinkInfo(_nextIndex++, name, "bridge", $"02:00:00:00:01:{_nextIndex:x2}", "UP", true, null, alias, 1500, null, null));
        if (hostIsolated)
        {
            IsolatedBridges.Add(name);
        }
    }

    public void DeleteLink(string name)
    {
        Fail(nameof(DeleteLink));
        var link = Link(name);
        if (link is null)
        {
            return;
        }

        Links.Remove(link);
        Addresses.RemoveAll(a => a.LinkName == name);
        Routes.RemoveAll(r => r.LinkName == name);
        for (var i = 0; i < Links.Count; i++)
        {
            if (Links[i].Master == name)
            {
                Links[i] = Links[i] with { Master = null };
            }
        }
    }

    public void CreateTap(string name, string? bridge)
    {
        Fail(nameof(CreateTap));
        Require(Link(name) is null, $"ioctl(TUNSETIFF): Device or resource busy ({name})");
        Require(bridge is null || Link(bridge) is not null, $"Cannot find device \"{bridge}\"");
        Links.Add(new LinkInfo(_nextIndex++, name, "tun", $"fe:00:00:00:02:{_nextIndex:x2}", "DOWN", true, bridge, null, 1500, null, null));
    }

    public void SetMaster(string link, string? bridge)
    {
        Fail(nameof(SetMaster));
        Require(bridge is null || Link(bridge) is not null, $"Cannot find device \"{bridge}\"");
        Change(link, l => l with { Master = bridge });
    }

    public void SetAlias(string link, string? alias)
    {
        Fail(nameof(SetAlias));
        Change(link, l => l with { Alias = alias });
    }

    public void SetLinkUp(string link, bool up)
    {
        Fail(nameof(SetLinkUp));
        Change(link, l => l with { AdminUp = up });
    }

    public void SetMacAddress(string link, string mac)
    {
        Fail(nameof(SetMacAddress));
        Change(link, l => l with { MacAddress = mac });
    }

    /// <summary>An address the machine had before HyperNest (ifupdown, DHCP).</summary>
    public void PreconfigureAddress(string link, string address, int prefixLength) =>
        Addresses.Add(new AddressInfo(Link(link)!.Index, link, IPAddress.Parse(address), prefixLength, false, "global"));

    public void AddAddress(string link, IPAddress address, int prefixLength)
    {
        Fail(nameof(AddAddress));
        var target = Link(link) ?? throw new NetworkBackendException($"Cannot find device \"{link}\"");
        Require(!Addresses.Any(a => a.LinkName == link && a.Address.Equals(address)), "RTNETLINK answers: File exists");
        Addresses.Add(new AddressInfo(target.Index, link, address, prefixLength, false, "global"));
    }

    public void RemoveAddress(string link, IPAddress address, int prefixLength)
    {
        Fail(nameof(RemoveAddress));
        Addresses.RemoveAll(a => a.LinkName == link && a.Address.Equals(address));
    }

    public void AddDefaultRoute(string link, IPAddress gateway)
    {
        Fail(nameof(AddDefaultRoute));
        Require(Link(link) is not null, $"Cannot find device \"{link}\"");
        Routes.RemoveAll(r => r.Gateway?.AddressFamily == gateway.AddressFamily);
        Routes.Add(new RouteInfo(link, gateway, 0));
    }

    public void RemoveDefaultRoute(string link, IPAddress gateway)
    {
        Fail(nameof(RemoveDefaultRoute));
        Routes.RemoveAll(r => r.LinkName == link && Equals(r.Gateway, gateway));
    }

    /// <summary>False plays a kernel built without CONFIG_BRIDGE_VLAN_FILTERING.</summary>
    public bool KernelFiltersVlans { get; set; } = true;

    /// <summary>Bridges with VLAN filtering on.</summary>
    public HashSet<string> VlanFilteringBridges { get; } = [];

    /// <summary>Each port's VLANs as last replaced, by port name (a bridge's own port as "name self").</summary>
    public Dictionary<string, IReadOnlyList<BridgeVlanEntry>> PortVlans { get; } = [];

    public bool SetVlanFiltering(string bridge, bool enabled)
    {
        Fail(nameof(SetVlanFiltering));
        if (!KernelFiltersVlans)
        {
            return false;
        }

        if (enabled)
        {
            VlanFilteringBridges.Add(bridge);
        }
        else
        {
            VlanFilteringBridges.Remove(bridge);
        }

        return true;
    }

    public void ReplacePortVlans(string port, bool self, IReadOnlyList<BridgeVlanEntry> vlans)
    {
        Fail(nameof(ReplacePortVlans));
        PortVlans[self ? port + " self" : port] = vlans;
    }

    public void ApplyNftables(string script)
    {
        Fail(nameof(ApplyNftables));
        // The table the script defines: "table <family> <name> {" (the lines before only replace tables).
        var header = script.Split('\n').First(line => line.StartsWith("table ", StringComparison.Ordinal) && line.EndsWith(" {", StringComparison.Ordinal));
        var parts = header.Split(' ');
        Tables[$"{parts[1]} {parts[2]}"] = script;
    }

    public void DeleteNftTable(string family, string name)
    {
        Fail(nameof(DeleteNftTable));
        Tables.Remove($"{family} {name}");
    }

    public void WriteResolverConfiguration(IReadOnlyList<IPAddress> servers)
    {
        Fail(nameof(WriteResolverConfiguration));
        ResolverServers.Clear();
        ResolverServers.AddRange(servers);
        ResolverFile = HyperNest.Network.Linux.ResolverConfigurationFile.Render(ResolverFile, servers);
    }

    /// <summary>The resolver file's text (null: no file), as the machine had it before HyperNest.</summary>
    public string? ResolverFile { get; set; } = "search lab.example\nnameserver 192.0.2.53\n";

    public string? ReadResolverConfiguration() => ResolverFile;

    public void RestoreResolverConfiguration(string? text)
    {
        Fail(nameof(RestoreResolverConfiguration));
        ResolverServers.Clear();
        ResolverFile = text;
    }

    public string NamespaceIdentity() => Identity;

    /// <summary>Set to stand in another network namespace that shares the machine's /etc.</summary>
    public bool InAnotherNamespaceWithTheMachinesEtc { get; set; }

    public bool ResolverFileIsAnotherNamespaces() => InAnotherNamespaceWithTheMachinesEtc;

    /// <summary>Set, it stands for systemd-resolved serving this namespace, and records what it was told.</summary>
    public FakeLinkDns? Resolved { get; set; }

    public ILinkDns? LinkDns() => Resolved;

    /// <summary>What a reboot does to the kernel's state: every HyperNest link, address, route and table is gone.</summary>
    public void Reboot(string newIdentity)
    {
        Links.RemoveAll(l => l.Kind is "bridge" or "tun");
        for (var i = 0; i < Links.Count; i++)
        {
            Links[i] = Links[i] with { Master = null, Alias = null };
        }

        Addresses.Clear();
        Routes.Clear();
        Tables.Clear();
        VlanFilteringBridges.Clear();
        PortVlans.Clear();
        _ipv4Forwarding = false;
        Identity = newIdentity;
    }

    private void Change(string name, Func<LinkInfo, LinkInfo> change)
    {
        var index = Links.FindIndex(l => l.Name == name);
        if (index < 0)
        {
            throw new NetworkBackendException($"Cannot find device \"{name}\"");
        }

        Links[index] = change(Links[index]);
    }

    private void Fail(string operation)
    {
        Changing?.Invoke(operation);
        if (FailOn == operation)
        {
            FailOn = null;
            throw new NetworkBackendException($"injected failure in {operation}");
        }
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new NetworkBackendException(message);
        }
    }
}

/// <summary>systemd-resolved's per-link DNS as the host API drives it: each link's servers, and the links reverted.</summary>
internal sealed class FakeLinkDns : ILinkDns
{
    public Dictionary<int, IReadOnlyList<IPAddress>> Servers { get; } = [];

    public List<int> Reverted { get; } = [];

    public void SetServers(int ifIndex, IReadOnlyList<IPAddress> servers) => Servers[ifIndex] = servers;

    public void Revert(int ifIndex)
    {
        Servers.Remove(ifIndex);
        Reverted.Add(ifIndex);
    }

    /// <summary>The host API disposes what LinkDns() returns after each use; the fake keeps its record.</summary>
    public void Dispose()
    {
    }
}
