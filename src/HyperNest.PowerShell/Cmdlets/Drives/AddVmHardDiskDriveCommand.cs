using HyperNest.Hosting;
using HyperNest.Model;
using HyperNest.PowerShell.Cmdlets.Vm;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Drives;

[Cmdlet("Add", "VMHardDiskDrive", DefaultParameterSetName = ByName, SupportsShouldProcess = true)]
[OutputType(typeof(VmHardDiskDrive))]
public sealed class AddVmHardDiskDriveCommand : VmSettingsCmdlet
{
    [Parameter(Position = 1)]
    [ValidateNotNull]
    public ControllerType? ControllerType { get; set; }

    [Parameter(Position = 2)]
    [ValidateNotNull]
    public int? ControllerNumber { get; set; }

    [Parameter(Position = 3)]
    [ValidateNotNull]
    public int? ControllerLocation { get; set; }

    [Parameter(Position = 4)]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>Hyper-V's pass-through disks; refused, as HyperNest attaches disk files only.</summary>
    [Parameter]
    [Alias("Number")]
    [ValidateNotNull]
    public uint? DiskNumber { get; set; }

    [Parameter]
    public SwitchParameter AllowUnverifiedPaths { get; set; }

    [Parameter]
    public SwitchParameter Passthru { get; set; }

    protected override void BeginProcessing()
    {
        if (DiskNumber is not null)
        {
            ThrowParameterError("-DiskNumber (a physical disk passed through) is not supported: HyperNest attaches disk files only. Give -Path to a disk file (New-VHD makes one).", "PassThroughDiskNotSupported");
        }

        WarnIgnored(nameof(AllowUnverifiedPaths), DriveParameters.UnverifiedPathsIgnored);
    }

    protected override void Act(string vmName)
    {
        if (!ShouldProcess(vmName))
        {
            return;
        }

        var drive = Virtualization.AddVmHardDiskDrive(vmName, new AddDriveRequest
        {
            ControllerType = ControllerType,
            ControllerNumber = ControllerNumber,
            ControllerLocation = ControllerLocation,
            Path = Path,
        });
        if (Passthru)
        {
            WriteObject(drive);
        }
    }
}
