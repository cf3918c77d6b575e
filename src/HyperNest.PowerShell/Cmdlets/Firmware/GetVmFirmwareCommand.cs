using HyperNest.Model;
using HyperNest.PowerShell.Cmdlets.Vm;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Firmware;

[Cmdlet("Get", "VMFirmware", DefaultParameterSetName = ByName)]
[OutputType(typeof(VmFirmware))]
public sealed class GetVmFirmwareCommand : VmSettingsCmdlet
{
    protected override void Act(string vmName) => WriteObject(Virtualization.GetVmFirmware(vmName));
}
