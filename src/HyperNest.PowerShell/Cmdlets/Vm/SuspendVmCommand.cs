using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Vm;

[Cmdlet("Suspend", "VM", DefaultParameterSetName = ByName, SupportsShouldProcess = true)]
public sealed class SuspendVmCommand : VmActionCmdlet
{
    protected override object? Act(string vmName) => ShouldProcess(vmName) ? Virtualization.SuspendVm(vmName) : null;
}
