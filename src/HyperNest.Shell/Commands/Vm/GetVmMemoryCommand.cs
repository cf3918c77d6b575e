using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Vm;

[Cmdlet("Get", "VMMemory", DefaultParameterSetName = ByName, Synopsis = "Gets a virtual machine's memory settings.")]
public sealed class GetVmMemoryCommand : VmSettingsCmdlet
{
    protected override void Act(string vmName) => WriteObject(Host.GetVmMemory(vmName));
}
