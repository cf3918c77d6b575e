using System.Net;
using HyperNest.Hosting;
using HyperNest.Network.Linux;

namespace HyperNest.Core.Tests.Network.Linux;

public sealed class IpJsonParserTests
{
    [Fact]
    public void ParseLinks_CapturedOutput_OrdersByIndex()
    {
        var links = IpJsonParser.ParseLinks(IpSamples.Links);

        Assert.Equal([1, 2, 3, 4, 5], links.Select(l => l.Index));
        Assert.Equal(["lo", "eth0", "tva", "tbr", "ttap"], links.Select(l => l.Name));
    }

    [Fact]
    public void ParseLinks_Kinds_FromInfoKindOrLinkType()
    {
        var kinds = IpJsonParser.ParseLinks(IpSamples.Links).ToDictionary(l => l.Name, l => l.Kind);

        Assert.Equal("loopback", kinds["lo"]);
        Assert.Equal("", kinds["eth0"]);
        Assert.Equal("veth", kinds["tva"]);
        Assert.Equal("bridge", kinds["tbr"]);
        Assert.Equal("tun", kinds["ttap"]);
    }

    [Fact]
    public void ParseLinks_Bridge_HasAliasAndIsDown()
    {
        var bridge = IpJsonParser.ParseLinks(IpSamples.Links).Single(l => l.Name == "tbr");

        Assert.Equal(new LinkInfo(4, "tbr", "bridge", "46:50:06:00:f6:59", "DOWN", false, null, "vEthernet (Lab)", 1500, null, null), bridge);
    }

    [Fact]
    public void ParseLinks_Tap_HasMaster()
    {
        var tap = IpJsonParser.ParseLinks(IpSamples.Links).Single(l => l.Name == "ttap");

        Assert.Equal("tbr", tap.Master);
        Assert.Null(tap.Alias);
    }

    [Fact]
    public void ParseLinks_Nic_IsAdminUpWithMtuAndMac()
    {
        var nic = IpJsonParser.ParseLinks(IpSamples.Links).Single(l => l.Name == "eth0");

        Assert.True(nic.AdminUp);
        Assert.Equal("UP", nic.OperState);
        Assert.Equal(1400, nic.Mtu);
        Assert.Equal("02:fc:00:00:00:01", nic.MacAddress);
        Assert.Null(nic.Master);
    }

    [Fact]
    public void ParseLinks_AddressThatIsNotAMac_IsNull()
    {
        // An ipip tunnel reports its local IPv4 address in "address".
        var links = IpJsonParser.ParseLinks("""[{"ifindex":7,"ifname":"tunl0","flags":["NOARP"],"mtu":1480,"operstate":"DOWN","link_type":"ipip","address":"0.0.0.0","linkinfo":{"info_kind":"ipip"}}]""");

        Assert.Null(Assert.Single(links).MacAddress);
        Assert.Equal("ipip", links[0].Kind);
    }

    [Fact]
    public void ParseAddresses_CapturedOutput_ReadsEveryAddress()
    {
        var addresses = IpJsonParser.ParseAddresses(IpSamples.Addresses);

        Assert.Equal(
            [
                new AddressInfo(1, "lo", IPAddress.Parse("127.0.0.1"), 8, false, "host"),
                new AddressInfo(3, "tva", IPAddress.Parse("192.168.7.20"), 24, true, "global"),
                new AddressInfo(3, "tva", IPAddress.Parse("fd00::1"), 64, false, "global"),
                new AddressInfo(3, "tva", IPAddress.Parse("fe80::886e:79ff:fe59:5938"), 64, false, "link"),
            ],
            addresses);
    }

    [Theory]
    [InlineData(""","valid_life_time":4294967295""", false)]
    [InlineData(",\"valid_life_time\":\"forever\"", false)]
    [InlineData(""","valid_life_time":86400""", true)]
    [InlineData(""","valid_life_time":4294967295,"dynamic":true""", true)]
    [InlineData("", false)]
    public void ParseAddresses_Lifetime_DecidesDynamic(string lifetimeFields, bool dynamic)
    {
        var json = $$"""[{"ifindex":2,"ifname":"eth0","addr_info":[{"family":"inet","local":"10.0.0.2","prefixlen":24,"scope":"global"{{lifetimeFields}}}]}]""";

        Assert.Equal(dynamic, Assert.Single(IpJsonParser.ParseAddresses(json)).Dynamic);
    }

    [Fact]
    public void ParseDefaultRoutes_Ipv4_GatewayDeviceMetric()
    {
        var route = Assert.Single(IpJsonParser.ParseDefaultRoutes(IpSamples.Ipv4DefaultRoutes));

        Assert.Equal(new RouteInfo("tva", IPAddress.Parse("192.168.7.1"), 100), route);
    }

    [Fact]
    public void ParseDefaultRoutes_Ipv6_SkipsUnreachableDefault()
    {
        var route = Assert.Single(IpJsonParser.ParseDefaultRoutes(IpSamples.Ipv6DefaultRoutes));

        Assert.Equal(new RouteInfo("tva", IPAddress.Parse("fd00::fe"), 1024), route);
    }

    [Fact]
    public void ParseDefaultRoutes_Multipath_OneEntryPerNextHop()
    {
        var routes = IpJsonParser.ParseDefaultRoutes(IpSamples.MultipathDefaultRoutes);

        Assert.Equal([new RouteInfo("tva", IPAddress.Parse("192.168.7.1"), 0), new RouteInfo("tvb", IPAddress.Parse("192.168.7.2"), 0)], routes);
    }

    [Fact]
    public void ParseDefaultRoutes_DeviceOnlyRoute_HasNoGateway()
    {
        var route = Assert.Single(IpJsonParser.ParseDefaultRoutes("""[{"dst":"default","dev":"wg0","scope":"link","flags":[]}]"""));

        Assert.Null(route.Gateway);
        Assert.Equal("wg0", route.LinkName);
    }

    [Fact]
    public void ParseDefaultRoutes_NonDefaultDestination_IsSkipped()
    {
        Assert.Empty(IpJsonParser.ParseDefaultRoutes("""[{"dst":"10.0.0.0/8","gateway":"192.168.7.1","dev":"tva","flags":[]}]"""));
    }

    [Fact]
    public void Parse_EmptyOutput_IsEmpty()
    {
        Assert.Empty(IpJsonParser.ParseDefaultRoutes(""));
        Assert.Empty(IpJsonParser.ParseDefaultRoutes("[]\n"));
    }

    [Fact]
    public void Parse_NotJson_ThrowsBackendException()
    {
        var error = Assert.Throws<NetworkBackendException>(() => IpJsonParser.ParseLinks("1: lo: <LOOPBACK,UP> mtu 65536"));

        Assert.Contains("ip -j -d link show", error.Message);
    }
}
