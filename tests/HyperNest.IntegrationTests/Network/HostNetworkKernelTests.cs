using System.Text.Json;
using HyperNest.Hosting;
using HyperNest.Model;
using HyperNest.Network.Nftables;
using HyperNest.Processes;

namespace HyperNest.IntegrationTests.Network;

/// <summary>
/// The host's network rules against the real kernel (no guests): what New-* creates is there, and what
/// Remove-* removes leaves no bridge, address, rule or sysctl change behind. In the guest collection,
/// because the hypernest_* nftables tables are per namespace and the guest tests use them too.
/// </summary>
[Collection(GuestCollection.Name)]
public sealed class HostNetworkKernelTests : IDisposable
{
    private readonly IsolatedHost _lab = new();
    private readonly List<string> _veths = [];

    public void Dispose()
    {
        _lab.Dispose();
        foreach (var veth in _veths)
        {
            Tool("ip", "link", "del", veth);
        }
    }

    private IVirtualizationHost Host => _lab.Host;

    [Fact]
    public void InternalPrivateNat_CreatedThenRemoved_LeaveTheKernelAsItWas()
    {
        var forwardingBefore = File.ReadAllText("/proc/sys/net/ipv4/ip_forward").Trim();
        var name = IsolatedHost.UniqueName("In");
        var internalSwitch = Host.NewVmSwitch(new NewVmSwitchRequest { Name = name, SwitchType = VmSwitchType.Internal });
        var privateSwitch = Host.NewVmSwitch(new NewVmSwitchRequest { Name = name + "p", SwitchType = VmSwitchType.Private });
        Host.NewNetIpAddress(new NewNetIpAddressRequest { Interface = NetInterfaceSelector.ByAlias($"vEthernet ({name})"), IPAddress = "192.168.77.1", PrefixLength = 24 });
        Host.NewNetNat("LabNAT", "192.168.77.0/24");

        Assert.Contains($"alias vEthernet ({name})", Tool("ip", "-o", "link", "show", "dev", internalSwitch.BridgeName), StringComparison.Ordinal);
        Assert.Contains("inet 192.168.77.1/24", Tool("ip", "-o", "addr", "show", "dev", internalSwitch.BridgeName), StringComparison.Ordinal);
        Assert.Contains("masquerade", Tool("nft", "list", "table", "inet", NatRuleset.TableName(_lab.Home)), StringComparison.Ordinal);
        Assert.Equal("1", File.ReadAllText("/proc/sys/net/ipv4/ip_forward").Trim());
        Assert.DoesNotContain(Host.GetNetAdapters(), a => a.LinuxName == privateSwitch.BridgeName);
        Assert.Contains(Host.GetNetIpAddresses(), a => a.IPAddress == "192.168.77.1" && a.InterfaceAlias == $"vEthernet ({name})" && a.PrefixOrigin == "Manual");

        Host.RemoveNetNat("");
        Host.RemoveVmSwitch(name, force: false);
        Host.RemoveVmSwitch(name + "p", force: false);

        Assert.DoesNotContain(NftTables(), t => t.Contains(NatRuleset.TableName(_lab.Home), StringComparison.Ordinal) || t.Contains(PortGuardRuleset.TableName(_lab.Home), StringComparison.Ordinal));
        Assert.DoesNotContain(LinkNames(), l => l == internalSwitch.BridgeName || l == privateSwitch.BridgeName);
        Assert.Equal(forwardingBefore, File.ReadAllText("/proc/sys/net/ipv4/ip_forward").Trim());
    }

    [Fact]
    public void TwoHomesInOneNamespace_RemovingOnesNat_LeavesTheOthersRules()
    {
        using var other = new IsolatedHost();
        var mine = IsolatedHost.UniqueName("Mine");
        var theirs = IsolatedHost.UniqueName("Theirs");
        Host.NewVmSwitch(new NewVmSwitchRequest { Name = mine, SwitchType = VmSwitchType.Internal });
        other.Host.NewVmSwitch(new NewVmSwitchRequest { Name = theirs, SwitchType = VmSwitchType.Internal });
        try
        {
            Host.NewNetNat("MineNAT", "192.168.81.0/24");
            other.Host.NewNetNat("TheirNAT", "192.168.82.0/24");

            other.Host.RemoveNetNat("TheirNAT");
            other.Host.RemoveVmSwitch(theirs, force: false);

            Assert.Contains("192.168.81.0/24", Tool("nft", "list", "table", "inet", NatRuleset.TableName(_lab.Home)), StringComparison.Ordinal);
            Assert.DoesNotContain(NftTables(), t => t.Contains(NatRuleset.TableName(other.Home), StringComparison.Ordinal));
        }
        finally
        {
            Host.RemoveNetNat("");
            Host.RemoveVmSwitch(mine, force: false);
        }
    }

    [Fact]
    public void External_OverAVeth_TakesItsAddressOntoTheHostAdapter_AndGivesItBack()
    {
        var nic = "hnv" + Guid.NewGuid().ToString("N")[..6];
        _veths.Add(nic);
        Tool("ip", "link", "add", "name", nic, "type", "veth", "peer", "name", nic + "p");
        Host.NewNetIpAddress(new NewNetIpAddressRequest { Interface = NetInterfaceSelector.ByAlias(nic), IPAddress = "10.77.0.2", PrefixLength = 24 });
        var adapterName = Assert.Single(Host.GetNetAdapters(), a => a.LinuxName == nic).Name;
        Assert.StartsWith("Ethernet", adapterName, StringComparison.Ordinal);
        var name = IsolatedHost.UniqueName("Ext");

        var external = Host.NewVmSwitch(new NewVmSwitchRequest { Name = name, NetAdapterName = adapterName });

        Assert.Contains($"master {external.BridgeName}", Tool("ip", "-o", "link", "show", "dev", nic), StringComparison.Ordinal);
        Assert.Contains("inet 10.77.0.2/24", Tool("ip", "-o", "addr", "show", "dev", external.BridgeName), StringComparison.Ordinal);
        Assert.DoesNotContain("inet 10.77.0.2", Tool("ip", "-o", "addr", "show", "dev", nic), StringComparison.Ordinal);

        Host.RemoveVmSwitch(name, force: false);

        Assert.DoesNotContain("master", Tool("ip", "-o", "link", "show", "dev", nic), StringComparison.Ordinal);
        Assert.Contains("inet 10.77.0.2/24", Tool("ip", "-o", "addr", "show", "dev", nic), StringComparison.Ordinal);
        Assert.DoesNotContain(LinkNames(), l => l == external.BridgeName);
    }

    private static IReadOnlyList<string> LinkNames() =>
        JsonDocument.Parse(Tool("ip", "-j", "link", "show")).RootElement.EnumerateArray().Select(l => l.GetProperty("ifname").GetString()!).ToList();

    private static IReadOnlyList<string> NftTables() => Tool("nft", "list", "tables").Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static string Tool(string program, params string[] arguments) => ExternalProcess.Run(program, arguments, TimeSpan.FromSeconds(30)).StandardOutput;
}
