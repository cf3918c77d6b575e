namespace HyperNest.Qemu;

/// <summary>Image formats HyperNest hands to QEMU's block layer (the -blockdev "driver" of the format node).</summary>
public enum QemuDiskFormat
{
    Qcow2,
    Raw,
}

/// <summary>A disk attached as virtio-blk. The path may contain any character: it only ever travels inside JSON.</summary>
public sealed record QemuDisk(string Path, QemuDiskFormat Format = QemuDiskFormat.Qcow2, bool ReadOnly = false);
