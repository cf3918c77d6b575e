using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Vm;

[Cmdlet("Get", "VMProcessor", DefaultParameterSetName = ByName)]
public sealed class GetVmProcessorCommand : VmSettingsCmdlet
{
    protected override void Act(string vmName) => WriteObject(Virtualization.GetVmProcessor(vmName));
}
