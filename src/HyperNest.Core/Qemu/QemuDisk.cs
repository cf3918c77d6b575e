namespace HyperNest.Qemu;

/// <summary>Image formats HyperNest hands to QEMU's block layer (the -blockdev "driver" of the format node).</summary>
public enum QemuDiskFormat
{
    Qcow2,
    Raw,
}

/// <summary>A disk attached as virtio-blk (the system disk and the integration disk), or the media of a <see cref="QemuDrive"/>. The path may contain any character: it only ever travels inside JSON.</summary>
/// <param name="HostDevice">The path is a block device (QEMU's host_device protocol driver), not a file.</param>
/// <param name="Serial">What the guest reads from /sys/block/vdX/serial to tell this disk from the others.</param>
/// <param name="BootIndex">The disk's place in the firmware's boot order (QEMU's bootindex); null: no property.</param>
public sealed record QemuDisk(
    string Path, QemuDiskFormat Format = QemuDiskFormat.Qcow2, bool ReadOnly = false, bool HostDevice = false, string? Serial = null, int? BootIndex = null);
