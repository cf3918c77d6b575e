using System.Text.RegularExpressions;

namespace HyperNest.Network.Linux;

/// <summary>Checks a table reference before it reaches the nft command line.</summary>
public static partial class NftTableName
{
    /// <summary>NFT_NAME_MAXLEN is 256 bytes including the terminating NUL.</summary>
    public const int MaxLength = 255;

    private static readonly string[] Families = ["ip", "ip6", "inet", "arp", "bridge", "netdev"];

    /// <summary>
    /// nft joins its arguments into one command string and parses that, so unlike ip an argument can
    /// carry a second command ("x; flush ruleset"): only plain identifiers and known families pass.
    /// </summary>
    public static (string Family, string Name) Require(string family, string name)
    {
        ArgumentNullException.ThrowIfNull(family);
        ArgumentNullException.ThrowIfNull(name);
        if (!Families.Contains(family))
        {
            throw new ArgumentException($"nftables family '{family}' is not one of {string.Join(", ", Families)}.", nameof(family));
        }

        if (name.Length > MaxLength || !IdentifierPattern().IsMatch(name))
        {
            throw new ArgumentException($"nftables table name '{name}' must start with a letter and contain only letters, digits, '_' and '-' (at most {MaxLength}).", nameof(name));
        }

        return (family, name);
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_\-]*$")]
    private static partial Regex IdentifierPattern();
}
