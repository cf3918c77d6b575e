namespace HyperNest.PowerShell.Cmdlets.Network;

/// <summary>
/// -AddressFamily as the Net* cmdlets take it. ValidateSet already limits it to IPv4/IPv6 in any case;
/// the host and the result objects spell it "IPv4"/"IPv6", so the user's spelling is normalised here.
/// </summary>
internal static class AddressFamilies
{
    public static string? Normalize(string? family) => family?.ToUpperInvariant() switch
    {
        null => null,
        "IPV4" => "IPv4",
        "IPV6" => "IPv6",
        _ => family,
    };

    public static bool Matches(string? wanted, string actual) =>
        wanted is null || string.Equals(wanted, actual, StringComparison.OrdinalIgnoreCase);
}
