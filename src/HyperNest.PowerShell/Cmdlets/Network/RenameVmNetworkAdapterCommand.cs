using HyperNest.Model;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Network;

/// <summary>
/// Rename-VMNetworkAdapter -VMName x [-Name old] -NewName new, or adapters from the pipeline. As in
/// Hyper-V, without -Name every adapter of the VM gets the new name.
/// </summary>
[Cmdlet("Rename", "VMNetworkAdapter", DefaultParameterSetName = ByName, SupportsShouldProcess = true)]
[OutputType(typeof(VmNetworkAdapter))]
public sealed class RenameVmNetworkAdapterCommand : VmNetworkAdapterCmdlet
{
    [Parameter(ParameterSetName = ByName, Position = 1)]
    [Alias("VMNetworkAdapterName")]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    [Parameter(ParameterSetName = ByName, Mandatory = true, Position = 2)]
    [Parameter(ParameterSetName = ByObject, Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string NewName { get; set; } = "";

    [Parameter]
    public SwitchParameter Passthru { get; set; }

    protected override string? AdapterName => Name;

    protected override void Act(VmNetworkAdapter adapter)
    {
        if (!ShouldProcess(Target(adapter)))
        {
            return;
        }

        var renamed = Virtualization.RenameVmNetworkAdapter(adapter.VMName, adapter.AdapterId, NewName);
        if (Passthru)
        {
            WriteObject(renamed);
        }
    }
}
