namespace HyperNest.Qemu;

/// <summary>
/// A sample of a QEMU process's resource use. CPUUsage is the difference of two samples:
/// (cpu2 - cpu1) / (wall2 - wall1) / logical processors.
/// </summary>
public sealed record QemuProcessStats(TimeSpan CpuTime, long? ResidentBytes, DateTimeOffset StartTime, DateTimeOffset SampledAt)
{
    /// <summary>Hyper-V's CPUUsage: percent of the whole host's CPU the process used between two samples (0-100).</summary>
    public static int CpuUsagePercent(QemuProcessStats earlier, QemuProcessStats later, int logicalProcessors)
    {
        var wall = later.SampledAt - earlier.SampledAt;
        if (wall <= TimeSpan.Zero || logicalProcessors < 1 || earlier.StartTime != later.StartTime)
        {
            return 0;
        }

        var percent = (later.CpuTime - earlier.CpuTime) / wall / logicalProcessors * 100;
        return (int)Math.Clamp(Math.Round(percent), 0, 100);
    }
}
