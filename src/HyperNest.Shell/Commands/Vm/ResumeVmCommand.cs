using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Vm;

[Cmdlet("Resume", "VM", DefaultParameterSetName = ByName, Synopsis = "Resumes a paused virtual machine.")]
public sealed class ResumeVmCommand : VmActionCmdlet
{
    protected override object? Act(string vmName) => Host.ResumeVm(vmName);
}
