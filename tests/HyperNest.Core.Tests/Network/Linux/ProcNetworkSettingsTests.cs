using HyperNest.Network.Linux;

namespace HyperNest.Core.Tests.Network.Linux;

/// <summary>Against a directory laid out as /proc/sys/net is; the real files are covered by the integration tests.</summary>
public sealed class ProcNetworkSettingsTests : IDisposable
{
    private readonly ScratchDirectory _proc = new();

    public void Dispose() => _proc.Dispose();

    [Fact]
    public void Ipv4Forwarding_ReadsAndWritesTheFile()
    {
        var file = _proc.File("ipv4/ip_forward", "0\n");
        var settings = new ProcNetworkSettings(_proc.Path);

        Assert.False(settings.Ipv4Forwarding);
        settings.Ipv4Forwarding = true;

        Assert.Equal("1\n", File.ReadAllText(file));
        Assert.True(settings.Ipv4Forwarding);
    }

    [Fact]
    public void DisableIpv6_ExistingLink_WritesOne()
    {
        var file = _proc.File("ipv6/conf/br0/disable_ipv6", "0\n");

        new ProcNetworkSettings(_proc.Path).DisableIpv6("br0");

        Assert.Equal("1\n", File.ReadAllText(file));
    }

    [Fact]
    public void DisableIpv6_KernelWithoutIpv6_DoesNothing()
    {
        new ProcNetworkSettings(_proc.Path).DisableIpv6("br0");

        Assert.False(Directory.Exists(Path.Combine(_proc.Path, "ipv6")));
    }

    [Fact]
    public void DisableIpv6_NameThatClimbsOut_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new ProcNetworkSettings(_proc.Path).DisableIpv6("../all"));
    }

    [Fact]
    public void Ipv4Forwarding_MissingFile_ThrowsBackendException()
    {
        Assert.Throws<HyperNest.Hosting.NetworkBackendException>(() => new ProcNetworkSettings(_proc.Path).Ipv4Forwarding = true);
    }
}
