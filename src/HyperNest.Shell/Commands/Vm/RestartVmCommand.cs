using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Vm;

[Cmdlet("Restart", "VM", DefaultParameterSetName = ByName, Synopsis = "Resets a running virtual machine.")]
public sealed class RestartVmCommand : VmActionCmdlet
{
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override object? Act(string vmName) => Host.RestartVm(vmName);
}
