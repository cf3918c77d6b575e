using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Vm;

[Cmdlet("Start", "VM", DefaultParameterSetName = ByName, Synopsis = "Starts a virtual machine, or restores a saved one.")]
public sealed class StartVmCommand : VmActionCmdlet
{
    protected override object? Act(string vmName) => Host.StartVm(vmName);
}
