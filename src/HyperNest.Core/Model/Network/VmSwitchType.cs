namespace HyperNest.Model;

/// <summary>Hyper-V's three kinds of virtual switch.</summary>
public enum VmSwitchType
{
    /// <summary>VMs reach each other only; the host has no interface on the switch.</summary>
    Private,

    /// <summary>VMs and the host (through "vEthernet (Name)") reach each other.</summary>
    Internal,

    /// <summary>Bound to a host NIC; with AllowManagementOS the host keeps its connectivity through "vEthernet (Name)".</summary>
    External,
}
