namespace HyperNest.Model;

/// <summary>What Get-DnsClientServerAddress returns: the DNS servers configured for one interface.</summary>
public sealed record DnsClientServerAddress
{
    public required string InterfaceAlias { get; init; }

    public required int InterfaceIndex { get; init; }

    /// <summary>"IPv4" or "IPv6".</summary>
    public required string AddressFamily { get; init; }

    public required IReadOnlyList<string> ServerAddresses { get; init; }
}
