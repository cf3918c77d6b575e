using HyperNest.Model;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Drives;

/// <summary>Detaches hard drives; their files stay (Hyper-V semantics).</summary>
[Cmdlet("Remove", "VMHardDiskDrive", DefaultParameterSetName = ByName, SupportsShouldProcess = true)]
public sealed class RemoveVmHardDiskDriveCommand : VmDriveCmdlet<VmHardDiskDrive>
{
    [Parameter(ParameterSetName = ByObject, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public VmHardDiskDrive[]? VMHardDiskDrive { get; set; }

    /// <summary>Mandatory with -VMName, as in Hyper-V: a removal names exactly one place.</summary>
    [Parameter(ParameterSetName = ByName, Mandatory = true, Position = 1)]
    public ControllerType ControllerType { get; set; }

    [Parameter(ParameterSetName = ByName, Mandatory = true, Position = 2)]
    public int ControllerNumber { get; set; }

    [Parameter(ParameterSetName = ByName, Mandatory = true, Position = 3)]
    public int ControllerLocation { get; set; }

    [Parameter]
    public SwitchParameter Passthru { get; set; }

    protected override IEnumerable<VmHardDiskDrive>? DriveObjects => VMHardDiskDrive;

    protected override (ControllerType? Type, int? Number, int? Location) Place => (ControllerType, ControllerNumber, ControllerLocation);

    protected override IReadOnlyList<VmHardDiskDrive> DrivesOf(string vmName) => Virtualization.GetVmHardDiskDrives(vmName);

    protected override void Act(VmHardDiskDrive drive)
    {
        if (!ShouldProcess(Target(drive)))
        {
            return;
        }

        Virtualization.RemoveVmHardDiskDrive(drive.VMName, drive.DriveId);
        if (Passthru)
        {
            WriteObject(drive);
        }
    }
}
