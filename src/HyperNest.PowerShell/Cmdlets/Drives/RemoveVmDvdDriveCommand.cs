using HyperNest.Model;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Drives;

/// <summary>Removes DVD drives; their ISO files stay.</summary>
[Cmdlet("Remove", "VMDvdDrive", DefaultParameterSetName = ByName, SupportsShouldProcess = true)]
public sealed class RemoveVmDvdDriveCommand : VmDriveCmdlet<VmDvdDrive>
{
    [Parameter(ParameterSetName = ByObject, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public VmDvdDrive[]? VMDvdDrive { get; set; }

    /// <summary>Mandatory with -VMName, as in Hyper-V: a removal names exactly one place.</summary>
    [Parameter(ParameterSetName = ByName, Mandatory = true, Position = 1)]
    public int ControllerNumber { get; set; }

    [Parameter(ParameterSetName = ByName, Mandatory = true, Position = 2)]
    public int ControllerLocation { get; set; }

    protected override IEnumerable<VmDvdDrive>? DriveObjects => VMDvdDrive;

    protected override (ControllerType? Type, int? Number, int? Location) Place => (null, ControllerNumber, ControllerLocation);

    protected override IReadOnlyList<VmDvdDrive> DrivesOf(string vmName) => Virtualization.GetVmDvdDrives(vmName);

    protected override void Act(VmDvdDrive drive)
    {
        if (ShouldProcess(Target(drive)))
        {
            Virtualization.RemoveVmDvdDrive(drive.VMName, drive.DriveId);
        }
    }
}
