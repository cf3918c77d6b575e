using HyperNest.Model;
using HyperNest.State;

namespace HyperNest.Hosting;

/// <summary>
/// Hyper-V's VLAN modes as Linux bridge VLAN entries (bridge vlan_filtering). Untagged ports share VLAN 1,
/// the bridge's default_pvid, which every port gets when it joins; so with filtering on, untagged ports
/// still reach each other and nothing else, as Hyper-V's untagged ports do. The one difference: an
/// Access port in VLAN 1 reaches the untagged ports too.
/// </summary>
internal static class SwitchPortVlans
{
    /// <summary>The bridge's default_pvid: the VLAN of untagged ports.</summary>
    public const int UntaggedVlan = 1;

    public static IReadOnlyList<BridgeVlanEntry> For(PortVlan vlan) => vlan.Mode switch
    {
        VmNetworkAdapterVlanMode.Access => [new BridgeVlanEntry(vlan.AccessVlanId, vlan.AccessVlanId, Pvid: true, Untagged: true)],
        // Tagged ranges first, the native VLAN last: adding a VLAN the port already has replaces its
        // flags, so the native one ends untagged even when the allowed list holds it.
        VmNetworkAdapterVlanMode.Trunk =>
        [
            .. vlan.AllowedVlanIds.Ranges.Select(r => new BridgeVlanEntry(r.From, r.To)),
            .. vlan.NativeVlanId > 0 ? [new BridgeVlanEntry(vlan.NativeVlanId, vlan.NativeVlanId, Pvid: true, Untagged: true)] : Array.Empty<BridgeVlanEntry>(),
        ],
        _ => [new BridgeVlanEntry(UntaggedVlan, UntaggedVlan, Pvid: true, Untagged: true)],
    };

    /// <summary>
    /// An External switch's NIC is a trunk to the wire, as Hyper-V's physical port is: the untagged VLAN
    /// untagged, every other VLAN tagged, so access ports reach their VLAN on the physical network.
    /// </summary>
    public static IReadOnlyList<BridgeVlanEntry> Uplink { get; } =
    [
        new(VlanIdList.MinimumId, VlanIdList.MaximumId),
        new(UntaggedVlan, UntaggedVlan, Pvid: true, Untagged: true),
    ];
}
