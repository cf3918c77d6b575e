namespace HyperNest.Images;

/// <summary>
/// Whether a folder is the mount point of a read-only block device, as HyperNest's own folder is inside
/// a guest (the integration disk). Read-only matters: a device the guest could still write to must not
/// be handed to a nested VM, whose kernel caches the file system as if nothing else changed it.
/// </summary>
internal static class BlockDeviceMount
{
    private const string MountTable = "/proc/self/mounts";

    public static string? FindReadOnlySource(string folder) => FindReadOnlySource(folder, File.ReadAllText(MountTable));

    /// <param name="mounts">/proc/self/mounts: "source mount-point type options dump pass" per line.</param>
    public static string? FindReadOnlySource(string folder, string mounts)
    {
        var mountPoint = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        string? source = null;
        foreach (var line in mounts.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split(' ');
            if (fields.Length < 4 || MountTableText.Unescape(fields[1]) != mountPoint)
            {
                continue;
            }

            // Later lines are mounted over earlier ones on the same path: the last one is what the folder shows.
            var device = MountTableText.Unescape(fields[0]);
            source = device.StartsWith("/dev/", StringComparison.Ordinal) && fields[3].Split(',').Contains("ro") ? device : null;
        }

        return source;
    }
}
