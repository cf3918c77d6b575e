using HyperNest.Model;
using HyperNest.PowerShell.Cmdlets.Vm;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Drives;

[Cmdlet("Get", "VMDvdDrive", DefaultParameterSetName = ByName)]
[OutputType(typeof(VmDvdDrive))]
public sealed class GetVmDvdDriveCommand : VmSettingsCmdlet
{
    [Parameter]
    [ValidateNotNull]
    public int? ControllerNumber { get; set; }

    [Parameter]
    [ValidateNotNull]
    public int? ControllerLocation { get; set; }

    protected override void Act(string vmName) => WriteObjects(Virtualization.GetVmDvdDrives(vmName).Where(d =>
        (ControllerNumber is null || d.ControllerNumber == ControllerNumber) &&
        (ControllerLocation is null || d.ControllerLocation == ControllerLocation)));
}
