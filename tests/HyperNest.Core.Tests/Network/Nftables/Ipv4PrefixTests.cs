using System.Net;
using HyperNest.Network.Nftables;

namespace HyperNest.Core.Tests.Network.Nftables;

public sealed class Ipv4PrefixTests
{
    [Theory]
    [InlineData("192.168.100.0/24", "192.168.100.0", true)]
    [InlineData("192.168.100.0/24", "192.168.100.255", true)]
    [InlineData("192.168.100.0/24", "192.168.101.1", false)]
    [InlineData("10.0.0.0/8", "10.200.3.4", true)]
    [InlineData("0.0.0.0/0", "8.8.8.8", true)]
    [InlineData("192.168.100.0/24", "::ffff:192.168.100.1", false)]
    public void Contains(string prefix, string address, bool expected) =>
        Assert.Equal(expected, Ipv4Prefix.Parse(prefix).Contains(IPAddress.Parse(address)));

    [Theory]
    [InlineData("192.168.100.0/24", "192.168.0.0/16", true)]
    [InlineData("192.168.100.128/25", "192.168.100.0/24", true)]
    [InlineData("192.168.100.0/25", "192.168.100.128/25", false)]
    [InlineData("10.0.0.0/8", "192.168.100.0/24", false)]
    public void Overlaps_IsSymmetric(string a, string b, bool expected)
    {
        Assert.Equal(expected, Ipv4Prefix.Parse(a).Overlaps(Ipv4Prefix.Parse(b)));
        Assert.Equal(expected, Ipv4Prefix.Parse(b).Overlaps(Ipv4Prefix.Parse(a)));
    }
}
