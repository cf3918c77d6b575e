using System.Net;
using HyperNest.Hosting;
using HyperNest.Network.Linux;
using HyperNest.Processes;

namespace HyperNest.IntegrationTests.Network;

/// <summary>
/// The Linux backend against the real kernel, ip and nft. Only ever inside the test run's own network
/// namespace (./test.sh runs unshare --net); the constructor refuses to run anywhere else.
/// </summary>
[Collection(KernelNetworkCollection.Name)]
public sealed class LinuxNetworkBackendTests : IDisposable
{
    private readonly string _home;
    private readonly LinuxNetworkBackend _backend;
    private readonly List<string> _links = [];

    public LinuxNetworkBackendTests()
    {
        IsolatedHost.RequireOwnNetworkNamespace();
        _home = Directory.CreateTempSubdirectory("hn-net-").FullName;
        _backend = new LinuxNetworkBackend(new HostPaths(_home, _home) { ResolverConfiguration = Path.Combine(_home, "resolv.conf") });
    }

    public void Dispose()
    {
        foreach (var link in _links)
        {
            _backend.DeleteLink(link);
        }

        Directory.Delete(_home, recursive: true);
    }

    [Fact]
    public void CreateBridge_WithAlias_ListedAsBridgeWithAliasAndUp()
    {
        var name = Made(Unique());

        _backend.CreateBridge(name, "vEthernet (Lab Switch)", hostIsolated: false);

        var bridge = Link(name);
        Assert.Equal("bridge", bridge.Kind);
        Assert.Equal("vEthernet (Lab Switch)", bridge.Alias);
        Assert.True(bridge.AdminUp);
        Assert.Null(bridge.Driver);

        // Read through ip, not /sys/class/net: that sysfs shows the host's links, not this namespace's.
        var details = IpOutput("-j", "-d", "link", "show", "dev", name);
        Assert.Contains("\"stp_state\":0", details);
        Assert.Contains("\"forward_delay\":0", details);
    }

    [Fact]
    public void ListLinks_OrderedByIndex_WithLoopbackAndVeth()
    {
        var (a, b) = Veth();

        var links = _backend.ListLinks();

        Assert.Equal(links.Select(l => l.Index).Order(), links.Select(l => l.Index));
        Assert.Equal("loopback", links.Single(l => l.Name == "lo").Kind);
        Assert.Equal("veth", links.Single(l => l.Name == a).Kind);
        Assert.Matches("^[0-9a-f]{2}(:[0-9a-f]{2}){5}$", links.Single(l => l.Name == b).MacAddress);
    }

    [Fact]
    public void ListLinks_LinkNamedLikeAHostNic_DoesNotGetTheHostNicsDriver()
    {
        // /sys still shows the host's links after unshare --net: a namespace link with the same name as
        // a host NIC must not be reported with that NIC's driver.
        var hostNic = Directory.EnumerateDirectories("/sys/class/net")
            .Select(Path.GetFileName)
            .FirstOrDefault(n => Directory.Exists($"/sys/class/net/{n}/device") && _backend.ListLinks().All(l => l.Name != n));
        if (hostNic is null)
        {
            return; // No NIC with a driver in the mounted sysfs: nothing to confuse.
        }

        var (a, _) = Veth(first: hostNic);

        Assert.Null(Link(a).Driver);
        Assert.Null(Link(a).SpeedMbps);
    }

    [Fact]
    public void CreateBridge_HostIsolated_GetsNoIpv6LinkLocalEvenWithCarrier()
    {
        var isolated = Made(Unique());
        var open = Made(Unique());
        _backend.CreateBridge(isolated, null, hostIsolated: true);
        _backend.CreateBridge(open, null, hostIsolated: false);
        GiveCarrier(isolated);
        GiveCarrier(open);

        // The open bridge shows that carrier does bring a link-local address within the wait.
        Assert.True(Eventually(() => Addresses(open).Any(a => a.Scope == "link")), $"{open} never got a link-local address.");
        Assert.DoesNotContain(Addresses(isolated), a => a.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6);
        Assert.Equal("1", File.ReadAllText($"/proc/sys/net/ipv6/conf/{isolated}/disable_ipv6").Trim());
    }

