namespace HyperNest.Qemu;

/// <summary>The emulated controller a drive hangs on: the i440FX board's PIIX IDE (generation 1) or HyperNest's virtio-scsi controller.</summary>
public enum QemuDriveBus
{
    Ide,
    Scsi,
}

/// <summary>
/// A drive other than the system disk: a hard disk (ide-hd, scsi-hd) or a CD-ROM (ide-cd, scsi-cd) at a
/// controller location, holding <see cref="Media"/> or, for an empty CD-ROM, nothing.
/// </summary>
public sealed record QemuDrive(QemuDriveBus Bus, int Controller, int Location, bool Cdrom, QemuDisk? Media, int? BootIndex = null)
{
    /// <summary>The block node's name, from the drive's place (unique per VM, at most 31 characters as QEMU requires).</summary>
    public string NodeName => (Bus == QemuDriveBus.Ide ? "hn-ide" : "hn-scsi") + Controller + "-" + Location;

    public string DeviceId => NodeName + "-dev";
}
