using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Vm;

[Cmdlet("Resume", "VM", DefaultParameterSetName = ByName, SupportsShouldProcess = true)]
public sealed class ResumeVmCommand : VmActionCmdlet
{
    protected override object? Act(string vmName) => ShouldProcess(vmName) ? Virtualization.ResumeVm(vmName) : null;
}
