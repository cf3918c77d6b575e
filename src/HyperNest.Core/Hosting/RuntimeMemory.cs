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

    /// <summary>virtio-mem's block on x86 (and Hyper-V's memory granularity): every size is a whole number of these.</summary>
    public const long BlockBytes = VmRules.MemoryAlignmentBytes;

    /// <summary>
    /// How far past its boot memory a guest may grow while it runs: the kernel keeps the page structures of
    /// plugged memory (1.6 % of it) in its boot memory, which must hold them.
    /// </summary>
    public const int MaximumGrowth = 16;

    /// <summary>Below this a guest keeps all its startup memory as boot memory (the kernel and initramfs need it before the driver loads).</summary>
    public const long MinimumBootBytes = 128 * MiB;

    /// <summary>Hyper-V's Minimum when Dynamic Memory is turned on without one (never above the startup memory).</summary>
    public const long DefaultMinimumBytes = 512 * MiB;

    /// <summary>Hyper-V's Maximum when Dynamic Memory is turned on without one: 1 TB.</summary>
    public const long DefaultMaximumBytes = 1024L * 1024 * MiB;

    /// <summary>
    /// <paramref name="guestPlugsAtBoot"/>: the guest's initramfs loads the virtio-mem driver (HyperNest's images),
    /// so only part of its startup memory is boot memory (its Dynamic Memory Minimum, else half; at least
    /// 128 MiB) and the rest is plugged at start and can be given back later. Any other guest boots with all
    /// its startup memory and can only grow, if its kernel has the driver: a guest without one would never
    /// see memory it was meant to start with.
    /// </summary>
    public static MemoryLayout LayoutFor(long startupBytes, long? dynamicMinimumBytes, long hostMemoryBytes, bool guestPlugsAtBoot)
    {
        var floor = dynamicMinimumBytes ?? AlignDown(startupBytes / 2);
        var baseBytes = guestPlugsAtBoot ? Math.Min(startupBytes, Math.Max(MinimumBootBytes, floor)) : startupBytes;
        var ceiling = Math.Max(Math.Min(AlignDown(hostMemoryBytes), baseBytes * MaximumGrowth), startupBytes);
        return new MemoryLayout(baseBytes, Math.Max(ceiling - baseBytes, BlockBytes));
    }

    /// <summary>The Minimum Get-VMMemory shows and Dynamic Memory keeps (Hyper-V's default when none was set).</summary>
    public static long Minimum(VmRecord vm) => vm.MemoryMinimumBytes > 0 ? vm.MemoryMinimumBytes : Math.Min(DefaultMinimumBytes, vm.MemoryStartupBytes);

    public static long Maximum(VmRecord vm) => vm.MemoryMaximumBytes > 0 ? vm.MemoryMaximumBytes : DefaultMaximumBytes;

    /// <summary>What the guest has now: what it was last given while it runs, else its startup memory.</summary>
    public static long Assigned(VmRecord vm) => vm.MemoryAssignedBytes ?? vm.MemoryStartupBytes;

    /// <summary>
    /// The least a guest that needs <paramref name="demandBytes"/> (what it uses plus what its kernel keeps) may
    /// be shrunk to: its driver gives back whatever is free, down to nothing, and a guest left with no free
    /// memory has its OOM killer end programs (seen: the PowerShell Direct session). So it keeps room to work
    /// in: a tenth of its demand, at least 64 MiB. Runtime resize and Dynamic Memory both go by it.
    /// </summary>
    public static long LeastToKeep(long demandBytes) => AlignUp(demandBytes + Math.Max(64 * MiB, demandBytes / 10));

    /// <summary>
    /// Dynamic Memory's target: the demand plus Buffer percent of it (and never less than <see cref="LeastToKeep"/>),
    /// between the floor and the ceiling, in whole blocks.
    /// </summary>
    public static long Target(long demandBytes, int bufferPercent, long floorBytes, long ceilingBytes) =>
        Math.Clamp(Math.Max(AlignUp(demandBytes + demandBytes / 100 * bufferPercent), LeastToKeep(demandBytes)), floorBytes, Math.Max(floorBytes, ceilingBytes));

    public static long AlignUp(long bytes) => (bytes + BlockBytes - 1) / BlockBytes * BlockBytes;

    private static long AlignDown(long bytes) => bytes / BlockBytes * BlockBytes;
}
