using System.IO.Enumeration;
using HyperNest.Images;
using HyperNest.Qemu;

namespace HyperNest.Tests.Images;

public sealed class DebianSlimmingTests
{
    /// <summary>Files an L1 host and its guests cannot do without (module paths as in Debian 12's linux-image-amd64).</summary>
    public static readonly TheoryData<string> NeededFiles =
    [
        QemuFirmware.OvmfCode,
        QemuFirmware.OvmfVarsTemplate,
        "/usr/share/seabios/bios-256k.bin",
        "/usr/bin/qemu-system-x86_64",
        "/lib/modules/6.1.0-56-amd64/kernel/arch/x86/kvm/kvm-amd.ko",
        "/lib/modules/6.1.0-56-amd64/kernel/arch/x86/kvm/kvm-intel.ko",
        "/lib/modules/6.1.0-56-amd64/kernel/drivers/crypto/ccp/ccp.ko",
        "/lib/modules/6.1.0-56-amd64/kernel/drivers/net/tun.ko",
        "/lib/modules/6.1.0-56-amd64/kernel/drivers/net/veth.ko",
        "/lib/modules/6.1.0-56-amd64/kernel/drivers/net/virtio_net.ko",
        "/lib/modules/6.1.0-56-amd64/kernel/drivers/scsi/virtio_scsi.ko",
        "/lib/modules/6.1.0-56-amd64/kernel/net/bridge/bridge.ko",
        "/lib/modules/6.1.0-56-amd64/kernel/net/bridge/br_netfilter.ko",
        "/lib/modules/6.1.0-56-amd64/kernel/net/netfilter/nf_tables.ko",
        "/lib/modules/6.1.0-56-amd64/kernel/net/netfilter/nft_masq.ko",
        "/lib/modules/6.1.0-56-amd64/kernel/fs/ext4/ext4.ko",
    ];

    /// <summary>dpkg matches path-exclude with fnmatch(3) without FNM_PATHNAME: '*' also crosses '/'.</summary>
    [Theory]
    [MemberData(nameof(NeededFiles))]
    public void HostImageKeeps(string guestPath)
    {
        var host = HostImage.CreateRecipe();
        Assert.DoesNotContain(host.ExcludedPaths, glob => FileSystemName.MatchesSimpleExpression(glob, guestPath, ignoreCase: false));
    }

    [Theory]
    [InlineData("/usr/share/OVMF/OVMF_CODE_4M.secboot.fd")]
    [InlineData("/usr/share/OVMF/OVMF_VARS_4M.ms.fd")]
    [InlineData("/lib/modules/6.1.0-56-amd64/kernel/fs/btrfs/btrfs.ko")]
    public void HostImageDrops(string guestPath)
    {
        var host = HostImage.CreateRecipe();
        Assert.Contains(host.ExcludedPaths, glob => FileSystemName.MatchesSimpleExpression(glob, guestPath, ignoreCase: false));
    }
}
