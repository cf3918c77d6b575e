using HyperNest.Hosting;
using HyperNest.Model;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Drives;

/// <summary>Moves hard drives (-ToController*) or changes their file (-Path); only while the VM is Off.</summary>
[Cmdlet("Set", "VMHardDiskDrive", DefaultParameterSetName = ByName, SupportsShouldProcess = true)]
[OutputType(typeof(VmHardDiskDrive))]
public sealed class SetVmHardDiskDriveCommand : VmDriveCmdlet<VmHardDiskDrive>
{
    [Parameter(ParameterSetName = ByObject, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public VmHardDiskDrive[]? VMHardDiskDrive { get; set; }

    [Parameter(ParameterSetName = ByName, Position = 1)]
    [ValidateNotNull]
    public ControllerType? ControllerType { get; set; }

    [Parameter(ParameterSetName = ByName, Position = 2)]
    [ValidateNotNull]
    public int? ControllerNumber { get; set; }

    [Parameter(ParameterSetName = ByName, Position = 3)]
    [ValidateNotNull]
    public int? ControllerLocation { get; set; }

    [Parameter(ParameterSetName = ByName, Position = 4)]
    [Parameter(ParameterSetName = ByObject, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    [Parameter]
    [ValidateNotNull]
    public ControllerType? ToControllerType { get; set; }

    [Parameter]
    [ValidateNotNull]
    public int? ToControllerNumber { get; set; }

    [Parameter]
    [ValidateNotNull]
    public int? ToControllerLocation { get; set; }

    [Parameter]
    public SwitchParameter AllowUnverifiedPaths { get; set; }

    [Parameter]
    public SwitchParameter Passthru { get; set; }

    protected override IEnumerable<VmHardDiskDrive>? DriveObjects => VMHardDiskDrive;

    protected override (ControllerType? Type, int? Number, int? Location) Place => (ControllerType, ControllerNumber, ControllerLocation);

    protected override void BeginProcessing() =>
        WarnIgnored(nameof(AllowUnverifiedPaths), DriveParameters.UnverifiedPathsIgnored);

    protected override IReadOnlyList<VmHardDiskDrive> DrivesOf(string vmName) => Virtualization.GetVmHardDiskDrives(vmName);

    protected override void Act(VmHardDiskDrive drive)
    {
        if (!ShouldProcess(Target(drive)))
        {
            return;
        }

        var changed = Virtualization.SetVmHardDiskDrive(drive.VMName, drive.DriveId, new SetDriveRequest
        {
            Path = Path,
            ToControllerType = ToControllerType,
            ToControllerNumber = ToControllerNumber,
            ToControllerLocation = ToControllerLocation,
        });
        if (Passthru)
        {
            WriteObject(changed);
        }
    }
}
