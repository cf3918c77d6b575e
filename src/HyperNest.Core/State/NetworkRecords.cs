using HyperNest.Model;

namespace HyperNest.State;

/// <summary>One virtual switch as stored: the Hyper-V facts plus the kernel names behind them.</summary>
public sealed record SwitchRecord
{
    public required Guid Id { get; init; }

    public required string Name { get; init; }

    public required VmSwitchType SwitchType { get; init; }

    public required string Bridge { get; init; }

    /// <summary>External: the kernel name of the bound NIC.</summary>
    public string? NetAdapter { get; init; }

    public string NetAdapterDescription { get; init; } = "";

    /// <summary>External: the NIC's MAC, which the bridge takes so the host keeps its identity on the wire.</summary>
    public string? NetAdapterMac { get; init; }

    public bool AllowManagementOS { get; init; }

    public string Notes { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The VLAN mode of the host's own port on the bridge (Set-VMNetworkAdapterVlan -ManagementOS).</summary>
    public PortVlan HostVlan { get; init; } = PortVlan.Untagged;
}

/// <summary>One VM network adapter as stored.</summary>
public sealed record NetworkAdapterRecord
{
    public required Guid Id { get; init; }

    public required Guid VmId { get; init; }

    public required int Slot { get; init; }

    public required string Name { get; init; }

    public Guid? SwitchId { get; init; }

    /// <summary>Lower-case, colon-separated ("02:48:4e:00:00:01").</summary>
    public required string Mac { get; init; }

    public bool StaticMac { get; init; }

    public bool MacSpoofing { get; init; }

    public bool DhcpGuard { get; init; }

    public bool RouterGuard { get; init; }

    /// <summary>Set-VMNetworkAdapterVlan's mode of this adapter's switch port.</summary>
    public PortVlan Vlan { get; init; } = PortVlan.Untagged;
}

/// <summary>New-NetNat as stored.</summary>
public sealed record NetNatRecord(string Name, string InternalPrefix, DateTimeOffset CreatedAt);

/// <summary>An address New-NetIPAddress configured on the interface with kernel name <paramref name="Interface"/>.</summary>
public sealed record StoredIpAddress(string Interface, string Address, int PrefixLength);

/// <summary>A default gateway New-NetIPAddress -DefaultGateway configured.</summary>
public sealed record StoredGateway(string Interface, string Gateway);

/// <summary>A DNS server of one interface, at a 1-based position.</summary>
public sealed record StoredDnsServer(string Interface, int Position, string Address);
