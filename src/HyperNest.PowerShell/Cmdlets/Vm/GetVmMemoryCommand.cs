using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Vm;

[Cmdlet("Get", "VMMemory", DefaultParameterSetName = ByName)]
public sealed class GetVmMemoryCommand : VmSettingsCmdlet
{
    protected override void Act(string vmName) => WriteObject(Virtualization.GetVmMemory(vmName));
}
