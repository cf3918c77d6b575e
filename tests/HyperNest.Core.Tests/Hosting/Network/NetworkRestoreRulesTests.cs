using System.Net;
using HyperNest.Hosting;
using HyperNest.Model;

namespace HyperNest.Core.Tests.Hosting.Network;

/// <summary>After a reboot the kernel has forgotten everything; the stored configuration comes back whole.</summary>
public sealed class NetworkRestoreRulesTests : IDisposable
{
    private readonly NetworkHostFixture _f = new();

    private VirtualizationHost Host => _f.Host;

    public void Dispose() => _f.Dispose();

    [Fact]
    public void Reboot_BringsBackSwitchesAddressesRoutesNatAndDns()
    {
        var nat = _f.Internal("VmNAT");
        Host.NewNetNat("LocalNAT", "192.168.100.0/24");
        Host.NewNetIpAddress(new NewNetIpAddressRequest { Interface = NetInterfaceSelector.ByAlias("vEthernet (VmNAT)"), IPAddress = "192.168.100.1", PrefixLength = 24 });
        Host.NewNetIpAddress(new NewNetIpAddressRequest { Interface = NetInterfaceSelector.ByAlias("Ethernet"), IPAddress = "10.0.0.2", PrefixLength = 24, DefaultGateway = "10.0.0.1" });
        Host.AddDnsClientServerAddress(NetInterfaceSelector.ByAlias("Ethernet"), "10.0.0.53", null);
        _f.Private("Lab");

        _f.Network.Reboot("boot-2/net:[1]");
        _f.Network.ResolverServers.Clear();
        Host.RestoreNetwork();

        Assert.Equal("vEthernet (VmNAT)", _f.Network.Link(nat.BridgeName)!.Alias);
        Assert.Contains(_f.Network.Addresses, a => a.LinkName == nat.BridgeName && a.Address.Equals(IPAddress.Parse("192.168.100.1")));
        Assert.Contains(_f.Network.Addresses, a => a.LinkName == "eth0" && a.Address.Equals(IPAddress.Parse("10.0.0.2")));
        Assert.Equal(IPAddress.Parse("10.0.0.1"), Assert.Single(_f.Network.Routes).Gateway);
        Assert.Contains("masquerade", _f.Nat, StringComparison.Ordinal);
        Assert.True(_f.Network.Ipv4Forwarding);
        Assert.Equal(IPAddress.Parse("10.0.0.53"), Assert.Single(_f.Network.ResolverServers));
        Assert.Single(_f.Network.IsolatedBridges, b => _f.Network.Link(b) is not null);
        Assert.Empty(_f.Warnings);
    }

    [Fact]
    public void Reboot_RebindsTheExternalSwitchsNic_AndStartedVmsGetTheirPortsGuarded()
    {
        _f.Network.PreconfigureAddress("eth0", "10.0.0.2", 24);
        var ext = Host.NewVmSwitch(new NewVmSwitchRequest { Name = "Ext", NetAdapterName = "Ethernet" });
        _f.Vm("L2", "Ext");

        _f.Network.Reboot("boot-2/net:[1]");
        // ifupdown configures the NIC again at boot.
        _f.Network.PreconfigureAddress("eth0", "10.0.0.2", 24);
        Host.StartVm("L2");

        Assert.Equal(ext.BridgeName, _f.Network.Link("eth0")!.Master);
        Assert.DoesNotContain(_f.Network.Addresses, a => a.LinkName == "eth0");
        Assert.Contains(_f.Network.Addresses, a => a.LinkName == ext.BridgeName);
        Assert.Contains("ether saddr !=", _f.Guards, StringComparison.Ordinal);
    }

    [Fact]
    public void SameBoot_NothingIsReapplied()
    {
        _f.Internal("VmNAT");
        var bridge = Host.GetVmSwitch("VmNAT").BridgeName;
        _f.Network.DeleteLink(bridge);

        Host.RestoreNetwork();

        Assert.Null(_f.Network.Link(bridge));
    }

    [Fact]
    public void Reboot_WithTheExternalNicGone_WarnsAndRestoresTheRest()
    {
        Host.NewVmSwitch(new NewVmSwitchRequest { Name = "Ext", NetAdapterName = "Ethernet" });
        _f.Network.Reboot("boot-2/net:[1]");
        _f.Network.Links.RemoveAll(l => l.Name == "eth0");

        Host.RestoreNetwork();

        Assert.Contains(_f.Warnings, w => w.Contains("no longer has", StringComparison.Ordinal));
        Assert.NotNull(_f.Network.Link(Host.GetVmSwitch("Ext").BridgeName));
        Assert.Equal(VmSwitchType.External, Host.GetVmSwitch("Ext").SwitchType);
    }
}
