using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Vm;

[Cmdlet("Remove", "VMSavedState", DefaultParameterSetName = ByName, SupportsShouldProcess = true)]
public sealed class RemoveVmSavedStateCommand : VmSettingsCmdlet
{
    protected override void Act(string vmName)
    {
        if (ShouldProcess(vmName))
        {
            Virtualization.RemoveVmSavedState(vmName);
        }
    }
}