    [Fact]
    public void CreateBridge_NameTaken_FailsWithToolsWordsAndKeepsTheExistingLink()
    {
        var name = Made(Unique());
        _backend.CreateBridge(name, "first", hostIsolated: false);

        var error = Assert.Throws<NetworkBackendException>(() => _backend.CreateBridge(name, "second", hostIsolated: false));

        Assert.Contains("File exists", error.Message);
        Assert.Contains($"ip link add name {name} type bridge", error.Message);
        Assert.Equal("first", Link(name).Alias);
    }

    [Fact]
    public void CreateTap_WithBridge_IsTunEnslavedAndUp()
    {
        var bridge = Made(Unique());
        var tap = Made(Unique());
        _backend.CreateBridge(bridge, null, hostIsolated: false);

        _backend.CreateTap(tap, bridge);

        var link = Link(tap);
        Assert.Equal("tun", link.Kind);
        Assert.Equal(bridge, link.Master);
        Assert.True(link.AdminUp);
    }

    [Fact]
    public void CreateTap_MissingBridge_FailsAndLeavesNoTap()
    {
        var tap = Made(Unique());

        Assert.Throws<NetworkBackendException>(() => _backend.CreateTap(tap, Unique()));

        Assert.DoesNotContain(_backend.ListLinks(), l => l.Name == tap);
    }

    [Fact]
    public void SetMaster_EnslaveThenFree()
    {
        var bridge = Made(Unique());
        _backend.CreateBridge(bridge, null, hostIsolated: false);
        var (a, _) = Veth();

        _backend.SetMaster(a, bridge);
        Assert.Equal(bridge, Link(a).Master);

        _backend.SetMaster(a, null);
        Assert.Null(Link(a).Master);
    }

    [Fact]
    public void SetAlias_SetThenClear()
    {
        var (a, _) = Veth();

        _backend.SetAlias(a, "Ethernet 2");
        Assert.Equal("Ethernet 2", Link(a).Alias);

        _backend.SetAlias(a, null);
        Assert.Null(Link(a).Alias);
    }

    [Fact]
    public void SetLinkUp_DownThenUp()
    {
        var (a, _) = Veth();

        _backend.SetLinkUp(a, up: true);
        Assert.True(Link(a).AdminUp);

        _backend.SetLinkUp(a, up: false);
        Assert.False(Link(a).AdminUp);
        Assert.Equal("DOWN", Link(a).OperState);
    }

    [Fact]
    public void SetMacAddress_HyperVForm_IsApplied()
    {
        var bridge = Made(Unique());
        _backend.CreateBridge(bridge, null, hostIsolated: false);

        _backend.SetMacAddress(bridge, "02-15-5D-0A-0B-0C");

        Assert.Equal("02:15:5d:0a:0b:0c", Link(bridge).MacAddress);
    }

    [Fact]
    public void AddRemoveAddress_BothFamilies_RemoveTwiceIsFine()
    {
        var (a, _) = Veth();
        var v4 = IPAddress.Parse("192.168.77.1");
        var v6 = IPAddress.Parse("fd00:77::1");

        _backend.AddAddress(a, v4, 24);
        _backend.AddAddress(a, v6, 64);

        var added = Addresses(a).Where(x => x.Scope == "global").ToList();
        Assert.Contains(added, x => x.Address.Equals(v4) && x.PrefixLength == 24 && !x.Dynamic);
        Assert.Contains(added, x => x.Address.Equals(v6) && x.PrefixLength == 64 && !x.Dynamic);

        _backend.RemoveAddress(a, v4, 24);
        _backend.RemoveAddress(a, v6, 64);
        _backend.RemoveAddress(a, v4, 24);
        _backend.RemoveAddress(a, v6, 64);
        Assert.DoesNotContain(Addresses(a), x => x.Scope == "global");
    }

