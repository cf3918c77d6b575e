using HyperNest.Hosting;
using HyperNest.Model;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Drives;

/// <summary>Changes a DVD drive's ISO (-Path; $null or '' takes it out) or moves the drive; only while the VM is Off.</summary>
[Cmdlet("Set", "VMDvdDrive", DefaultParameterSetName = ByName, SupportsShouldProcess = true)]
[OutputType(typeof(VmDvdDrive))]
public sealed class SetVmDvdDriveCommand : VmDriveCmdlet<VmDvdDrive>
{
    [Parameter(ParameterSetName = ByObject, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public VmDvdDrive[]? VMDvdDrive { get; set; }

    [Parameter(ParameterSetName = ByName, Position = 1)]
    [ValidateNotNull]
    public int? ControllerNumber { get; set; }

    [Parameter(ParameterSetName = ByName, Position = 2)]
    [ValidateNotNull]
    public int? ControllerLocation { get; set; }

    /// <summary>Hyper-V ejects the media with -Path $null, so null and '' are values here.</summary>
    [Parameter(ParameterSetName = ByName, Position = 3)]
    [Parameter(ParameterSetName = ByObject, Position = 1)]
    [AllowNull]
    [AllowEmptyString]
    public string? Path { get; set; }

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

    protected override IEnumerable<VmDvdDrive>? DriveObjects => VMDvdDrive;

    protected override (ControllerType? Type, int? Number, int? Location) Place => (null, ControllerNumber, ControllerLocation);

    protected override void BeginProcessing() =>
        WarnIgnored(nameof(AllowUnverifiedPaths), DriveParameters.UnverifiedPathsIgnored);

    protected override IReadOnlyList<VmDvdDrive> DrivesOf(string vmName) => Virtualization.GetVmDvdDrives(vmName);

    protected override void Act(VmDvdDrive drive)
    {
        if (!ShouldProcess(Target(drive)))
        {
            return;
        }

        var ejecting = IsBound(nameof(Path)) && string.IsNullOrEmpty(Path);
        var changed = Virtualization.SetVmDvdDrive(drive.VMName, drive.DriveId, new SetDriveRequest
        {
            Path = ejecting ? null : Path,
            RemoveMedia = ejecting,
            ToControllerNumber = ToControllerNumber,
            ToControllerLocation = ToControllerLocation,
        });
        if (Passthru)
        {
            WriteObject(changed);
        }
    }
}
