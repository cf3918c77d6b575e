using System.Net;
using HyperNest.Hosting;

namespace HyperNest.Core.Tests.Hosting.Network;

/// <summary>Get-NetAdapter names, New-/Remove-NetIPAddress, NAT and DNS on this machine, as the documents use them.</summary>
public sealed class LocalNetworkRulesTests : IDisposable
{
    private readonly NetworkHostFixture _f = new();

    private VirtualizationHost Host => _f.Host;

    public void Dispose() => _f.Dispose();

    private static NewNetIpAddressRequest Address(string alias, string ip, int? prefix = 24, string? gateway = null, string? family = "IPv4") =>
        new() { Interface = NetInterfaceSelector.ByAlias(alias), IPAddress = ip, PrefixLength = prefix, DefaultGateway = gateway, AddressFamily = family };

    [Fact]
    public void NetAdapters_AreNamedTheWindowsWay_InIfIndexOrder()
    {
        _f.Network.AddNic("ens4");
        _f.Network.AddNic("veth-x", "veth");
        _f.Network.AddNic("wg0", "wireguard");
        _f.Internal("VmNAT");

        var names = Host.GetNetAdapters().Select(a => (a.Name, a.LinuxName)).ToList();

        Assert.Equal(
            [("Ethernet", "eth0"), ("Ethernet 2", "ens4"), ("Ethernet 3", "veth-x"), ("wg0", "wg0")],
            names.Where(n => !n.Name.StartsWith("vEthernet", StringComparison.Ordinal)));
        Assert.Contains(names, n => n.Name == "vEthernet (VmNAT)");
        Assert.DoesNotContain(names, n => n.LinuxName == "lo");
    }

    [Fact]
    public void SeedLine_AddressOnTheNatSwitchAdapter_IsAppliedAndKept()
    {
        var vmSwitch = _f.Internal("VmNAT");
        var index = Host.GetNetAdapters().Single(a => a.Name == "vEthernet (VmNAT)").ifIndex;

        // Get-NetAdapter "vEthernet (VmNat)" | New-NetIPAddress -IPAddress 192.168.100.1 -AddressFamily IPv4 -PrefixLength 24
        var added = Assert.Single(Host.NewNetIpAddress(new NewNetIpAddressRequest { Interface = NetInterfaceSelector.ByIndex(index), IPAddress = "192.168.100.1", AddressFamily = "IPv4", PrefixLength = 24 }));

        Assert.Equal("vEthernet (VmNAT)", added.InterfaceAlias);
        Assert.Contains(_f.Network.Addresses, a => a.LinkName == vmSwitch.BridgeName && a.Address.ToString() == "192.168.100.1" && a.PrefixLength == 24);
        Assert.Equal("Manual", Host.GetNetIpAddresses().Single(a => a.IPAddress == "192.168.100.1").PrefixOrigin);
    }

    [Fact]
    public void AdapterNames_MatchCaseInsensitively()
    {
        _f.Internal("VmNAT");

        Host.NewNetIpAddress(Address("vEthernet (VmNat)", "192.168.100.1"));

        Assert.Single(Host.GetNetIpAddresses(), a => a.InterfaceAlias == "vEthernet (VmNAT)");
    }

    [Fact]
    public void SeedLine_AddressWithGateway_AddsTheDefaultRoute()
    {
        Host.NewNetIpAddress(Address("Ethernet", "192.168.100.2", gateway: "192.168.100.1"));

        var route = Assert.Single(_f.Network.Routes);
        Assert.Equal("eth0", route.LinkName);
        Assert.Equal(IPAddress.Parse("192.168.100.1"), route.Gateway);
    }

