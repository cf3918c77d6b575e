using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Network;

[Cmdlet("Remove", "VMSwitch", DefaultParameterSetName = ByName, Synopsis = "Deletes a virtual switch; -Force disconnects the VM adapters still on it.")]
public sealed class RemoveVmSwitchCommand : VmSwitchCmdlet
{
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void Act(string switchName) => Host.RemoveVmSwitch(switchName, Force);
}
