using HyperNest.Hosting;
using HyperNest.Model;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Drives;

/// <summary>
/// Base of the cmdlets that act on existing drives (Set-/Remove-VMHardDiskDrive, Set-/Remove-VMDvdDrive):
/// named by -VMName and a controller place, or given as drive objects from the pipeline
/// (Get-VMHardDiskDrive -VMName x | Remove-VMHardDiskDrive). The host knows a drive by (VMName, DriveId).
/// Each drive is handled on its own: a refusal for one becomes its error record and the rest still run.
/// </summary>
public abstract class VmDriveCmdlet<TDrive> : HyperNestCmdlet
    where TDrive : IVmDrive
{
    protected const string ByName = "VMName";
    protected const string ByObject = "Object";

    [Parameter(ParameterSetName = ByName, Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? VMName { get; set; }

    /// <summary>The drive objects of the Object parameter set (-VMHardDiskDrive, -VMDvdDrive).</summary>
    protected abstract IEnumerable<TDrive>? DriveObjects { get; }

    /// <summary>The controller place given with -VMName; a null part matches every drive.</summary>
    protected abstract (ControllerType? Type, int? Number, int? Location) Place { get; }

    protected abstract IReadOnlyList<TDrive> DrivesOf(string vmName);

    protected abstract void Act(TDrive drive);

    protected override void Process()
    {
        var drives = ParameterSetName == ByObject ? DriveObjects ?? [] : Selected(VMName!);
        foreach (var drive in drives)
        {
            try
            {
                Act(drive);
            }
            catch (HostException ex)
            {
                WriteError(ex);
            }
        }
    }

    /// <summary>How -WhatIf and -Confirm name a drive: "Hard Drive on SCSI controller number 0 at location 1" of VM "L1".</summary>
    protected static string Target(TDrive drive) => $"'{drive.Name}' of virtual machine '{drive.VMName}'";

    private IReadOnlyList<TDrive> Selected(string vmName)
    {
        var (type, number, location) = Place;
        var drives = DrivesOf(vmName)
            .Where(d => (type is null || d.ControllerType == type) && (number is null || d.ControllerNumber == number) && (location is null || d.ControllerLocation == location))
            .ToList();
        if (drives.Count == 0)
        {
            WriteError(CreateError(
                $"'{vmName}' has no drive{Describe(type, number, location)} of this kind. {DrivesOfCommand} -VMName '{vmName}' lists its drives.",
                ErrorCategory.ObjectNotFound, "DriveNotFound", vmName));
        }

        return drives;
    }

    private string DrivesOfCommand => typeof(TDrive) == typeof(VmDvdDrive) ? "Get-VMDvdDrive" : "Get-VMHardDiskDrive";

    private static string Describe(ControllerType? type, int? number, int? location) =>
        type is null && number is null && location is null
            ? ""
            : $" on {type?.ToString() ?? "a"} controller{(number is { } n ? $" {n}" : "")}{(location is { } l ? $" at location {l}" : "")}";
}
