using HyperNest.Hosting;
using HyperNest.Model;
using HyperNest.PowerShell.Cmdlets.Vm;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Drives;

/// <summary>Adds a DVD drive, empty or with an ISO; its controller is the generation's (IDE on 1, SCSI on 2).</summary>
[Cmdlet("Add", "VMDvdDrive", DefaultParameterSetName = ByName, SupportsShouldProcess = true)]
[OutputType(typeof(VmDvdDrive))]
public sealed class AddVmDvdDriveCommand : VmSettingsCmdlet
{
    [Parameter(Position = 2)]
    [ValidateNotNull]
    public int? ControllerNumber { get; set; }

    [Parameter(Position = 3)]
    [ValidateNotNull]
    public int? ControllerLocation { get; set; }

    [Parameter(Position = 4)]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    [Parameter]
    public SwitchParameter AllowUnverifiedPaths { get; set; }

    [Parameter]
    public SwitchParameter Passthru { get; set; }

    protected override void BeginProcessing() =>
        WarnIgnored(nameof(AllowUnverifiedPaths), DriveParameters.UnverifiedPathsIgnored);

    protected override void Act(string vmName)
    {
        if (!ShouldProcess(vmName))
        {
            return;
        }

        var drive = Virtualization.AddVmDvdDrive(vmName, new AddDriveRequest { ControllerNumber = ControllerNumber, ControllerLocation = ControllerLocation, Path = Path });
        if (Passthru)
        {
            WriteObject(drive);
        }
    }
}
