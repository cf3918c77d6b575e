using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Network;

[Cmdlet("Rename", "VMSwitch", DefaultParameterSetName = ByName, SupportsShouldProcess = true)]
public sealed class RenameVmSwitchCommand : VmSwitchCmdlet
{
    [Parameter(Mandatory = true, Position = 1)]
    public string NewName { get; set; } = "";

    [Parameter]
    public SwitchParameter Passthru { get; set; }

    protected override void Act(string switchName)
    {
        if (!ShouldProcess(switchName))
        {
            return;
        }

        var renamed = Virtualization.RenameVmSwitch(switchName, NewName);
        if (Passthru)
        {
            WriteObject(renamed);
        }
    }
}
