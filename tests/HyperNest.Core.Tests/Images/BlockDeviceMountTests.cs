using HyperNest.Images;

namespace HyperNest.Tests.Images;

public sealed class BlockDeviceMountTests
{
    private const string GuestMounts = """
        /dev/vda / ext4 rw,relatime 0 0
        proc /proc proc rw,relatime 0 0
        /dev/vdb /usr/local/lib/hypernest ext4 ro,relatime 0 0
        tmpfs /tmp tmpfs rw,relatime,mode=1777 0 0
        /dev/vdc /srv/with\040space ext4 ro,relatime 0 0
        """;

    [Fact]
    public void FindReadOnlySource_GuestIntegrationMount_IsItsDevice() =>
        Assert.Equal("/dev/vdb", BlockDeviceMount.FindReadOnlySource("/usr/local/lib/hypernest/", GuestMounts));

    [Fact]
    public void FindReadOnlySource_WritableBlockDevice_IsNull() =>
        Assert.Null(BlockDeviceMount.FindReadOnlySource("/", GuestMounts));

    [Fact]
    public void FindReadOnlySource_FolderIsNoMountPoint_IsNull() =>
        Assert.Null(BlockDeviceMount.FindReadOnlySource("/usr/local/lib", GuestMounts));

    [Fact]
    public void FindReadOnlySource_MountPointWithEscapedSpace_IsFound() =>
        Assert.Equal("/dev/vdc", BlockDeviceMount.FindReadOnlySource("/srv/with space", GuestMounts));

    [Fact]
    public void FindReadOnlySource_ReadOnlyButNoBlockDevice_IsNull() =>
        Assert.Null(BlockDeviceMount.FindReadOnlySource("/usr/local/lib/hypernest", "overlay /usr/local/lib/hypernest overlay ro,relatime 0 0\n"));

    [Fact]
    public void FindReadOnlySource_WritableMountOverTheDisk_IsNull() =>
        Assert.Null(BlockDeviceMount.FindReadOnlySource(
            "/usr/local/lib/hypernest", GuestMounts + "\ntmpfs /usr/local/lib/hypernest tmpfs rw,relatime 0 0\n"));
}
