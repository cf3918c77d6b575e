using System.Globalization;
using System.Net;
using System.Net.Sockets;
using HyperNest.Hosting;
using HyperNest.Network.Nftables;

namespace HyperNest.Network.Linux;

/// <summary>
/// The network backend on Linux: iproute2 (JSON output), nft, /proc/sys and resolv.conf. Every name is
/// checked against the kernel's rule first (<see cref="KernelLinkName"/>), and every ip command names
/// its link after a keyword ("name", "dev", "master"): ip accepts any prefix of a keyword, so a bare
/// link called "a" is read as "address" (<c>ip link add a type veth</c> fails with "type" is invalid lladdr).
/// </summary>
public sealed class LinuxNetworkBackend(HostPaths paths) : INetworkBackend
{
    private readonly SysfsNetwork _sysfs = new();
    private readonly ProcNetworkSettings _sysctl = new();

    public IReadOnlyList<LinkInfo> ListLinks() =>
        IpJsonParser.ParseLinks(NetworkTool.Ip("-j", "-d", "link", "show")).Select(_sysfs.Complete).ToList();

    public IReadOnlyList<AddressInfo> ListAddresses() => IpJsonParser.ParseAddresses(NetworkTool.Ip("-j", "addr", "show"));

    public IReadOnlyList<RouteInfo> ListDefaultRoutes() =>
    [
        .. IpJsonParser.ParseDefaultRoutes(NetworkTool.Ip("-4", "-j", "route", "show", "default")),
        .. IpJsonParser.ParseDefaultRoutes(NetworkTool.Ip("-6", "-j", "route", "show", "default")),
    ];

    /// <remarks>
    /// STP off and no forward delay: a switch port must pass frames as soon as the VM's tap joins, as a
    /// Hyper-V switch port does (the kernel default keeps a new port in "listening" for 15 s). IPv6 is
    /// turned off while the bridge is still down, so it never gets a link-local address to announce.
    /// </remarks>
    public void CreateBridge(string name, string? alias, bool hostIsolated)
    {
        KernelLinkName.Require(name, nameof(name));
        NetworkTool.Ip("link", "add", "name", name, "type", "bridge", "stp_state", "0", "forward_delay", "0");
        RevertOnFailure(name, () =>
        {
            if (alias is not null)
            {
                SetAlias(name, alias);
            }

            if (hostIsolated)
            {
                _sysctl.DisableIpv6(name);
            }

            SetLinkUp(name, up: true);
        });
    }

    public void DeleteLink(string name)
    {
        KernelLinkName.Require(name, nameof(name));
        NetworkTool.IpDelete("link", "del", "dev", name);
    }

    /// <remarks>
    /// Persistent and without multi_queue: QEMU opens it by name with script=no (TUNSETIFF on an existing
    /// persistent tap takes the opener's vnet_hdr flag, but refuses a multi_queue mismatch).
    /// </remarks>
    public void CreateTap(string name, string? bridge)
    {
        KernelLinkName.Require(name, nameof(name));
        if (bridge is not null)
        {
            KernelLinkName.Require(bridge, nameof(bridge));
        }

        NetworkTool.Ip("tuntap", "add", "dev", name, "mode", "tap");
        RevertOnFailure(name, () =>
        {
            if (bridge is not null)
            {
                SetMaster(name, bridge);
            }

            SetLinkUp(name, up: true);
        });
    }

    public void SetMaster(string link, string? bridge)
    {
        KernelLinkName.Require(link, nameof(link));
        if (bridge is null)
        {
            NetworkTool.Ip("link", "set", "dev", link, "nomaster");
        }
        else
        {
            NetworkTool.Ip("link", "set", "dev", link, "master", KernelLinkName.Require(bridge, nameof(bridge)));
        }
    }

    /// <summary>An empty alias is how rtnetlink clears IFLA_IFALIAS.</summary>
    public void SetAlias(string link, string? alias)
    {
        KernelLinkName.Require(link, nameof(link));
        NetworkTool.Ip("link", "set", "dev", link, "alias", alias ?? "");
    }

    public void SetLinkUp(string link, bool up)
    {
        KernelLinkName.Require(link, nameof(link));
        NetworkTool.Ip("link", "set", "dev", link, up ? "up" : "down");
    }

    public void SetMacAddress(string link, string mac)
    {
        KernelLinkName.Require(link, nameof(link));
        NetworkTool.Ip("link", "set", "dev", link, "address", MacAddress.Parse(mac).ToString());
    }

