namespace HyperNest.Model;

/// <summary>Hyper-V's VMBootSource.BootType: what a firmware boot entry starts from.</summary>
public enum BootSourceType
{
    Drive,
    Network,
    File,
}

/// <summary>
/// One entry of a generation 2 VM's boot order (Get-VMFirmware's BootOrder). <see cref="Device"/> is the
/// drive or network adapter object, so Set-VMFirmware -BootOrder takes these entries or the devices themselves.
/// </summary>
public sealed record VmBootSource
{
    public required BootSourceType BootType { get; init; }

    /// <summary>Hyper-V's UEFI description, e.g. "EFI SCSI Device" or "EFI Network".</summary>
    public required string Description { get; init; }

    /// <summary>A <see cref="VmHardDiskDrive"/>, <see cref="VmDvdDrive"/> or <see cref="VmNetworkAdapter"/>.</summary>
    public required object Device { get; init; }

    /// <summary>The id of <see cref="Device"/> (DriveId or AdapterId).</summary>
    public required Guid DeviceId { get; init; }

    public string VMName { get; init; } = "";

    /// <summary>Hyper-V prints a boot order as {Drive, Network}: an entry shows as its type.</summary>
    public override string ToString() => BootType.ToString();
}
