namespace HyperNest.Model;

/// <summary>Hyper-V's VMNetworkAdapterVlanMode: how a switch port handles 802.1Q tags (Get-VMNetworkAdapterVlan's OperationMode).</summary>
public enum VmNetworkAdapterVlanMode
{
    /// <summary>The default: the port carries untagged frames only, as before any VLAN is set.</summary>
    Untagged = 0,

    /// <summary>Untagged frames of one VLAN (AccessVlanId): the guest never sees a tag.</summary>
    Access = 1,

    /// <summary>Tagged frames of the allowed VLANs, and the native VLAN untagged.</summary>
    Trunk = 2,

    /// <summary>Private VLANs (isolated, community, promiscuous): not available on HyperNest.</summary>
    Private = 3,
}
