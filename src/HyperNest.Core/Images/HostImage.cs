namespace HyperNest.Images;

/// <summary>
/// "host": a guest that is itself a HyperNest host (Hyper-V installed in L1). The tiny guest's boot
/// (busybox init, lean initramfs, agent, HyperNest from the integration disk) plus QEMU, qemu-img,
/// iproute2 and nftables, the hypervisor and network modules, and the tiny image prebuilt in its image
/// cache so L2 guests start without a build. L2 guests get L1's integration disk device as theirs.
/// </summary>
public static class HostImage
{
    public const string Name = "host";

    /// <summary>Room for L2 overlays, saved states and VHDs created inside the L1 host.</summary>
    public const long FreeSpaceBytes = 1536L * 1024 * 1024;

    /// <summary>
    /// qemu-system-x86's Recommends are not installed (mmdebstrap's essential variant), so the parts a
    /// host uses are named: qemu-utils (qemu-img for overlays), ovmf (generation 2). SeaBIOS and iPXE
    /// come as hard dependencies. The tiny image's network packages (iproute2, iperf3) come along.
    /// </summary>
    public static readonly IReadOnlyList<string> Packages =
    [
        "busybox-static", "qemu-guest-agent", .. TinyImage.DotNetRuntimePackages,
        "qemu-system-x86", "qemu-utils", "ovmf", .. TinyImage.NetworkPackages, "nftables",
    ];

    public static ImageRecipe CreateRecipe()
    {
        var tiny = TinyImage.CreateRecipe();
        return tiny with
        {
            Name = Name,
            Description = "HyperNest host for nested virtualization: QEMU, nftables and the tiny image prebuilt; HyperNest comes on the integration disk.",
            Packages = Packages,
            GuestFiles =
            [
                .. tiny.GuestFiles.Where(file => file.GuestPath is not "/etc/hostname" and not "/etc/hypernest/rc.sysinit"),
                new("/etc/hostname", "host\n", TinyImage.Regular),
                new("/etc/hypernest/rc.sysinit", HostGuestScripts.SystemInit, TinyImage.Executable),
                new("/etc/hypernest/rc.host", HostGuestScripts.HostInit, TinyImage.Executable),
            ],
            ExcludedPaths = [.. DebianSlimming.ExcludedPaths, .. DebianSlimming.UnusedFirmware],
            NestedImages = [tiny],
            FreeSpaceBytes = FreeSpaceBytes,
            VersionSalt = "host-3",
        };
    }
}