    public void AddAddress(string link, IPAddress address, int prefixLength)
    {
        KernelLinkName.Require(link, nameof(link));
        NetworkTool.Ip(Family(address), "addr", "add", Prefix(address, prefixLength), "dev", link);
    }

    public void RemoveAddress(string link, IPAddress address, int prefixLength)
    {
        KernelLinkName.Require(link, nameof(link));
        NetworkTool.IpDelete(Family(address), "addr", "del", Prefix(address, prefixLength), "dev", link);
    }

    public void AddDefaultRoute(string link, IPAddress gateway)
    {
        KernelLinkName.Require(link, nameof(link));
        NetworkTool.Ip(Family(gateway), "route", "replace", "default", "via", Plain(gateway), "dev", link);
    }

    public void RemoveDefaultRoute(string link, IPAddress gateway)
    {
        KernelLinkName.Require(link, nameof(link));
        NetworkTool.IpDelete(Family(gateway), "route", "del", "default", "via", Plain(gateway), "dev", link);
    }

    /// <remarks>A kernel without CONFIG_BRIDGE_VLAN_FILTERING answers IFLA_BR_VLAN_FILTERING with EOPNOTSUPP.</remarks>
    public bool SetVlanFiltering(string bridge, bool enabled)
    {
        KernelLinkName.Require(bridge, nameof(bridge));
        try
        {
            NetworkTool.Ip("link", "set", "dev", bridge, "type", "bridge", "vlan_filtering", enabled ? "1" : "0");
            return true;
        }
        catch (NetworkBackendException ex) when (ex.Message.Contains("Operation not supported", StringComparison.Ordinal))
        {
            return false;
        }
    }

    public void ReplacePortVlans(string port, bool self, IReadOnlyList<BridgeVlanEntry> vlans) =>
        NetworkTool.Bridge(["-batch", "-"], BridgeVlanBatch.Render(port, self, vlans));

    public void ApplyNftables(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        NetworkTool.Nft(["-f", "-"], script);
    }

    public void DeleteNftTable(string family, string name)
    {
        NftTableName.Require(family, name);
        // A machine without nft (the tiny guest) cannot hold a table, so there is nothing to delete;
        // creating one still fails there, with the "is nftables installed?" message.
        if (!NetworkTool.IsInstalled("nft"))
        {
            return;
        }

        NetworkTool.NftDelete("delete", "table", family, name);
    }

    public bool Ipv4Forwarding
    {
        get => _sysctl.Ipv4Forwarding;
        set => _sysctl.Ipv4Forwarding = value;
    }

    public void WriteResolverConfiguration(IReadOnlyList<IPAddress> servers) =>
        ResolverConfigurationFile.Write(paths.ResolverConfiguration, servers);

    public string? ReadResolverConfiguration() => ResolverConfigurationFile.Read(paths.ResolverConfiguration);

    public void RestoreResolverConfiguration(string? text) => ResolverConfigurationFile.Restore(paths.ResolverConfiguration, text);

    public string NamespaceIdentity() => NetworkNamespaceIdentity.Current();

    public ILinkDns? LinkDns() => ResolvedLinkDns.InThisNamespace();

    public bool ResolverFileIsAnotherNamespaces() =>
        Path.GetFullPath(paths.ResolverConfiguration) == Hosting.HostPaths.DefaultResolverConfiguration && MachineNamespaces.SharesEtcWithAnotherNetworkNamespace();

    /// <summary>A half-made link (created, but its alias, master or up failed) is deleted before the error goes on.</summary>
    private void RevertOnFailure(string createdLink, Action rest)
    {
        try
        {
            rest();
        }
        catch
        {
            try
            {
                DeleteLink(createdLink);
            }
            catch (NetworkBackendException)
            {
                // The first failure is the one worth reporting.
            }

            throw;
        }
    }

    private static string Family(IPAddress address) => address.AddressFamily switch
    {
        AddressFamily.InterNetwork => "-4",
        AddressFamily.InterNetworkV6 => "-6",
        _ => throw new ArgumentException($"'{address}' is neither IPv4 nor IPv6.", nameof(address)),
    };

    private static string Prefix(IPAddress address, int prefixLength)
    {
        var maximum = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        ArgumentOutOfRangeException.ThrowIfNegative(prefixLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(prefixLength, maximum);
        return Plain(address) + "/" + prefixLength.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Without an IPv6 scope id ("fe80::1%3"): ip does not parse it, and the "dev" argument already says
    /// which link a link-local address belongs to.
    /// </summary>
    private static string Plain(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 && address.ScopeId != 0
            ? new IPAddress(address.GetAddressBytes()).ToString()
            : address.ToString();
}