    [Fact]
    public void AddAddress_Twice_FailsWithToolsWords()
    {
        var (a, _) = Veth();
        _backend.AddAddress(a, IPAddress.Parse("192.168.78.1"), 24);

        var error = Assert.Throws<NetworkBackendException>(() => _backend.AddAddress(a, IPAddress.Parse("192.168.78.1"), 24));

        // The kernel's extack words since 5.x; older kernels answered EEXIST ("File exists").
        Assert.Matches("Address already assigned|File exists", error.Message);
    }

    [Fact]
    public void DefaultRoutes_AddReplaceRemove_BothFamilies()
    {
        var (a, b) = Veth();
        _backend.SetLinkUp(a, up: true);
        _backend.SetLinkUp(b, up: true);
        _backend.AddAddress(a, IPAddress.Parse("192.168.79.2"), 24);
        _backend.AddAddress(a, IPAddress.Parse("fd00:79::2"), 64);
        var gateway4 = IPAddress.Parse("192.168.79.1");
        var gateway6 = IPAddress.Parse("fd00:79::1");

        _backend.AddDefaultRoute(a, gateway4);
        _backend.AddDefaultRoute(a, gateway4); // replace: a second add is not an error
        _backend.AddDefaultRoute(a, gateway6);

        var routes = _backend.ListDefaultRoutes();
        Assert.Contains(new RouteInfo(a, gateway4, 0), routes);
        Assert.Contains(routes, r => r.LinkName == a && gateway6.Equals(r.Gateway));
        Assert.Equal(2, routes.Count);

        _backend.RemoveDefaultRoute(a, gateway4);
        _backend.RemoveDefaultRoute(a, gateway6);
        _backend.RemoveDefaultRoute(a, gateway4);
        _backend.RemoveDefaultRoute(a, gateway6);
        Assert.Empty(_backend.ListDefaultRoutes());
    }

    [Fact]
    public void ApplyNftables_TinyTable_ThenDelete_ThenDeleteAgainIsFine()
    {
        var table = "hnt_" + Guid.NewGuid().ToString("N")[..8];

        _backend.ApplyNftables($"table inet {table} {{\n  chain input {{\n    type filter hook input priority 0; policy accept;\n    iifname \"lo\" counter accept\n  }}\n}}\n");

        Assert.Contains("iifname \"lo\" counter", Nft("list", "table", "inet", table).StandardOutput);

        _backend.DeleteNftTable("inet", table);
        Assert.False(Nft("list", "table", "inet", table).Succeeded);
        _backend.DeleteNftTable("inet", table);
    }

    [Fact]
    public void ApplyNftables_BrokenScript_AppliesNothingAndReportsNftsWords()
    {
        var table = "hnt_" + Guid.NewGuid().ToString("N")[..8];

        var error = Assert.Throws<NetworkBackendException>(() => _backend.ApplyNftables(
            $"table inet {table} {{\n  chain ok {{ type filter hook input priority 0; }}\n}}\ntable inet {table}_b {{\n  chain bad {{ type filter hook inptu priority 0; }}\n}}\n"));

        Assert.Contains("unknown chain hook", error.Message);
        Assert.False(Nft("list", "table", "inet", table).Succeeded, "nft -f applied part of a failed script.");
    }

    [Fact]
    public void Ipv4Forwarding_SetAndGet()
    {
        var original = _backend.Ipv4Forwarding;
        try
        {
            _backend.Ipv4Forwarding = !original;
            Assert.Equal(!original, _backend.Ipv4Forwarding);
            Assert.Equal(original ? "0" : "1", File.ReadAllText("/proc/sys/net/ipv4/ip_forward").Trim());
        }
        finally
        {
            _backend.Ipv4Forwarding = original;
        }
    }

    [Fact]
    public void Deletes_OfThingsThatAreNotThere_AreFine()
    {
        var missing = Unique();

        _backend.DeleteLink(missing);
        _backend.RemoveAddress(missing, IPAddress.Parse("192.168.80.1"), 24);
        _backend.RemoveDefaultRoute(missing, IPAddress.Parse("192.168.80.1"));
        _backend.RemoveAddress("lo", IPAddress.Parse("192.168.80.1"), 24);
        _backend.RemoveAddress("lo", IPAddress.Parse("fd00:80::1"), 64);
        _backend.RemoveDefaultRoute("lo", IPAddress.Parse("192.168.80.1"));
        _backend.DeleteNftTable("bridge", "hnt_missing");
    }

