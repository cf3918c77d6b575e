using HyperNest.State;

namespace HyperNest.Hosting;

/// <summary>
/// How a VM's memory is laid out when it starts, so that it can be resized while it runs: boot memory the
/// guest always keeps, and a virtio-mem region (up to the host's memory) of which the host plugs the rest.
/// virtio-mem, not DIMM hotplug or a balloon, because it is the one that changes the guest's own view of its
/// memory both ways (MemTotal grows and shrinks, measured) in 2 MiB steps, and gives unplugged memory back to
/// the host; DIMMs cannot be reliably unplugged and a balloon cannot grow a guest beyond what it booted with.
/// </summary>
internal static class RuntimeMemory
{
    private const long MiB = 1024 * 1024;

    /// <summary>virtio-mem's block on x86: every size is a whole number of these.</summary>
    public const long BlockBytes = 2 * MiB;

    /// <summary>Below this a guest keeps all its startup memory as boot memory (the kernel and initramfs need it before the driver loads).</summary>
    public const long MinimumBootBytes = 128 * MiB;

    /// <summary>
    /// <paramref name="guestPlugsAtBoot"/>: the guest's initramfs loads the virtio-mem driver (HyperNest's images),
    /// so half its startup memory (at least 128 MiB) is boot memory and the rest is plugged at start and can be
    /// given back later. Any other guest boots with all its startup memory and can only grow, if its kernel has
    /// the driver: a guest without one would never see memory it was meant to start with.
    /// </summary>
    public static MemoryLayout LayoutFor(long startupBytes, long hostMemoryBytes, bool guestPlugsAtBoot)
    {
        var baseBytes = guestPlugsAtBoot ? Math.Min(startupBytes, Math.Max(MinimumBootBytes, AlignDown(startupBytes / 2))) : startupBytes;
        var ceiling = Math.Max(AlignDown(hostMemoryBytes), startupBytes);
        return new MemoryLayout(baseBytes, Math.Max(ceiling - baseBytes, BlockBytes));
    }

    private static long AlignDown(long bytes) => bytes / BlockBytes * BlockBytes;
}
