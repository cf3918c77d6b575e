using HyperNest.Model;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Network;

[Cmdlet("Remove", "VMNetworkAdapter", DefaultParameterSetName = ByName, SupportsShouldProcess = true)]
public sealed class RemoveVmNetworkAdapterCommand : VmNetworkAdapterCmdlet
{
    /// <summary>Mandatory with -VMName, as in Hyper-V: removing every adapter of a VM should be asked for by name.</summary>
    [Parameter(ParameterSetName = ByName, Mandatory = true, Position = 1)]
    [Alias("VMNetworkAdapterName")]
    public string? Name { get; set; }

    protected override string? AdapterName => Name;

    protected override void Act(VmNetworkAdapter adapter)
    {
        if (ShouldProcess(Target(adapter)))
        {
            Virtualization.RemoveVmNetworkAdapter(adapter.VMName, adapter.AdapterId);
        }
    }
}
