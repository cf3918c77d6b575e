using HyperNest.Hosting;
using HyperNest.Images;

namespace HyperNest.Tests.Images;

public sealed class ModuleDependenciesTests
{
    // Excerpt of Debian 12's modules.dep (6.1.0-amd64): dependencies are not listed in load order.
    private const string ModulesDep = """
        kernel/drivers/virtio/virtio.ko: kernel/drivers/virtio/virtio_ring.ko
        kernel/drivers/virtio/virtio_ring.ko:
        kernel/drivers/virtio/virtio_pci_modern_dev.ko:
        kernel/drivers/virtio/virtio_pci_legacy_dev.ko:
        kernel/drivers/virtio/virtio_pci.ko: kernel/drivers/virtio/virtio_pci_legacy_dev.ko kernel/drivers/virtio/virtio_pci_modern_dev.ko kernel/drivers/virtio/virtio.ko kernel/drivers/virtio/virtio_ring.ko
        kernel/drivers/block/virtio_blk.ko: kernel/drivers/virtio/virtio.ko kernel/drivers/virtio/virtio_ring.ko
        kernel/fs/ext4/ext4.ko: kernel/lib/crc16.ko kernel/fs/mbcache.ko kernel/fs/jbd2/jbd2.ko
        kernel/lib/crc16.ko:
        kernel/fs/mbcache.ko:
        kernel/fs/jbd2/jbd2.ko:
        kernel/arch/x86/crypto/crc32c-intel.ko:
        """;

    [Fact]
    public void EveryModuleComesAfterItsDependenciesAndOnlyOnce()
    {
        var order = new ModuleDependencies(ModulesDep).ResolveLoadOrder(["virtio_pci", "virtio_blk", "ext4"]);
        int At(string file) => order.ToList().FindIndex(p => p.EndsWith("/" + file, StringComparison.Ordinal));

        Assert.Equal(order.Count, order.Distinct().Count());
        Assert.Equal(10, order.Count);
        Assert.True(At("virtio_ring.ko") < At("virtio.ko"));
        Assert.True(At("virtio.ko") < At("virtio_pci.ko"));
        Assert.True(At("virtio_pci_modern_dev.ko") < At("virtio_pci.ko"));
        Assert.True(At("virtio.ko") < At("virtio_blk.ko"));
        Assert.True(At("jbd2.ko") < At("ext4.ko"));
        Assert.True(At("crc16.ko") < At("ext4.ko"));
    }

    [Fact]
    public void NamesMatchWithDashesOrUnderscoresAndCompressedSuffixes()
    {
        Assert.Equal("crc32c_intel", ModuleDependencies.NameOf("kernel/arch/x86/crypto/crc32c-intel.ko.xz"));
        Assert.Equal(["kernel/arch/x86/crypto/crc32c-intel.ko"], new ModuleDependencies(ModulesDep).ResolveLoadOrder(["crc32c_intel"]));
    }

    [Fact]
    public void UnknownModuleIsObjectNotFound()
    {
        var error = Assert.Throws<HostException>(() => new ModuleDependencies(ModulesDep).ResolveLoadOrder(["no_such_module"]));
        Assert.Equal(ErrorCategory.ObjectNotFound, error.Category);
    }
}
