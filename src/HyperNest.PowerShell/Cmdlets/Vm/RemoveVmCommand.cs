using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Vm;

[Cmdlet("Remove", "VM", DefaultParameterSetName = ByName, SupportsShouldProcess = true)]
public sealed class RemoveVmCommand : VmActionCmdlet
{
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override object? Act(string vmName)
    {
        if (ShouldProcess(vmName))
        {
            Virtualization.RemoveVm(vmName);
        }

        return null;
    }
}
