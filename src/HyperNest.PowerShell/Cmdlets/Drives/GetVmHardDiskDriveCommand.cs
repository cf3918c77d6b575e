using HyperNest.Model;
using HyperNest.PowerShell.Cmdlets.Vm;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Drives;

[Cmdlet("Get", "VMHardDiskDrive", DefaultParameterSetName = ByName)]
[OutputType(typeof(VmHardDiskDrive))]
public sealed class GetVmHardDiskDriveCommand : VmSettingsCmdlet
{
    [Parameter]
    [ValidateNotNull]
    public ControllerType? ControllerType { get; set; }

    [Parameter]
    [ValidateNotNull]
    public int? ControllerNumber { get; set; }

    [Parameter]
    [ValidateNotNull]
    public int? ControllerLocation { get; set; }

    protected override void Act(string vmName) => WriteObjects(Virtualization.GetVmHardDiskDrives(vmName).Where(d =>
        (ControllerType is null || d.ControllerType == ControllerType) &&
        (ControllerNumber is null || d.ControllerNumber == ControllerNumber) &&
        (ControllerLocation is null || d.ControllerLocation == ControllerLocation)));
}
