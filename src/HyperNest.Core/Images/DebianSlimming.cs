namespace HyperNest.Images;

/// <summary>dpkg path-exclude globs that keep a Debian guest small (dpkg's fnmatch lets * cross '/').</summary>
public static class DebianSlimming
{
    /// <summary>
    /// Documentation, and kernel modules for hardware a QEMU guest never has (~250 MB of the
    /// ~400 MB linux-image-amd64). depmod runs after unpacking, so modules.dep lists only what stays.
    /// </summary>
    public static readonly IReadOnlyList<string> ExcludedPaths =
    [
        "/usr/share/man/*",
        "/usr/share/doc/*",
        "/usr/share/locale/*",
        "/usr/share/info/*",
        "/lib/modules/*/kernel/drivers/gpu/*",
        "/lib/modules/*/kernel/drivers/media/*",
        "/lib/modules/*/kernel/drivers/net/wireless/*",
        "/lib/modules/*/kernel/drivers/net/ethernet/*",
        "/lib/modules/*/kernel/drivers/infiniband/*",
        "/lib/modules/*/kernel/drivers/iio/*",
        "/lib/modules/*/kernel/drivers/staging/*",
        "/lib/modules/*/kernel/drivers/bluetooth/*",
        "/lib/modules/*/kernel/sound/*",
    ];
}
