namespace HyperNest.Images;

/// <summary>
/// Before a staging directory is deleted: a killed mmdebstrap (root mode) can leave /proc, /sys or
/// bind mounts of host devices inside its chroot, and a recursive delete would walk into them.
/// </summary>
internal static class MountGuard
{
    /// <summary>Mount points at or below <paramref name="directory"/>, deepest first.</summary>
    public static IReadOnlyList<string> MountsUnder(string directory)
    {
        var prefix = Path.GetFullPath(directory).TrimEnd('/');
        var mounts = new List<string>();
        foreach (var line in File.ReadLines("/proc/self/mountinfo"))
        {
            // Field 5 is the mount point, with space, tab, newline and backslash octal-escaped.
            var fields = line.Split(' ');
            if (fields.Length < 5)
            {
                continue;
            }

            var mountPoint = MountTableText.Unescape(fields[4]);
            if (mountPoint == prefix || mountPoint.StartsWith(prefix + "/", StringComparison.Ordinal))
            {
                mounts.Add(mountPoint);
            }
        }

        return [.. mounts.OrderByDescending(m => m.Length)];
    }

    /// <summary>Lazily unmounts everything under the directory, then deletes it.</summary>
    public static void DeleteDirectory(string directory, TextWriter log)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        foreach (var mountPoint in MountsUnder(directory))
        {
            ExternalTool.Run("umount", ["--lazy", mountPoint], log, CancellationToken.None);
        }

        if (MountsUnder(directory).Count > 0)
        {
            throw new IOException($"Refusing to delete '{directory}': file systems are still mounted inside it.");
        }

        Directory.Delete(directory, recursive: true);
    }
}
