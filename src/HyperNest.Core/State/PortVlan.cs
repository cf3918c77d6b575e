using HyperNest.Hosting;
using HyperNest.Model;

namespace HyperNest.State;

/// <summary>
/// The VLAN mode of one switch port as stored: a VM adapter's port, or the host's own port on a switch
/// (Set-VMNetworkAdapterVlan -ManagementOS). Untagged is the default and means "as before VLANs".
/// </summary>
public sealed record PortVlan
{
    public static PortVlan Untagged { get; } = new();

    public VmNetworkAdapterVlanMode Mode { get; init; } = VmNetworkAdapterVlanMode.Untagged;

    /// <summary>Access mode only.</summary>
    public int AccessVlanId { get; init; }

    /// <summary>Trunk mode only.</summary>
    public int NativeVlanId { get; init; }

    /// <summary>Trunk mode only.</summary>
    public VlanIdList AllowedVlanIds { get; init; } = VlanIdList.Empty;

    public bool IsUntagged => Mode == VmNetworkAdapterVlanMode.Untagged;
}
