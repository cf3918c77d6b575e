using System.Text.RegularExpressions;

namespace HyperNest.Network.Nftables;

/// <summary>Checks for every caller-supplied string that ends up inside ruleset text.</summary>
public static partial class NftText
{
    /// <summary>The kernel's IFNAMSIZ is 16 bytes including the terminating NUL.</summary>
    public const int MaxInterfaceNameLength = 15;

    /// <summary>nftables stores rule comments as user data limited to 128 bytes (NFT_USERDATA_MAXLEN).</summary>
    public const int MaxCommentLength = 128;

    /// <summary>
    /// Rejects any interface name that is not a plain Linux interface name. The allowed set excludes
    /// quotes, whitespace, braces, ';', '#', '$' and newlines, so a name can never end its quoted
    /// string or statement in the ruleset (nft -f treats ';' and newline as statement ends).
    /// </summary>
    public static string RequireInterfaceName(string name, string paramName)
    {
        ArgumentNullException.ThrowIfNull(name, paramName);
        if (name.Length is 0 or > MaxInterfaceNameLength)
        {
            throw new ArgumentException($"Interface name '{Printable(name)}' must be 1 to {MaxInterfaceNameLength} characters long.", paramName);
        }

        // "." and ".." are refused by the kernel (dev_valid_name) because of /sys/class/net paths.
        if (!InterfaceNamePattern().IsMatch(name) || name is "." or "..")
        {
            throw new ArgumentException($"Interface name '{Printable(name)}' may contain only letters, digits, '_', '-' and '.'.", paramName);
        }

        return name;
    }

    /// <summary>Rejects text that could end the double-quoted nft comment string or the line.</summary>
    public static string RequireCommentText(string text, string paramName)
    {
        ArgumentNullException.ThrowIfNull(text, paramName);
        if (text.Length is 0 or > MaxCommentLength)
        {
            throw new ArgumentException($"Name '{Printable(text)}' must be 1 to {MaxCommentLength} characters long.", paramName);
        }

        if (!CommentPattern().IsMatch(text))
        {
            throw new ArgumentException($"Name '{Printable(text)}' may contain only letters, digits, spaces and '_', '-', '.', ':', '(', ')'.", paramName);
        }

        return text;
    }

    private static string Printable(string text) => Regex.Replace(text, @"[^\x20-\x7e]", "?");

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]+$")]
    private static partial Regex InterfaceNamePattern();

    [GeneratedRegex(@"^[A-Za-z0-9_.:() \-]+$")]
    private static partial Regex CommentPattern();
}
