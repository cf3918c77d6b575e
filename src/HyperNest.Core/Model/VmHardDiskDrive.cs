namespace HyperNest.Model;

/// <summary>A VM's hard disk drive as Get-VMHardDiskDrive and VirtualMachine.HardDrives show it (Hyper-V's HardDiskDrive fields that apply here).</summary>
public sealed record VmHardDiskDrive : IVmDrive
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

    public required string Path { get; init; }

    /// <summary>A pass-through host disk's number; always null, as HyperNest attaches disk files only.</summary>
    public int? DiskNumber { get; init; }

    /// <summary>Hyper-V's display name, e.g. "Hard Drive on IDE controller number 0 at location 0".</summary>
    public string Name => $"Hard Drive on {ControllerType} controller number {ControllerNumber} at location {ControllerLocation}";
}
