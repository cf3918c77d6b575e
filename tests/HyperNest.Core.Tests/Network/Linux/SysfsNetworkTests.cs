using HyperNest.Hosting;
using HyperNest.Network.Linux;

namespace HyperNest.Core.Tests.Network.Linux;

/// <summary>Against a directory laid out as /sys/class/net is (files with a trailing newline, driver as a relative symlink).</summary>
public sealed class SysfsNetworkTests : IDisposable
{
    private readonly ScratchDirectory _sys = new();

    public void Dispose() => _sys.Dispose();

    [Fact]
    public void Complete_MatchingEntry_ReadsSpeedAndDriver()
    {
        Nic("eth0", ifindex: 2, mac: "02:fc:00:00:00:01", speed: "1000\n");

        var link = new SysfsNetwork(_sys.Path).Complete(Link("eth0", 2, "02:fc:00:00:00:01"));

        Assert.Equal(1000, link.SpeedMbps);
        Assert.Equal("virtio_net", link.Driver);
    }

    [Fact]
    public void Complete_UnknownSpeed_IsNull()
    {
        Nic("eth0", ifindex: 2, mac: "02:fc:00:00:00:01", speed: "-1\n");

        var link = new SysfsNetwork(_sys.Path).Complete(Link("eth0", 2, "02:fc:00:00:00:01"));

        Assert.Null(link.SpeedMbps);
        Assert.Equal("virtio_net", link.Driver);
    }

    [Fact]
    public void Complete_OtherNamespacesLink_IsNotTrusted()
    {
        // After unshare --net, /sys/class/net still lists the host's eth0 (ifindex 4): a namespace's own
        // eth0 with ifindex 2 must not be given the host NIC's speed and driver.
        Nic("eth0", ifindex: 4, mac: "02:fc:00:00:00:01", speed: "1000\n");

        var link = new SysfsNetwork(_sys.Path).Complete(Link("eth0", 2, "02:fc:00:00:00:01"));

        Assert.Null(link.SpeedMbps);
        Assert.Null(link.Driver);
    }

    [Fact]
    public void Complete_SameIndexOtherMac_IsNotTrusted()
    {
        Nic("eth0", ifindex: 2, mac: "02:fc:00:00:00:01", speed: "1000\n");

        var link = new SysfsNetwork(_sys.Path).Complete(Link("eth0", 2, "02:aa:00:00:00:09"));

        Assert.Null(link.SpeedMbps);
    }

    [Fact]
    public void Complete_VirtualLinkWithoutDevice_HasNoDriver()
    {
        _sys.File("br0/ifindex", "7\n");
        _sys.File("br0/address", "46:50:06:00:f6:59\n");

        var link = new SysfsNetwork(_sys.Path).Complete(Link("br0", 7, "46:50:06:00:f6:59"));

        Assert.Null(link.Driver);
        Assert.Null(link.SpeedMbps);
    }

    [Fact]
    public void Complete_MissingEntry_LeavesLinkAsIs()
    {
        var original = Link("tap0", 9, "02:15:5d:00:00:01");

        Assert.Same(original, new SysfsNetwork(_sys.Path).Complete(original));
    }

    private void Nic(string name, int ifindex, string mac, string speed)
    {
        _sys.File($"{name}/ifindex", $"{ifindex}\n");
        _sys.File($"{name}/address", mac + "\n");
        _sys.File($"{name}/speed", speed);
        var driver = Directory.CreateDirectory(Path.Combine(_sys.Path, "bus/virtio/drivers/virtio_net")).FullName;
        Directory.CreateDirectory(Path.Combine(_sys.Path, name, "device"));
        File.CreateSymbolicLink(Path.Combine(_sys.Path, name, "device", "driver"), Path.GetRelativePath(Path.Combine(_sys.Path, name, "device"), driver));
    }

    private static LinkInfo Link(string name, int index, string mac) =>
        new(index, name, "", mac, "UP", true, null, null, 1500, null, null);
}
