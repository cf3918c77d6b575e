using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Network;

[Cmdlet("Rename", "VMSwitch", DefaultParameterSetName = ByName, Synopsis = "Renames a virtual switch.")]
public sealed class RenameVmSwitchCommand : VmSwitchCmdlet
{
    [Parameter(Mandatory = true, Position = 1)]
    public string NewName { get; set; } = "";

    [Parameter]
    public SwitchParameter Passthru { get; set; }

    protected override void Act(string switchName)
    {
        var renamed = Host.RenameVmSwitch(switchName, NewName);
        if (Passthru)
        {
            WriteObject(renamed);
        }
    }
}
