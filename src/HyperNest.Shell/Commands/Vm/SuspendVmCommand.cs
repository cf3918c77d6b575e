using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Vm;

[Cmdlet("Suspend", "VM", DefaultParameterSetName = ByName, Synopsis = "Pauses a running virtual machine.")]
public sealed class SuspendVmCommand : VmActionCmdlet
{
    protected override object? Act(string vmName) => Host.SuspendVm(vmName);
}
