using System.Globalization;

namespace HyperNest.Hosting;

/// <summary>The guest's own view of its memory (its /proc/meminfo): MemTotal and MemAvailable.</summary>
public sealed record GuestMemory(long TotalBytes, long AvailableBytes)
{
    public long UsedBytes => TotalBytes - AvailableBytes;

    /// <summary>Parses /proc/meminfo ("MemTotal:  472872 kB" lines); null when either line is missing or malformed.</summary>
    public static GuestMemory? FromMemInfo(string text)
    {
        long? total = null, available = null;
        foreach (var line in text.Split('\n'))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 3 || fields[2] != "kB" || !long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var kilobytes) || kilobytes > long.MaxValue / 1024)
            {
                continue;
            }

            switch (fields[0])
            {
                case "MemTotal:":
                    total = kilobytes * 1024;
                    break;
                case "MemAvailable:":
                    available = kilobytes * 1024;
                    break;
            }
        }

        return total is { } t && available is { } a && a <= t ? new GuestMemory(t, a) : null;
    }
}
