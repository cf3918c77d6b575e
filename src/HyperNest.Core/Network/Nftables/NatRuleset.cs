namespace HyperNest.Network.Nftables;

/// <summary>Renders a home's <c>inet hypernest_nat_&lt;tag&gt;</c> table that stands in for WinNAT (New-NetNat).</summary>
public static class NatRuleset
{
    public const string Family = "inet";

    private const string LegacyTableName = "hypernest_nat";

    /// <summary>The NAT table of the home at <paramref name="home"/>.</summary>
    public static string TableName(string home) => $"{LegacyTableName}_{Hosting.HostPaths.HomeTag(home)}";

    /// <summary>Returns a complete <c>nft -f</c> input that replaces the table with one holding exactly these NATs.</summary>
    public static string Render(string table, IReadOnlyList<NetNatDefinition> nats)
    {
        ArgumentNullException.ThrowIfNull(nats);
        RequireDistinctNames(nats);

        var text = TableReplacement.Begin(Family, table, LegacyTableName);

        // srcnat (100) is the conventional SNAT slot: after filtering, once the route (and thus the
        // outgoing interface whose address masquerade takes) is known.
        text.Append("\tchain postrouting {\n")
            .Append("\t\ttype nat hook postrouting priority srcnat; policy accept;\n");
        foreach (var nat in nats)
        {
            // Traffic between two hosts of the internal prefix stays un-NATed, as with WinNAT.
            text.Append("\t\tip saddr ").Append(nat.InternalPrefix)
                .Append(" ip daddr != ").Append(nat.InternalPrefix)
                .Append(" masquerade").Append(Comment(nat)).Append('\n');
        }

        text.Append("\t}\n\n");

        // policy accept: an accept here cannot override a drop in another table (every base chain
        // on the hook must accept), and a drop policy would cut forwarding this table does not own.
        // The explicit accepts document the intended flows and make them countable.
        text.Append("\tchain forward {\n")
            .Append("\t\ttype filter hook forward priority filter; policy accept;\n");
        foreach (var nat in nats)
        {
            text.Append("\t\tip saddr ").Append(nat.InternalPrefix).Append(" accept").Append(Comment(nat)).Append('\n')
                .Append("\t\tip daddr ").Append(nat.InternalPrefix).Append(" ct state established,related accept").Append(Comment(nat)).Append('\n');
        }

        return text.Append("\t}\n}\n").ToString();
    }

    private static string Comment(NetNatDefinition nat) => $" comment \"{nat.Name}\"";

    private static void RequireDistinctNames(IReadOnlyList<NetNatDefinition> nats)
    {
        var duplicate = nats.GroupBy(n => n.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"NAT '{duplicate.Key}' is listed more than once.", nameof(nats));
        }
    }
}
