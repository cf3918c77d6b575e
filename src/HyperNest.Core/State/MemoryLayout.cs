namespace HyperNest.State;

/// <summary>
/// How a running VM's memory is laid out: <paramref name="BaseBytes"/> of boot memory the guest always has,
/// and a hot-pluggable region of <paramref name="RegionBytes"/> (one virtio-mem device) of which the host
/// plugs what the guest should have beyond the base. The guest sees base + plugged; the region's size bounds
/// how far it can grow without a restart.
/// </summary>
public sealed record MemoryLayout(long BaseBytes, long RegionBytes)
{
    public long MaximumBytes => BaseBytes + RegionBytes;

    /// <summary>What to plug for the guest to have <paramref name="totalBytes"/>.</summary>
    public long PluggedFor(long totalBytes) => Math.Clamp(totalBytes - BaseBytes, 0, RegionBytes);
}
