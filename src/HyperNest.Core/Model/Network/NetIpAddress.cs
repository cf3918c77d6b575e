namespace HyperNest.Model;

/// <summary>What Get-NetIPAddress returns: one address on one interface.</summary>
public sealed record NetIpAddress
{
    public required string IPAddress { get; init; }

    public required int InterfaceIndex { get; init; }

    public required string InterfaceAlias { get; init; }

    /// <summary>"IPv4" or "IPv6".</summary>
    public required string AddressFamily { get; init; }

    public required int PrefixLength { get; init; }

    /// <summary>"Manual" (configured with New-NetIPAddress), "Dhcp", or "WellKnown" (loopback, link-local).</summary>
    public required string PrefixOrigin { get; init; }

    public required string SuffixOrigin { get; init; }

    public string Type { get; init; } = "Unicast";

    public string AddressState { get; init; } = "Preferred";

    public string PolicyStore { get; init; } = "ActiveStore";
}
