using HyperNest.Platform;

namespace HyperNest.Core.Tests.Platform;

public sealed class CgroupV1Tests
{
    private const string OwnCgroups = """
        9:name=systemd:/
        4:memory:/process_api/8f64
        3:cpu,cpuacct:/jobs/a b
        0::/
        """;

    [Fact]
    public void Directory_HierarchyMountedWhole_IsMountPointPlusPath()
    {
        const string mounts = "34 31 0:31 / /sys/fs/cgroup/memory rw,relatime shared:12 - cgroup cgroup rw,memory\n";

        Assert.Equal("/sys/fs/cgroup/memory/process_api/8f64", CgroupV1.Directory("memory", OwnCgroups, mounts));
    }

    [Fact]
    public void Directory_JoinedControllersAndEscapedSpaces_AreFound()
    {
        const string mounts = "33 31 0:30 / /sys/fs/cgroup/cpu,cpuacct rw,relatime - cgroup cgroup rw,cpu,cpuacct\n";

        Assert.Equal("/sys/fs/cgroup/cpu,cpuacct/jobs/a b", CgroupV1.Directory("cpuacct", OwnCgroups, mounts));
    }

    [Fact]
    public void Directory_ContainerSeeingOnlyItsSubtree_IsRelativeToTheMountsRoot()
    {
        const string mounts = "40 31 0:31 /process_api /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory\n";

        Assert.Equal("/sys/fs/cgroup/memory/8f64", CgroupV1.Directory("memory", OwnCgroups, mounts));
    }

    [Fact]
    public void Directory_MountPointWithAnOctalEscape_IsUnescaped()
    {
        const string mounts = "34 31 0:31 / /mnt/cg\\040mem rw - cgroup cgroup rw,memory\n";

        Assert.Equal("/mnt/cg mem/process_api/8f64", CgroupV1.Directory("memory", OwnCgroups, mounts));
    }

    [Theory]
    [InlineData("pids")] // not in /proc/self/cgroup
    [InlineData("memory")] // in /proc/self/cgroup, but only a cgroup2 mount below
    public void Directory_ControllerWithoutAV1Mount_IsNull(string controller)
    {
        const string mounts = "30 23 0:26 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw,nsdelegate\n";

        Assert.Null(CgroupV1.Directory(controller, OwnCgroups, mounts));
    }
}
