namespace HyperNest.Qemu;

/// <summary>
/// A sample of a QEMU process's resource use. CPUUsage is the difference of two samples:
/// (cpu2 - cpu1) / (wall2 - wall1) / logical processors.
/// </summary>
public sealed record QemuProcessStats(TimeSpan CpuTime, long? ResidentBytes, DateTimeOffset StartTime, DateTimeOffset SampledAt);
