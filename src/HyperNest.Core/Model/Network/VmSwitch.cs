namespace HyperNest.Model;

/// <summary>What Get-VMSwitch returns. A Linux bridge (<see cref="BridgeName"/>) stands behind each switch.</summary>
public sealed record VmSwitch
{
    public required string Name { get; init; }

    public required Guid Id { get; init; }

    public required VmSwitchType SwitchType { get; init; }

    /// <summary>External only: the host NIC's description (Hyper-V shows the driver's), else empty.</summary>
    public string NetAdapterInterfaceDescription { get; init; } = "";

    /// <summary>External only: the host NIC the switch is bound to, by its Windows-style name ("Ethernet").</summary>
    public string? NetAdapterName { get; init; }

    /// <summary>True when the host has an interface on the switch ("vEthernet (Name)"): Internal always, External when asked.</summary>
    public bool AllowManagementOS { get; init; }

    /// <summary>The Linux bridge (≤ 15 characters); its ifalias carries "vEthernet (Name)".</summary>
    public required string BridgeName { get; init; }

    public string Notes { get; init; } = "";

    /// <summary>Names of the VMs with an adapter connected to this switch.</summary>
    public IReadOnlyList<string> ConnectedVMs { get; init; } = [];
}
