using System.Globalization;
using HyperNest.Model;
using HyperNest.State;

namespace HyperNest.Hosting;

/// <summary>
/// Gives this machine's links the names Windows gives its adapters, so the documents' lines work
/// unchanged: NICs are "Ethernet", "Ethernet 2", … in ifIndex order; the host side of a switch is
/// "vEthernet (Switch)"; anything else keeps its Linux name. Taps (VM ports), Private switches and
/// External switches without the management OS are not the host's adapters and are left out.
/// </summary>
internal static class NetAdapterCatalog
{
    public const string TapPrefix = "hntap";
    public const string BridgePrefix = "hnbr";

    public static string BridgeName(Guid switchId) => BridgePrefix + switchId.ToString("N")[..8];

    public static string TapName(Guid adapterId) => TapPrefix + adapterId.ToString("N")[..8];

    public static string HostAdapterName(string switchName) => $"vEthernet ({switchName})";

    /// <summary>Link kinds that stand for a network card: no kind (a real NIC), and veth/dummy (what containers and namespaces get).</summary>
    public static bool IsNicKind(string kind) => kind is "" or "veth" or "dummy";

    public static IReadOnlyList<NetAdapter> Build(IReadOnlyList<LinkInfo> links, IReadOnlyList<SwitchRecord> switches)
    {
        var byBridge = switches.ToDictionary(s => s.Bridge, StringComparer.Ordinal);
        var byNic = switches.Where(s => s.NetAdapter is not null).ToDictionary(s => s.NetAdapter!, StringComparer.Ordinal);
        var result = new List<NetAdapter>();
        var ethernetCount = 0;
        foreach (var link in links.OrderBy(l => l.Index))
        {
            if (link.Kind == "loopback" || link.Name.StartsWith(TapPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            if (byBridge.TryGetValue(link.Name, out var owner))
            {
                if (HasHostAdapter(owner))
                {
                    result.Add(View(link, HostAdapterName(owner.Name), "Hyper-V Virtual Ethernet Adapter", owner.Name, isBridge: true));
                }

                continue;
            }

            if (link.Name.StartsWith(BridgePrefix, StringComparison.Ordinal) && link.Kind == "bridge")
            {
                // A bridge of another HyperNest store in this namespace: not this host's adapter.
                continue;
            }

            if (IsNicKind(link.Kind))
            {
                ethernetCount++;
                var name = ethernetCount == 1 ? "Ethernet" : "Ethernet " + ethernetCount.ToString(CultureInfo.InvariantCulture);
                byNic.TryGetValue(link.Name, out var bound);
                result.Add(View(link, name, Describe(link), bound?.Name, isBridge: false));
                continue;
            }

            result.Add(View(link, link.Name, Describe(link), null, isBridge: link.Kind == "bridge"));
        }

        return result;
    }

    /// <summary>The adapter a selector names: -InterfaceIndex, or -InterfaceAlias by Windows name or Linux name, case-insensitively.</summary>
    public static NetAdapter? Find(IReadOnlyList<NetAdapter> adapters, NetInterfaceSelector selector)
    {
        if (selector.Index is { } index)
        {
            return adapters.FirstOrDefault(a => a.ifIndex == index);
        }

        var alias = selector.Alias ?? "";
        return adapters.FirstOrDefault(a => string.Equals(a.Name, alias, StringComparison.OrdinalIgnoreCase))
            ?? adapters.FirstOrDefault(a => string.Equals(a.LinuxName, alias, StringComparison.Ordinal));
    }

    /// <summary>Internal switches always give the host an adapter; External ones when -AllowManagementOS; Private never.</summary>
    public static bool HasHostAdapter(SwitchRecord record) =>
        record.SwitchType == VmSwitchType.Internal || (record.SwitchType == VmSwitchType.External && record.AllowManagementOS);

    /// <summary>The host side of a switch ("vEthernet (X)"): its link is the switch's bridge (a bound NIC also names the switch, but is not it).</summary>
    public static bool IsSwitchHostAdapter(NetAdapter adapter) =>
        adapter.VMSwitchName is not null && adapter.LinuxName.StartsWith(BridgePrefix, StringComparison.Ordinal);

    public static string DashedMac(string? mac) => (mac ?? "").Replace(':', '-').ToUpperInvariant();

    private static NetAdapter View(LinkInfo link, string name, string description, string? switchName, bool isBridge) => new()
    {
        Name = name,
        InterfaceDescription = description,
        ifIndex = link.Index,
        Status = Status(link, isBridge),
        MacAddress = DashedMac(link.MacAddress),
        LinkSpeed = Speed(link.SpeedMbps, isBridge),
        LinuxName = link.Name,
        MtuSize = link.Mtu,
        VMSwitchName = switchName,
    };

    // A bridge without ports reports no carrier; Windows shows a vEthernet adapter Up all the same.
    private static string Status(LinkInfo link, bool isBridge) =>
        !link.AdminUp ? "Disabled"
        : isBridge || link.OperState is "UP" or "UNKNOWN" ? "Up"
        : "Disconnected";

    private static string Speed(long? mbps, bool isBridge) => mbps switch
    {
        null when isBridge => "10 Gbps",
        null or <= 0 => "",
        >= 1000 when mbps % 1000 == 0 => $"{mbps / 1000} Gbps",
        _ => $"{mbps} Mbps",
    };

    private static string Describe(LinkInfo link) => link.Driver switch
    {
        "virtio_net" => "Red Hat VirtIO Ethernet Adapter",
        { } driver => $"{driver} Ethernet Adapter",
        null when link.Kind == "veth" => "Virtual Ethernet Pair (veth)",
        null when link.Kind.Length > 0 => $"Linux {link.Kind} interface",
        _ => "Ethernet Adapter",
    };
}
