using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Network;

[Cmdlet("Remove", "VMSwitch", DefaultParameterSetName = ByName, SupportsShouldProcess = true)]
public sealed class RemoveVmSwitchCommand : VmSwitchCmdlet
{
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void Act(string switchName)
    {
        if (ShouldProcess(switchName) && ConfirmUnlessForced(Force, $"Are you sure you want to remove the virtual switch \"{switchName}\"?"))
        {
            Virtualization.RemoveVmSwitch(switchName, Force);
        }
    }
}