    [Theory]
    [InlineData("240.0.0.2", null, null, "IPv4", "no default prefix length")]
    [InlineData("192.168.100.2", 33, null, "IPv4", "out of range")]
    [InlineData("192.168.100.2", 24, null, "IPv6", "does not match")]
    [InlineData("192.168.100.300", 24, null, "IPv4", "not an IPv4 or IPv6 address")]
    [InlineData("192.168.100.2", 24, "10.0.0.1", "IPv4", "not on the network")]
    [InlineData("192.168.100.2", 24, "192.168.100.2", "IPv4", "the address being added")]
    [InlineData("127.0.0.5", 8, null, "IPv4", "loopback")]
    public void BadAddress_IsRefusedWithReason_AndNothingChanges(string ip, int? prefix, string? gateway, string family, string reason)
    {
        var error = Assert.Throws<HostException>(() => Host.NewNetIpAddress(Address("Ethernet", ip, prefix, gateway, family)));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_f.Network.Addresses, a => a.LinkName == "eth0");
        Assert.Empty(_f.Network.Routes);
    }

    [Fact]
    public void DuplicateAddress_IsRefused()
    {
        Host.NewNetIpAddress(Address("Ethernet", "10.0.0.2"));

        var error = Assert.Throws<HostException>(() => Host.NewNetIpAddress(Address("Ethernet", "10.0.0.2")));

        Assert.Equal("AlreadyExists", error.ErrorId);
    }

    [Fact]
    public void SecondDefaultGatewayOfAFamily_IsRefused()
    {
        Host.NewNetIpAddress(Address("Ethernet", "10.0.0.2", gateway: "10.0.0.1"));
        _f.Network.AddNic("eth1");

        var error = Assert.Throws<HostException>(() => Host.NewNetIpAddress(Address("Ethernet 2", "10.1.0.2", gateway: "10.1.0.1")));

        Assert.Contains("DefaultGateway already exists", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_f.Network.Addresses, a => a.LinkName == "eth1");
    }

    [Fact]
    public void UnknownAdapter_IsRefusedNamingIt()
    {
        var error = Assert.Throws<HostException>(() => Host.NewNetIpAddress(Address("Ethernet 9", "10.0.0.2")));

        Assert.Contains("'Ethernet 9'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddressOnANicBoundToASwitch_IsRefusedPointingToTheHostAdapter()
    {
        Host.NewVmSwitch(new NewVmSwitchRequest { Name = "Ext", NetAdapterName = "Ethernet" });

        var error = Assert.Throws<HostException>(() => Host.NewNetIpAddress(Address("Ethernet", "10.0.0.2")));

        Assert.Contains("\"vEthernet (Ext)\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Remove_TakesTheAddressAndItsGatewayAway()
    {
        Host.NewNetIpAddress(Address("Ethernet", "10.0.0.2", gateway: "10.0.0.1"));

        Host.RemoveNetIpAddress(new NetInterfaceSelector(null, null), "10.0.0.2");

        Assert.Empty(_f.Network.Addresses);
        Assert.Empty(_f.Network.Routes);
        Assert.DoesNotContain(Host.GetNetIpAddresses(), a => a.IPAddress == "10.0.0.2");
        var missing = Assert.Throws<HostException>(() => Host.RemoveNetIpAddress(NetInterfaceSelector.ByAlias("Ethernet"), "10.0.0.2"));
        Assert.Contains("No MSFT_NetIPAddress", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SeedNat_MasqueradesThePrefixAndTurnsForwardingOn_RemoveAllPutsItBack()
    {
        var nat = Host.NewNetNat("LocalNAT", "192.168.100.0/24");

        Assert.Equal("192.168.100.0/24", nat.InternalIPInterfaceAddressPrefix);
        Assert.Contains("ip saddr 192.168.100.0/24 ip daddr != 192.168.100.0/24 masquerade", _f.Nat, StringComparison.Ordinal);
        Assert.True(_f.Network.Ipv4Forwarding);

        Host.RemoveNetNat("");

        Assert.Null(_f.Nat);
        Assert.False(_f.Network.Ipv4Forwarding);
        Assert.Empty(Host.GetNetNats());
    }

    [Fact]
    public void Nat_OnAHostThatForwardedAlready_LeavesForwardingOnWhenRemoved()
    {
        _f.Network.Ipv4Forwarding = true;
        Host.NewNetNat("LocalNAT", "192.168.100.0/24");

        Host.RemoveNetNat("LocalNAT");

        Assert.True(_f.Network.Ipv4Forwarding);
    }

    [Theory]
    [InlineData("192.168.100.1/24", "host bits")]
    [InlineData("192.168.100.0", "not an IPv4 prefix")]
    [InlineData("192.168.0.0/16", "overlaps 192.168.100.0/24")]
    [InlineData("192.168.100.128/25", "overlaps 192.168.100.0/24")]
    [InlineData("10.0.0.0/8", "this machine's address 10.0.0.2/24 on \"Ethernet\"")]
    public void Nat_BadOrOverlappingPrefix_IsRefused(string prefix, string reason)
    {
        Host.NewNetIpAddress(Address("Ethernet", "10.0.0.2"));
        Host.NewNetNat("LocalNAT", "192.168.100.0/24");

        var error = Assert.Throws<HostException>(() => Host.NewNetNat("Other", prefix));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Single(Host.GetNetNats());
    }

    [Fact]
    public void Nat_DuplicateName_IsRefused_AndAFailedApplyStoresNothing()
    {
        Host.NewNetNat("LocalNAT", "192.168.100.0/24");
        Assert.Throws<HostException>(() => Host.NewNetNat("localnat", "192.168.101.0/24"));

        _f.Network.FailOn = nameof(INetworkBackend.ApplyNftables);
        Assert.Throws<HostException>(() => Host.NewNetNat("Second", "192.168.102.0/24"));

        Assert.Equal("LocalNAT", Assert.Single(Host.GetNetNats()).Name);
        Assert.DoesNotContain("192.168.102.0", _f.Nat, StringComparison.Ordinal);
    }

    [Fact]
    public void AddressInsideANatPrefix_OnTheWayOut_IsRefused()
    {
        Host.NewNetNat("LocalNAT", "192.168.100.0/24");

        var error = Assert.Throws<HostException>(() => Host.NewNetIpAddress(Address("Ethernet", "192.168.100.7")));

        Assert.Contains("inside the internal prefix", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RemoveNat_Unknown_IsRefused()
    {
        var error = Assert.Throws<HostException>(() => Host.RemoveNetNat("Nope"));

        Assert.Contains("No MSFT_NetNat", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NetshAddDnsServer_WritesTheResolverInOrder()
    {
        var ethernet = NetInterfaceSelector.ByAlias("Ethernet");

        Host.AddDnsClientServerAddress(ethernet, "10.0.0.53", null);
        Host.AddDnsClientServerAddress(ethernet, "10.0.0.54", 1);

        Assert.Equal(["10.0.0.54", "10.0.0.53"], _f.Network.ResolverServers.Select(s => s.ToString()));
        Assert.Equal(["10.0.0.54", "10.0.0.53"], Host.GetDnsClientServerAddresses().Single(d => d.InterfaceAlias == "Ethernet" && d.AddressFamily == "IPv4").ServerAddresses);
        var duplicate = Assert.Throws<HostException>(() => Host.AddDnsClientServerAddress(ethernet, "10.0.0.53", null));
        Assert.Contains("already in the list", duplicate.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SetDnsServers_Replaces_AndAnEmptyListResets()
    {
        var ethernet = NetInterfaceSelector.ByAlias("Ethernet");
        Host.AddDnsClientServerAddress(ethernet, "10.0.0.53", null);

        Host.SetDnsClientServerAddresses(ethernet, ["1.1.1.1", "9.9.9.9"]);
        Assert.Equal(["1.1.1.1", "9.9.9.9"], _f.Network.ResolverServers.Select(s => s.ToString()));

        Host.SetDnsClientServerAddresses(ethernet, []);
        Assert.Empty(_f.Network.ResolverServers);

        var bad = Assert.Throws<HostException>(() => Host.SetDnsClientServerAddresses(ethernet, ["dns.example"]));
        Assert.Contains("not an IPv4 or IPv6 address", bad.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DnsServers_FromAnotherNamespaceSharingTheMachinesEtc_AreRefused_AndNothingChanges()
    {
        var ethernet = NetInterfaceSelector.ByAlias("Ethernet");
        Host.AddDnsClientServerAddress(ethernet, "10.0.0.53", null);
        _f.Network.InAnotherNamespaceWithTheMachinesEtc = true;

        var refused = Assert.Throws<HostException>(() => Host.AddDnsClientServerAddress(ethernet, "10.0.0.54", null));
        Assert.Equal("ResolverFileOfAnotherNamespace", refused.ErrorId);
        Assert.Contains("HYPERNEST_RESOLV_CONF", refused.Message, StringComparison.Ordinal);
        Assert.Throws<HostException>(() => Host.SetDnsClientServerAddresses(ethernet, []));

        Assert.Equal(["10.0.0.53"], _f.Network.ResolverServers.Select(s => s.ToString()));
        Assert.Equal(["10.0.0.53"], Host.GetDnsClientServerAddresses().Single(d => d.InterfaceAlias == "Ethernet" && d.AddressFamily == "IPv4").ServerAddresses);
    }

    [Fact]
    public void FirstDnsSetting_KeepsTheMachinesResolverFile_TheLastOneGoneBringsItBack()
    {
        var ethernet = NetInterfaceSelector.ByAlias("Ethernet");
        var original = _f.Network.ResolverFile;

        Host.AddDnsClientServerAddress(ethernet, "10.0.0.53", null);
        Host.SetDnsClientServerAddresses(ethernet, ["10.0.0.54"]);
        Assert.Contains("nameserver 10.0.0.54", _f.Network.ResolverFile);
        Assert.DoesNotContain("192.0.2.53", _f.Network.ResolverFile);

        Host.SetDnsClientServerAddresses(ethernet, []);
        Assert.Equal(original, _f.Network.ResolverFile);

        // A second round keeps the original again, from the file as it is now.
        _f.Network.ResolverFile = null;
        Host.AddDnsClientServerAddress(ethernet, "10.0.0.55", null);
        Host.SetDnsClientServerAddresses(ethernet, []);
        Assert.Null(_f.Network.ResolverFile);
    }

    [Fact]
    public void WithResolvedServingThisNamespace_ServersArePerLink_AndTheResolverFileIsLeftAlone()
    {
        var resolved = _f.Network.Resolved = new FakeLinkDns();
        var original = _f.Network.ResolverFile;
        _f.Internal("VmNAT");
        var ethernet = Host.GetNetAdapters().Single(a => a.Name == "Ethernet");
        var vmnat = Host.GetNetAdapters().Single(a => a.Name == "vEthernet (VmNAT)");

        Host.AddDnsClientServerAddress(NetInterfaceSelector.ByAlias("Ethernet"), "10.0.0.53", null);
        Host.AddDnsClientServerAddress(NetInterfaceSelector.ByAlias("Ethernet"), "fd00::53", null);
        Host.SetDnsClientServerAddresses(NetInterfaceSelector.ByAlias("vEthernet (VmNAT)"), ["192.168.0.1"]);

        Assert.Equal(["10.0.0.53", "fd00::53"], resolved.Servers[ethernet.ifIndex].Select(s => s.ToString()));
        Assert.Equal(["192.168.0.1"], resolved.Servers[vmnat.ifIndex].Select(s => s.ToString()));
        Assert.Equal(original, _f.Network.ResolverFile);
        Assert.Empty(_f.Network.ResolverServers);

        Host.SetDnsClientServerAddresses(NetInterfaceSelector.ByAlias("Ethernet"), []);

        Assert.Equal([ethernet.ifIndex], resolved.Reverted);
        Assert.False(resolved.Servers.ContainsKey(ethernet.ifIndex));
        Assert.Equal(["192.168.0.1"], resolved.Servers[vmnat.ifIndex].Select(s => s.ToString()));
    }

    [Fact]
    public void WithResolvedServingThisNamespace_AnotherNamespaceSharingTheMachinesEtc_IsNoReasonToRefuse()
    {
        // The resolver file is the machine's, but nothing writes it: resolved keeps this namespace's links.
        var resolved = _f.Network.Resolved = new FakeLinkDns();
        _f.Network.InAnotherNamespaceWithTheMachinesEtc = true;
        var ethernet = Host.GetNetAdapters().Single(a => a.Name == "Ethernet");

        Host.AddDnsClientServerAddress(NetInterfaceSelector.ByAlias("Ethernet"), "10.0.0.53", null);

        Assert.Equal(["10.0.0.53"], resolved.Servers[ethernet.ifIndex].Select(s => s.ToString()));
    }
}
