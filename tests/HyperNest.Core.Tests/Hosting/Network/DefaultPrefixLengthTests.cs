using HyperNest.Hosting;

namespace HyperNest.Core.Tests.Hosting.Network;

/// <summary>New-NetIPAddress without -PrefixLength takes Windows' default: the IPv4 address's class, /64 for IPv6.</summary>
public sealed class DefaultPrefixLengthTests : IDisposable
{
    private readonly NetworkHostFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Theory]
    [InlineData("10.0.0.2", "IPv4", 8)]
    [InlineData("172.16.5.1", "IPv4", 16)]
    [InlineData("192.168.100.1", "IPv4", 24)]
    [InlineData("fd00::2", "IPv6", 64)]
    public void NewNetIpAddress_WithoutPrefixLength_UsesWindowsDefault(string ip, string family, int expected)
    {
        var added = Assert.Single(_f.Host.NewNetIpAddress(new NewNetIpAddressRequest { Interface = NetInterfaceSelector.ByAlias("Ethernet"), IPAddress = ip, AddressFamily = family }));

        Assert.Equal(expected, added.PrefixLength);
        Assert.Contains(_f.Network.Addresses, a => a.LinkName == "eth0" && a.Address.ToString() == ip && a.PrefixLength == expected);
    }

    [Fact]
    public void NewNetIpAddress_WithoutPrefixLength_GatewayIsCheckedAgainstTheDefault()
    {
        // 192.168.100.0/24 by class: a gateway on 192.168.1.x is off-link.
        var error = Assert.Throws<HostException>(() => _f.Host.NewNetIpAddress(new NewNetIpAddressRequest
        {
            Interface = NetInterfaceSelector.ByAlias("Ethernet"),
            IPAddress = "192.168.100.2",
            DefaultGateway = "192.168.1.1",
        }));

        Assert.Contains("not on the network 192.168.100.2/24", error.Message, StringComparison.Ordinal);
    }
}
