using HyperNest.Hosting;

namespace HyperNest.Images;

/// <summary>
/// Maps a path inside a guest root directory to a host path without leaving that directory.
/// Debian roots hold absolute symlinks (e.g. /var/run -> /run); following them on the host would
/// write into the host's own /run, so every symlink is resolved relative to the guest root.
/// </summary>
internal static class GuestPath
{
    private const int MaxLinks = 40;

    /// <summary>The host path of <paramref name="guestPath"/> (absolute, inside the guest) under <paramref name="rootDir"/>.</summary>
    public static string Resolve(string rootDir, string guestPath)
    {
        if (!guestPath.StartsWith('/'))
        {
            throw new HostException($"Guest path '{guestPath}' must be absolute.", ErrorCategory.InvalidArgument, "ImageGuestPathInvalid", guestPath);
        }

        var pending = new Stack<string>(guestPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse());
        var resolved = new List<string>();
        var links = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (resolved.Count > 0)
                {
                    resolved.RemoveAt(resolved.Count - 1);
                }

                continue;
            }

            var hostPath = Path.Combine(rootDir, Path.Combine([.. resolved, part]));
            var info = new FileInfo(hostPath);
            // The last component is never followed: the caller replaces it (a file or a link itself).
            if (pending.Count > 0 && info.LinkTarget is { } target)
            {
                if (++links > MaxLinks)
                {
                    throw new HostException($"Too many symbolic links resolving '{guestPath}' in the guest root.", ErrorCategory.InvalidData, "ImageGuestPathLoop", guestPath);
                }

                if (target.StartsWith('/'))
                {
                    resolved.Clear();
                }

                foreach (var segment in target.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse())
                {
                    pending.Push(segment);
                }

                continue;
            }

            resolved.Add(part);
        }

        return Path.Combine(rootDir, Path.Combine([.. resolved]));
    }
}
