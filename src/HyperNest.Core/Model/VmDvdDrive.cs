namespace HyperNest.Model;

/// <summary>A VM's DVD drive as Get-VMDvdDrive and VirtualMachine.DVDDrives show it (Hyper-V's DvdDrive fields that apply here).</summary>
public sealed record VmDvdDrive : IVmDrive
{
    public required string VMName { get; init; }

    public Guid VMId { get; init; }

    /// <summary>Stable identity of the drive; what Set-VMFirmware's boot order names.</summary>
    public Guid DriveId { get; init; }

    /// <summary>Hyper-V's form of the id: "Microsoft:&lt;VMId&gt;\&lt;DriveId&gt;".</summary>
    public string Id => $"Microsoft:{VMId:D}\\{DriveId:D}";

    public ControllerType ControllerType { get; init; }

    public int ControllerNumber { get; init; }

    public int ControllerLocation { get; init; }

    /// <summary>The ISO file in the drive; null when the drive is empty.</summary>
    public string? Path { get; init; }

    public DvdMediaType DvdMediaType => Path is null ? DvdMediaType.None : DvdMediaType.ISO;

    /// <summary>Hyper-V's display name, e.g. "DVD Drive on SCSI controller number 0 at location 1".</summary>
    public string Name => $"DVD Drive on {ControllerType} controller number {ControllerNumber} at location {ControllerLocation}";
}
