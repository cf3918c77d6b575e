namespace HyperNest.Images;

/// <summary>
/// "tiny": Debian 12 kernel + busybox init + qemu-guest-agent. Reaches guest-ping in seconds under TCG.
/// HyperNest comes from the integration disk, mounted at boot. Guest contract (<see cref="GuestContract"/>):
/// direct kernel boot with <see cref="KernelCommandLine"/>; root disk on virtio-blk
/// (/dev/vda); console on ttyS0; agent on the virtio-serial port org.qemu.guest_agent.0.
/// </summary>
public static class TinyImage
{
    public const string Name = "tiny";

    /// <summary>
    /// root= and rootfstype= are read by the initramfs /init; rw because later steps write files in the guest.
    /// Memory the host plugs at run time (virtio-mem, runtime resize and Dynamic Memory) is onlined by the
    /// kernel itself (the guest has no udev), into ZONE_MOVABLE so that it can be unplugged again: onlined
    /// as Normal, a 2 MiB sub-block pinned by the kernel kept a shrink from ever finishing (measured).
    /// swiotlb=4096 (slabs of 2 KiB: 8 MiB): with memory hotplug (maxmem) the kernel would set aside 64 MiB of
    /// bounce buffers, a quarter of a small guest's boot memory. Some are needed: plugged memory lies above 4 GiB,
    /// where a 32-bit DMA device (the IDE controller of a DVD drive) cannot reach; with none (swiotlb=noforce)
    /// reading a DVD failed with ATA DMA errors (seen).
    /// </summary>
    public const string KernelCommandLine = "console=ttyS0 root=/dev/vda rootfstype=ext4 rw memhp_default_state=online_movable swiotlb=4096";

    /// <summary>
    /// Loaded by the initramfs, dependencies resolved from modules.dep. Debian 12 builds all of these
    /// as modules. crc32c_generic: ext4/jbd2 need crc32c and the crc32c-intel variant needs SSE4.2,
    /// which TCG's qemu64 CPU lacks. virtio_console carries the agent; virtio_net is for the NIC.
    /// </summary>
    public static readonly IReadOnlyList<string> InitramfsModules =
    [
        "virtio_pci", "virtio_blk", "crc32c_generic", "ext4", "virtio_console", "virtio_net",
        // In the initramfs, so memory plugged at start is there before init runs.
        "virtio_mem", "virtio_balloon",
    ];

    /// <summary>
    /// What the self-contained HyperNest on the integration disk needs from the guest besides libc: the
    /// .NET runtime's C++ and zlib libraries, and OpenSSL, through which .NET does hashing and TLS on Linux
    /// (Get-FileHash, https). No libicu: HyperNest runs with InvariantGlobalization. libgcc-s1 and zlib1g
    /// are essential already and iperf3 pulls in libssl3; listed so the contract does not rest on that.
    /// </summary>
    public static readonly IReadOnlyList<string> DotNetRuntimePackages = ["libstdc++6", "libgcc-s1", "zlib1g", "libssl3"];

    /// <summary>
    /// iproute2: the network backend runs "ip -j" and busybox's ip has no JSON output, so a guest
    /// that is (or is inspected like) a HyperNest host needs the real one. iperf3: throughput
    /// benchmarks between the machine and guests, and between nested guests.
    /// </summary>
    public static readonly IReadOnlyList<string> NetworkPackages = ["iproute2", "iperf3"];

    /// <summary>
    /// Debian packages and text only: HyperNest itself comes on the integration disk, so a new HyperNest
    /// build never changes this recipe's hash.
    /// </summary>
    public static ImageRecipe CreateRecipe() => new()
    {
        Name = Name,
        Description = "Debian 12 kernel, busybox init and the QEMU guest agent; boots in seconds under TCG.",
        Packages = ["busybox-static", "qemu-guest-agent", .. DotNetRuntimePackages, .. NetworkPackages],
        KernelPackage = "linux-image-amd64",
        InitramfsModules = InitramfsModules,
        InitramfsInit = InitramfsScripts.Init,
        KernelCommandLine = KernelCommandLine,
        ExcludedPaths = DebianSlimming.ExcludedPaths,
        GuestFiles =
        [
            new("/etc/inittab", TinyGuestScripts.Inittab, Regular),
            new("/etc/hostname", "tiny\n", Regular),
            new("/etc/hypernest/rc.sysinit", TinyGuestScripts.SystemInit, Executable),
            new("/etc/hypernest/virtio-port-links", TinyGuestScripts.VirtioPortLinks, Executable),
            new("/etc/hypernest/mount-integration-disk", TinyGuestScripts.MountIntegrationDisk, Executable),
            new("/etc/hypernest/guest-agent", TinyGuestScripts.GuestAgent, Executable),
            new("/etc/hypernest/powershell-direct", TinyGuestScripts.PowerShellDirect, Executable),
            new("/etc/hypernest/rc.shutdown", TinyGuestScripts.SystemShutdown, Executable),
            new("/etc/acpi/PWRF/00000080", TinyGuestScripts.PowerButtonAction, Executable),
            new("/sbin/shutdown", TinyGuestScripts.ShutdownCommand, Executable),
        ],
        GuestLinks =
        [
            new("/sbin/init", "/bin/busybox"),
            new("/sbin/poweroff", "/bin/busybox"),
            new("/sbin/halt", "/bin/busybox"),
            new("/sbin/reboot", "/bin/busybox"),
            new(GuestContract.HyperNestCommand, GuestContract.IntegrationMountPoint + "/hypernest"),
        ],
        VersionSalt = "tiny-5",
    };

    internal const UnixFileMode Regular =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    internal const UnixFileMode Executable = Regular | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
}
