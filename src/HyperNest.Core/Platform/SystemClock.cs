using System.Globalization;
using HyperNest.Interop;

namespace HyperNest.Platform;

/// <summary>The kernel's clock facts needed to turn /proc/&lt;pid&gt;/stat ticks into times.</summary>
public static class SystemClock
{
    private static readonly Lazy<long> TicksPerSecondValue = new(() =>
    {
        var ticks = (long)LibC.SysConf(LibC._SC_CLK_TCK);
        return ticks > 0 ? ticks : 100;
    });

    private static readonly Lazy<DateTimeOffset> BootTimeValue = new(() => ParseBootTime(File.ReadAllText("/proc/stat"))
        ?? throw new InvalidDataException("/proc/stat has no btime line"));

    /// <summary>USER_HZ: the unit of utime, stime and starttime (almost always 100).</summary>
    public static long TicksPerSecond => TicksPerSecondValue.Value;

    public static DateTimeOffset BootTime => BootTimeValue.Value;

    public static TimeSpan FromTicks(long ticks) => TimeSpan.FromSeconds((double)ticks / TicksPerSecond);

    /// <summary>"btime 1763642880" of /proc/stat: boot time in seconds since the epoch.</summary>
    public static DateTimeOffset? ParseBootTime(string procStat)
    {
        foreach (var line in procStat.Split('\n'))
        {
            if (line.StartsWith("btime ", StringComparison.Ordinal)
                && long.TryParse(line.AsSpan(6).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
            {
                return DateTimeOffset.FromUnixTimeSeconds(seconds);
            }
        }

        return null;
    }
}
