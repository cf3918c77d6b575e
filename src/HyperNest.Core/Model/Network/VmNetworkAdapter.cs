namespace HyperNest.Model;

/// <summary>
/// What Get-VMNetworkAdapter returns: a VM's adapter (a tap on the switch's bridge and a virtio-net
/// device), or with IsManagementOs the host's own interface on a switch ("vEthernet (Name)").
/// </summary>
public sealed record VmNetworkAdapter
{
    /// <summary>"Network Adapter" unless named otherwise; a management-OS adapter carries the switch's name.</summary>
    public required string Name { get; init; }

    /// <summary>Stable identity of this adapter (Hyper-V: "Microsoft:&lt;VMId&gt;\&lt;AdapterId&gt;").</summary>
    public required Guid AdapterId { get; init; }

    public string Id => IsManagementOs ? $"Microsoft:{AdapterId:D}" : $"Microsoft:{VMId:D}\\{AdapterId:D}";

    public bool IsManagementOs { get; init; }

    /// <summary>Empty for management-OS adapters.</summary>
    public string VMName { get; init; } = "";

    public Guid VMId { get; init; }

    /// <summary>Null when the adapter is not connected to a switch.</summary>
    public string? SwitchName { get; init; }

    public Guid? SwitchId { get; init; }

    /// <summary>Twelve upper-case hex digits without separators, as Hyper-V shows it ("02484E000001").</summary>
    public required string MacAddress { get; init; }

    public bool DynamicMacAddressEnabled { get; init; } = true;

    public OnOffState MacAddressSpoofing { get; init; } = OnOffState.Off;

    public OnOffState DhcpGuard { get; init; } = OnOffState.Off;

    public OnOffState RouterGuard { get; init; } = OnOffState.Off;

    /// <summary>True while the adapter has a port on its switch (a connected adapter of a running VM, or a management-OS adapter).</summary>
    public bool Connected { get; init; }

    /// <summary>"Ok", or why the adapter passes no traffic (not connected, VM off).</summary>
    public string Status { get; init; } = "";

    /// <summary>Addresses the guest reports through its agent (empty when it cannot be asked).</summary>
    public IReadOnlyList<string> IPAddresses { get; init; } = [];

    /// <summary>The Linux tap device (VM adapters) or bridge (management OS) that carries the port.</summary>
    public string? InterfaceName { get; init; }
}
