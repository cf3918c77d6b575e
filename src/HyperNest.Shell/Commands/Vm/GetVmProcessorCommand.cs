using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Vm;

[Cmdlet("Get", "VMProcessor", DefaultParameterSetName = ByName, Synopsis = "Gets a virtual machine's processor settings.")]
public sealed class GetVmProcessorCommand : VmSettingsCmdlet
{
    protected override void Act(string vmName) => WriteObject(Host.GetVmProcessor(vmName));
}
