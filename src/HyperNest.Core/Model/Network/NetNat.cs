namespace HyperNest.Model;

/// <summary>What Get-NetNat returns: one WinNAT instance (an nftables masquerade here).</summary>
public sealed record NetNat
{
    public required string Name { get; init; }

    public string ExternalIPInterfaceAddressPrefix { get; init; } = "";

    public required string InternalIPInterfaceAddressPrefix { get; init; }

    public int IcmpQueryTimeout { get; init; } = 30;

    public int TcpEstablishedConnectionTimeout { get; init; } = 1800;

    public int TcpTransientConnectionTimeout { get; init; } = 120;

    public string TcpFilteringBehavior { get; init; } = "AddressDependentFiltering";

    public string UdpFilteringBehavior { get; init; } = "AddressDependentFiltering";

    public int UdpIdleSessionTimeout { get; init; } = 120;

    public string UdpInboundRefresh { get; init; } = "False";

    public string Store { get; init; } = "Local";

    public bool Active { get; init; } = true;
}
