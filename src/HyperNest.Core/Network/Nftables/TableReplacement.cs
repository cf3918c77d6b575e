using System.Text;

namespace HyperNest.Network.Nftables;

/// <summary>The preamble that makes one <c>nft -f</c> run replace a whole table atomically.</summary>
internal static class TableReplacement
{
    /// <summary>
    /// "table X" alone creates the table if missing (and is a no-op if present), so the following
    /// "delete table X" never fails; nft -f applies the whole file as one netlink batch, so packets
    /// never see the table half-built or absent.
    /// </summary>
    /// <param name="legacyTable">
    /// The one table every home shared before tables were named per home: it goes in the same batch, so a
    /// host upgraded without a reboot keeps no guard or NAT rule that nothing manages any more.
    /// </param>
    public static StringBuilder Begin(string family, string table, string legacyTable) =>
        new StringBuilder()
            .Append("table ").Append(family).Append(' ').Append(legacyTable).Append('\n')
            .Append("delete table ").Append(family).Append(' ').Append(legacyTable).Append('\n')
            .Append("table ").Append(family).Append(' ').Append(table).Append('\n')
            .Append("delete table ").Append(family).Append(' ').Append(table).Append('\n')
            .Append("table ").Append(family).Append(' ').Append(table).Append(" {\n");
}
