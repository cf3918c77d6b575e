namespace HyperNest.Platform;

/// <summary>
/// Where a process sits in the cgroup v1 hierarchies (these machines: no systemd as PID 1, one mount per
/// controller under /sys/fs/cgroup). /proc/&lt;pid&gt;/cgroup names the path within each hierarchy;
/// /proc/self/mountinfo says where each hierarchy is mounted and which of its paths the mount shows (a
/// container may see only its own subtree).
/// </summary>
public static class CgroupV1
{
    /// <summary>The directory of <paramref name="controller"/>'s cgroup named in <paramref name="procCgroup"/>, or null when that controller is not mounted (or the machine has only cgroup v2).</summary>
    public static string? Directory(string controller, string procCgroup, string mountInfo)
    {
        var path = procCgroup.Split('\n')
            .Select(line => line.Split(':', 3))
            .Where(fields => fields.Length == 3 && fields[1].Split(',').Contains(controller))
            .Select(fields => fields[2])
            .FirstOrDefault();
        if (path is null)
        {
            return null;
        }

        foreach (var line in mountInfo.Split('\n'))
        {
            // mountinfo(5): id parent major:minor root mount-point options [optional…] - fstype source super-options
            var separator = line.IndexOf(" - ", StringComparison.Ordinal);
            if (separator < 0)
            {
                continue;
            }

            var fields = line[..separator].Split(' ');
            var tail = line[(separator + 3)..].Split(' ');
            if (fields.Length < 5 || tail.Length < 3 || tail[0] != "cgroup" || !tail[2].Split(',').Contains(controller))
            {
                continue;
            }

            var root = Unescape(fields[3]);
            var mountPoint = Unescape(fields[4]);
            if (root == "/")
            {
                return mountPoint + (path == "/" ? "" : path);
            }

            if (path == root || path.StartsWith(root + "/", StringComparison.Ordinal))
            {
                return mountPoint + path[root.Length..];
            }
        }

        return null;
    }

    /// <summary>The directories of a live process's cgroups for <paramref name="controllers"/> (those mounted), each file read once.</summary>
    public static IReadOnlyDictionary<string, string> DirectoriesOf(int pid, IEnumerable<string> controllers)
    {
        try
        {
            var procCgroup = File.ReadAllText($"/proc/{pid}/cgroup");
            var mountInfo = File.ReadAllText("/proc/self/mountinfo");
            return controllers
                .Select(controller => (controller, Directory: Directory(controller, procCgroup, mountInfo)))
                .Where(found => found.Directory is not null)
                .ToDictionary(found => found.controller, found => found.Directory!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new Dictionary<string, string>();
        }
    }

    /// <summary>mountinfo writes a space, tab, newline or backslash in a path as an octal escape (\040 …).</summary>
    private static string Unescape(string field) => System.Text.RegularExpressions.Regex.Replace(
        field, @"\\([0-7]{3})", m => ((char)Convert.ToInt32(m.Groups[1].Value, 8)).ToString());
}
