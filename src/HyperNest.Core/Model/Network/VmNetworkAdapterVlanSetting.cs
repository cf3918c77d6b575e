namespace HyperNest.Model;

/// <summary>
/// What Get-VMNetworkAdapterVlan returns (Hyper-V's VMNetworkAdapterVlanSetting): the VLAN mode of one
/// adapter's switch port, or with a management-OS parent the host's own port on the switch.
/// </summary>
public sealed record VmNetworkAdapterVlanSetting
{
    /// <summary>The adapter whose port this is (Hyper-V's ParentAdapter).</summary>
    public required VmNetworkAdapter ParentAdapter { get; init; }

    public VmNetworkAdapterVlanMode OperationMode { get; init; } = VmNetworkAdapterVlanMode.Untagged;

    /// <summary>Access mode's VLAN; 0 otherwise, as Hyper-V shows it.</summary>
    public int AccessVlanId { get; init; }

    /// <summary>Trunk mode's VLAN for untagged frames; 0 otherwise.</summary>
    public int NativeVlanId { get; init; }

    /// <summary>Trunk mode's allowed VLANs, one entry per VLAN; empty otherwise.</summary>
    public IReadOnlyList<int> AllowedVlanIdList { get; init; } = [];

    /// <summary>The allowed VLANs as ranges ("1-100,200"), as -AllowedVlanIdList takes them.</summary>
    public string AllowedVlanIdListString { get; init; } = "";

    public string VMName => ParentAdapter.VMName;

    public Guid VMId => ParentAdapter.VMId;

    /// <summary>Hyper-V's default table calls this column VMNetworkAdapterName.</summary>
    public string AdapterName => ParentAdapter.Name;

    public bool IsManagementOs => ParentAdapter.IsManagementOs;

    /// <summary>Private VLAN settings are not available; Hyper-V reports them empty for the other modes too.</summary>
    public int PrimaryVlanId => 0;

    public int SecondaryVlanId => 0;
}
