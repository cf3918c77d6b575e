using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Vm;

[Cmdlet("Remove", "VM", DefaultParameterSetName = ByName, SupportsShouldProcess = true)]
public sealed class RemoveVmCommand : VmActionCmdlet
{
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override object? Act(string vmName)
    {
        if (ShouldProcess(vmName) && ConfirmUnlessForced(Force, $"Are you sure you want to remove virtual machine \"{vmName}\"?"))
        {
            Virtualization.RemoveVm(vmName);
        }

        return null;
    }
}
