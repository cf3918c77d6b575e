using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Vm;

[Cmdlet("Restart", "VM", DefaultParameterSetName = ByName, SupportsShouldProcess = true)]
public sealed class RestartVmCommand : VmActionCmdlet
{
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override object? Act(string vmName) => ShouldProcess(vmName) ? Virtualization.RestartVm(vmName) : null;
}
