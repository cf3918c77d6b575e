using System.Net;

namespace HyperNest.Hosting;

/// <summary>
/// What the host API needs from the kernel's networking (rtnetlink through iproute2, nftables, sysctl,
/// resolv.conf on Linux; a fake in rule tests). It holds no rules and knows nothing of Hyper-V names:
/// the host decides, the backend does. Every call acts on the network namespace the process runs in.
/// Failures throw <see cref="NetworkBackendException"/> with the tool's own words.
/// </summary>
public interface INetworkBackend
{
    /// <summary>Every link in this namespace, ordered by ifindex.</summary>
    IReadOnlyList<LinkInfo> ListLinks();

    /// <summary>Every address on every link (IPv4 and IPv6).</summary>
    IReadOnlyList<AddressInfo> ListAddresses();

    /// <summary>Default routes (0.0.0.0/0 and ::/0) in the main table.</summary>
    IReadOnlyList<RouteInfo> ListDefaultRoutes();

    /// <summary>
    /// Creates a bridge and sets it up. <paramref name="hostIsolated"/> (Private switch): no IPv6 on the
    /// bridge (no link-local address) so the host has no presence on it; the guard ruleset does the rest.
    /// </summary>
    void CreateBridge(string name, string? alias, bool hostIsolated);

    /// <summary>Deletes a link (bridge, tap); a link that does not exist is not an error.</summary>
    void DeleteLink(string name);

    /// <summary>Creates a persistent tap (owned by root, opened later by QEMU by name), optionally enslaved to a bridge, and sets it up.</summary>
    void CreateTap(string name, string? bridge);

    /// <summary>Enslaves <paramref name="link"/> to <paramref name="bridge"/>, or frees it when null.</summary>
    void SetMaster(string link, string? bridge);

    /// <summary>Sets the link's ifalias (the Windows-style name), or clears it when null.</summary>
    void SetAlias(string link, string? alias);

    void SetLinkUp(string link, bool up);

    /// <summary>Sets the bridge's own MAC (an External switch's bridge takes its NIC's MAC, as Hyper-V's vNIC does).</summary>
    void SetMacAddress(string link, string mac);

    void AddAddress(string link, IPAddress address, int prefixLength);

    /// <summary>Removes an address; one that is not there is not an error.</summary>
    void RemoveAddress(string link, IPAddress address, int prefixLength);

    /// <summary>Adds (or replaces) the default route of the gateway's family through <paramref name="link"/>.</summary>
    void AddDefaultRoute(string link, IPAddress gateway);

    /// <summary>Removes that default route; one that is not there is not an error.</summary>
    void RemoveDefaultRoute(string link, IPAddress gateway);

    /// <summary>
    /// Turns the bridge's 802.1Q VLAN filtering on or off. False when this kernel has none
    /// (built without CONFIG_BRIDGE_VLAN_FILTERING): then no port can be put in a VLAN.
    /// </summary>
    bool SetVlanFiltering(string bridge, bool enabled);

    /// <summary>
    /// Replaces every VLAN of a bridge port with <paramref name="vlans"/> (iproute2's bridge vlan);
    /// <paramref name="self"/>: the port is the bridge's own interface, the host's side of the switch.
    /// </summary>
    void ReplacePortVlans(string port, bool self, IReadOnlyList<BridgeVlanEntry> vlans);

    /// <summary>Runs an nft script (nft -f -) atomically: all of it applies or none.</summary>
    void ApplyNftables(string script);

    /// <summary>Deletes an nftables table; a missing table is not an error.</summary>
    void DeleteNftTable(string family, string name);

    /// <summary>net.ipv4.ip_forward in this namespace.</summary>
    bool Ipv4Forwarding { get; set; }

    /// <summary>Writes the resolver configuration (nameserver lines, in order); an empty list leaves no nameserver.</summary>
    void WriteResolverConfiguration(IReadOnlyList<IPAddress> servers);

    /// <summary>The resolver configuration's whole text, or null when the file does not exist.</summary>
    string? ReadResolverConfiguration();

    /// <summary>Puts back a text <see cref="ReadResolverConfiguration"/> returned (null removes the file).</summary>
    void RestoreResolverConfiguration(string? text);

    /// <summary>
    /// Identifies this boot and network namespace ("&lt;boot_id&gt;/net:[inode]"): when it differs from the one
    /// recorded at the last apply, the machine rebooted or this is another namespace, and the stored
    /// network configuration must be re-applied.
    /// </summary>
    string NamespaceIdentity();

    /// <summary>
    /// The per-link resolver serving this network namespace (systemd-resolved), or null: then DNS servers
    /// go to the resolver file. The caller disposes it.
    /// </summary>
    ILinkDns? LinkDns();

    /// <summary>
    /// True when the file <see cref="WriteResolverConfiguration"/> writes is the machine's own resolv.conf
    /// while this process runs in another network namespace: namespaces share the machine's /etc (unless
    /// a mount namespace of their own gives them one, as ip netns exec does), so writing it would change
    /// name resolution for the whole machine.
    /// </summary>
    bool ResolverFileIsAnotherNamespaces();
}

/// <summary>One link as the kernel reports it.</summary>
/// <param name="Kind">"bridge", "tun", "veth", "dummy", … (rtnetlink's IFLA_INFO_KIND), "loopback", or "" for a device without one (a NIC).</param>
/// <param name="OperState">"UP", "DOWN", "UNKNOWN", "LOWERLAYERDOWN" …</param>
/// <param name="AdminUp">IFF_UP is set.</param>
/// <param name="SpeedMbps">From /sys/class/net/&lt;name&gt;/speed; null when the driver reports none.</param>
/// <param name="Driver">From /sys/class/net/&lt;name&gt;/device/driver (e.g. "virtio_net"), null for virtual links.</param>
public sealed record LinkInfo(
    int Index,
    string Name,
    string Kind,
    string? MacAddress,
    string OperState,
    bool AdminUp,
    string? Master,
    string? Alias,
    int Mtu,
    long? SpeedMbps,
    string? Driver);

/// <summary>VLANs <paramref name="From"/>–<paramref name="To"/> on a bridge port: tagged, or with <paramref name="Untagged"/> sent untagged; <paramref name="Pvid"/>: untagged frames entering the port join this VLAN.</summary>
public sealed record BridgeVlanEntry(int From, int To, bool Pvid = false, bool Untagged = false);

/// <summary>One address on a link.</summary>
/// <param name="Dynamic">Came from DHCP / autoconfiguration (has a finite lifetime).</param>
/// <param name="Scope">"global", "link", "host".</param>
public sealed record AddressInfo(int LinkIndex, string LinkName, IPAddress Address, int PrefixLength, bool Dynamic, string Scope);

/// <summary>A default route: via <paramref name="Gateway"/> out of <paramref name="LinkName"/>.</summary>
public sealed record RouteInfo(string LinkName, IPAddress? Gateway, int Metric);

/// <summary>The kernel or a tool refused a network change; the message carries its words.</summary>
public sealed class NetworkBackendException(string message, Exception? inner = null) : Exception(message, inner);
