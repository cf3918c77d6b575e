using System.Globalization;

namespace HyperNest.Network.Nftables;

/// <summary>Renders a home's <c>bridge hypernest_ports_&lt;tag&gt;</c> table that enforces Hyper-V switch-port guards on tap devices.</summary>
public static class PortGuardRuleset
{
    public const string Family = "bridge";

    private const string LegacyTableName = "hypernest_ports";

    /// <summary>The port-guard table of the home at <paramref name="home"/>.</summary>
    public static string TableName(string home) => $"{LegacyTableName}_{Hosting.HostPaths.HomeTag(home)}";

    /// <summary>
    /// Returns a complete <c>nft -f</c> input that replaces the table with one holding exactly these ports.
    /// An empty list still defines the table and its hooked chain, so the table's existence does not
    /// depend on how many VMs are running.
    /// </summary>
    /// <param name="isolatedPorts">
    /// Ports (taps, a bound NIC) of bridges the host must have no presence on (Private switches, External
    /// ones without the management OS): frames between them and the host are dropped both ways, whatever
    /// addresses anyone configures.
    /// </param>
    public static string Render(string table, IReadOnlyList<SwitchPortGuard> ports, IReadOnlyList<string>? isolatedPorts = null)
    {
        ArgumentNullException.ThrowIfNull(ports);
        var isolated = (isolatedPorts ?? []).Select(p => NftText.RequireInterfaceName(p, nameof(isolatedPorts))).Distinct(StringComparer.Ordinal).ToList();
        RequireDistinctTaps(ports);
        var guarded = ports.Where(p => p.RestrictsTraffic).ToList();

        var text = TableReplacement.Begin(Family, table, LegacyTableName);

        // prerouting in the bridge family runs in br_handle_frame for every frame a port receives,
        // before the FDB decides between forwarding to another port and delivering to the host's
        // bridge interface. "forward" would miss frames for the host (an Internal switch's own
        // address, where a rogue DHCP server or RA matters most) and "input" would miss frames
        // forwarded to other VMs. iifname there is the tap the frame entered through.
        text.Append("\tchain prerouting {\n")
            .Append("\t\ttype filter hook prerouting priority filter; policy accept;\n");
        if (guarded.Count > 0)
        {
            // One verdict map lookup per frame instead of a linear rule walk per port; the map is
            // part of the table, so it is replaced in the same batch as the chains it jumps to.
            text.Append("\t\tiifname vmap { ")
                .AppendJoin(", ", guarded.Select((p, i) => $"\"{p.TapInterface}\" : jump {ChainName(i)}"))
                .Append(" }\n");
        }

        text.Append("\t}\n");

        for (var i = 0; i < guarded.Count; i++)
        {
            text.Append('\n').Append("\tchain ").Append(ChainName(i)).Append(" {\n");
            foreach (var rule in RulesFor(guarded[i]))
            {
                text.Append("\t\t").Append(rule).Append('\n');
            }

            text.Append("\t}\n");
        }

        if (isolated.Count > 0)
        {
            // input sees frames a bridge delivers up to the host's own stack, output the frames the
            // host sends out through a bridge. The ports are matched, not the bridge: "meta ibrname"
            // needs nft_meta_bridge, which kernels built without it (like this project's CI) refuse.
            var set = string.Join(", ", isolated.Select(p => $"\"{p}\""));
            text.Append("\n\tchain input {\n")
                .Append("\t\ttype filter hook input priority filter; policy accept;\n")
                .Append("\t\tiifname { ").Append(set).Append(" } drop\n")
                .Append("\t}\n")
                .Append("\n\tchain output {\n")
                .Append("\t\ttype filter hook output priority filter; policy accept;\n")
                .Append("\t\toifname { ").Append(set).Append(" } drop\n")
                .Append("\t}\n");
        }

        return text.Append("}\n").ToString();
    }

    private static IEnumerable<string> RulesFor(SwitchPortGuard port)
    {
        if (!port.MacAddressSpoofing)
        {
            yield return $"ether saddr != {port.AdapterMac} drop";
        }

        if (port.DhcpGuard)
        {
            // "ether type" pins the network header so the udp match reads the right offset; the
            // bridge family has no implicit layer-3 dependency like the inet family does.
            yield return "ether type ip udp sport 67 udp dport 68 drop";
            yield return "ether type ip6 udp sport 547 drop";
        }

        if (port.RouterGuard)
        {
            yield return "ether type ip6 icmpv6 type { nd-router-advert, nd-redirect } drop";
        }
    }

    // Chain names are derived from the position, not the tap name, so no interface name ever
    // becomes an nft identifier; the names appear only as quoted strings in the verdict map.
    private static string ChainName(int index) => "port_" + index.ToString(CultureInfo.InvariantCulture);

    private static void RequireDistinctTaps(IReadOnlyList<SwitchPortGuard> ports)
    {
        var duplicate = ports.GroupBy(p => p.TapInterface, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Tap interface '{duplicate.Key}' is listed more than once.", nameof(ports));
        }
    }
}
