namespace HyperNest.Model;

/// <summary>What hangs at a controller location: a hard disk drive (a disk file) or a DVD drive (an ISO, or empty).</summary>
public enum DriveKind
{
    HardDisk,
    Dvd,
}
