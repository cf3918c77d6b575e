using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Vm;

[Cmdlet("Rename", "VM", DefaultParameterSetName = ByName, SupportsShouldProcess = true)]
public sealed class RenameVmCommand : VmActionCmdlet
{
    [Parameter(Mandatory = true, Position = 1)]
    public string NewName { get; set; } = "";

    protected override object? Act(string vmName) => ShouldProcess(vmName) ? Virtualization.RenameVm(vmName, NewName) : null;
}
