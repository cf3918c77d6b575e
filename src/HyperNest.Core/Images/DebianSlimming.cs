namespace HyperNest.Images;

/// <summary>dpkg path-exclude globs that keep a Debian guest small (dpkg's fnmatch lets * cross '/').</summary>
public static class DebianSlimming
{
    /// <summary>
    /// Documentation, and kernel modules for hardware a QEMU guest never has (~250 MB of the
    /// ~400 MB linux-image-amd64), file systems and protocols it never mounts or speaks (~45 MB
    /// more; the host image carries tiny inside, so it pays twice). depmod runs after unpacking, so
    /// modules.dep lists only what stays. Kept: drivers/scsi (virtio_scsi, sd_mod), usb, hid, ext4, netfilter, bridge.
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
        "/lib/modules/*/kernel/drivers/comedi/*",
        "/lib/modules/*/kernel/drivers/isdn/*",
        "/lib/modules/*/kernel/drivers/mtd/*",
        "/lib/modules/*/kernel/drivers/hwmon/*",
        "/lib/modules/*/kernel/drivers/target/*",
        "/lib/modules/*/kernel/drivers/mmc/*",
        "/lib/modules/*/kernel/fs/xfs/*",
        "/lib/modules/*/kernel/fs/btrfs/*",
        "/lib/modules/*/kernel/fs/ocfs2/*",
        "/lib/modules/*/kernel/fs/gfs2/*",
        "/lib/modules/*/kernel/fs/f2fs/*",
        "/lib/modules/*/kernel/fs/ceph/*",
        "/lib/modules/*/kernel/fs/afs/*",
        "/lib/modules/*/kernel/fs/nfs/*",
        "/lib/modules/*/kernel/fs/nfsd/*",
        "/lib/modules/*/kernel/fs/smb/*",
        "/lib/modules/*/kernel/net/bluetooth/*",
        "/lib/modules/*/kernel/net/mac80211/*",
        "/lib/modules/*/kernel/net/wireless/*",
        "/lib/modules/*/kernel/net/ceph/*",
        "/lib/modules/*/kernel/net/sctp/*",
        "/lib/modules/*/kernel/net/tipc/*",
    ];

    /// <summary>
    /// OVMF builds a HyperNest host never starts: generation 2 uses OVMF_CODE_4M.fd and
    /// OVMF_VARS_4M.fd (no Secure Boot, so no SMM); the 2 MB, Secure Boot and MS-keys variants go.
    /// </summary>
    public static readonly IReadOnlyList<string> UnusedFirmware =
    [
        "/usr/share/OVMF/*secboot*",
        "/usr/share/OVMF/*snakeoil*",
        "/usr/share/OVMF/*.ms.fd",
        "/usr/share/OVMF/OVMF_CODE.fd",
        "/usr/share/OVMF/OVMF_VARS.fd",
    ];
}
