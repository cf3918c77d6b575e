namespace HyperNest.Network.Nftables;

/// <summary>An Ethernet address, kept in the form nft writes <c>ether saddr</c> values (lower-case, colons).</summary>
public sealed record MacAddress
{
    private MacAddress(string canonical) => Canonical = canonical;

    private string Canonical { get; }

    /// <summary>Accepts six hex octets separated by ':' or '-' (Hyper-V's form) or none at all (Get-VMNetworkAdapter's form).</summary>
    public static MacAddress Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var digits = text.Length switch
        {
            12 => text,
            17 when IsSeparated(text, ':') || IsSeparated(text, '-') => string.Concat(Enumerable.Range(0, 6).Select(i => text.Substring(i * 3, 2))),
            _ => null,
        };
        if (digits is null || !digits.All(char.IsAsciiHexDigit))
        {
            var printable = new string(text.Select(c => c is >= ' ' and <= '~' ? c : '?').ToArray());
            throw new ArgumentException($"'{printable}' is not a MAC address of six hex octets (e.g. 02:15:5d:00:00:01).", nameof(text));
        }

        var lower = digits.ToLowerInvariant();
        return new MacAddress(string.Join(':', Enumerable.Range(0, 6).Select(i => lower.Substring(i * 2, 2))));
    }

    public override string ToString() => Canonical;

    private static bool IsSeparated(string text, char separator) =>
        text[2] == separator && text[5] == separator && text[8] == separator && text[11] == separator && text[14] == separator;
}
