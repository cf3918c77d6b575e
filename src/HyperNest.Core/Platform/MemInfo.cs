using System.Globalization;

namespace HyperNest.Platform;

/// <summary>The host's memory from /proc/meminfo.</summary>
public static class MemInfo
{
    /// <summary>MemTotal in bytes, or 0 when /proc/meminfo cannot be read.</summary>
    public static long TotalBytes(string path = "/proc/meminfo")
    {
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (IOException)
        {
            return 0;
        }
    }

    public static long Parse(string meminfo)
    {
        foreach (var line in meminfo.Split('\n'))
        {
            // "MemTotal:       24554012 kB" — the kernel reports kibibytes.
            if (line.StartsWith("MemTotal:", StringComparison.Ordinal))
            {
                var value = line["MemTotal:".Length..].Trim().Split(' ')[0];
                return long.Parse(value, CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }
}
