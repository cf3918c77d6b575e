using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Vm;

[Cmdlet("Start", "VM", DefaultParameterSetName = ByName, SupportsShouldProcess = true)]
public sealed class StartVmCommand : VmActionCmdlet
{
    protected override object? Act(string vmName) => ShouldProcess(vmName) ? Virtualization.StartVm(vmName) : null;
}