    [Fact]
    public void SetLinkUp_MissingLink_IsAnError()
    {
        var error = Assert.Throws<NetworkBackendException>(() => _backend.SetLinkUp(Unique(), up: true));

        Assert.Contains("Cannot find device", error.Message);
    }

    [Fact]
    public void InvalidNames_AreRefusedBeforeTheKernel()
    {
        Assert.Throws<ArgumentException>(() => _backend.CreateBridge("a234567890123456", null, hostIsolated: false));
        Assert.Throws<ArgumentException>(() => _backend.CreateTap("tap 0", null));
        Assert.Throws<ArgumentException>(() => _backend.DeleteLink("../lo"));
        Assert.Throws<ArgumentException>(() => _backend.DeleteNftTable("inet", "x; flush ruleset"));
    }

    [Fact]
    public void NamespaceIdentity_IsBootIdAndTheNamespacesCookie_StableWithinIt()
    {
        var bootId = File.ReadAllText("/proc/sys/kernel/random/boot_id").Trim();

        var identity = _backend.NamespaceIdentity();

        // The cookie, not the inode: a fresh namespace may get a freed inode number (NetworkRestoreTests).
        Assert.Matches($"^{bootId}/netns-cookie:[0-9]+$", identity);
        Assert.Equal(identity, _backend.NamespaceIdentity());
    }

    [Fact]
    public void WriteResolverConfiguration_WritesTheConfiguredFile()
    {
        _backend.WriteResolverConfiguration([IPAddress.Parse("192.168.100.1")]);

        Assert.EndsWith("\nnameserver 192.168.100.1\n", File.ReadAllText(Path.Combine(_home, "resolv.conf")));
    }

    [Fact]
    public void ResolverFile_InThisTestsNamespace_TheMachinesIsAnotherNamespaces_AScratchFileIsNot()
    {
        // The test run has a network namespace of its own (unshare -n) and the machine's /etc.
        var machines = new LinuxNetworkBackend(new HostPaths(_home, _home) { ResolverConfiguration = HostPaths.DefaultResolverConfiguration });

        Assert.True(machines.ResolverFileIsAnotherNamespaces());
        Assert.False(_backend.ResolverFileIsAnotherNamespaces());
    }

    private static string Unique() => "t" + Guid.NewGuid().ToString("N")[..6];

    private static ExternalProcess.Result Nft(params string[] arguments) => ExternalProcess.Run("nft", arguments, TimeSpan.FromSeconds(30));

    private static string IpOutput(params string[] arguments)
    {
        var result = ExternalProcess.Run("ip", arguments, TimeSpan.FromSeconds(30));
        Assert.True(result.Succeeded, $"ip {string.Join(' ', arguments)}: {result.StandardError}");
        return result.StandardOutput;
    }

    private static bool Eventually(Func<bool> condition)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(10); DateTime.UtcNow < deadline; Thread.Sleep(100))
        {
            if (condition())
            {
                return true;
            }
        }

        return condition();
    }

    /// <summary>Registers a link for deletion at teardown (deleting one already gone is fine).</summary>
    private string Made(string link)
    {
        _links.Add(link);
        return link;
    }

    /// <summary>A veth pair: the NIC-like link this kernel can make (it has no dummy module).</summary>
    private (string A, string B) Veth(string? first = null)
    {
        var (a, b) = (Made(first ?? Unique()), Unique());
        IpOutput("link", "add", a, "type", "veth", "peer", "name", b);
        return (a, b);
    }

    /// <summary>A bridge has carrier once a port that has carrier joins it.</summary>
    private void GiveCarrier(string bridge)
    {
        var (a, b) = Veth();
        _backend.SetMaster(a, bridge);
        _backend.SetLinkUp(a, up: true);
        _backend.SetLinkUp(b, up: true);
    }

    private LinkInfo Link(string name) => _backend.ListLinks().Single(l => l.Name == name);

    private List<AddressInfo> Addresses(string link) => _backend.ListAddresses().Where(a => a.LinkName == link).ToList();
}
