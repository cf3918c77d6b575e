using System.Net;
using HyperNest.Hosting;
using HyperNest.Model;

namespace HyperNest.Core.Tests.Hosting.Network;

public sealed class SwitchRulesTests : IDisposable
{
    private readonly NetworkHostFixture _f = new();

    private VirtualizationHost Host => _f.Host;

    public void Dispose() => _f.Dispose();

    [Fact]
    public void Internal_CreatesBridgeWithHostAdapterNamedVEthernet()
    {
        var created = _f.Internal("VmNAT");

        var bridge = _f.Network.Link(created.BridgeName);
        Assert.NotNull(bridge);
        Assert.Equal("bridge", bridge.Kind);
        Assert.Equal("vEthernet (VmNAT)", bridge.Alias);
        Assert.DoesNotContain(created.BridgeName, _f.Network.IsolatedBridges);
        Assert.True(created.AllowManagementOS);
        var adapter = Assert.Single(Host.GetNetAdapters(), a => a.LinuxName == created.BridgeName);
        Assert.Equal("vEthernet (VmNAT)", adapter.Name);
        Assert.Equal("VmNAT", adapter.VMSwitchName);
        Assert.Equal(VmSwitchType.Internal, Assert.Single(Host.GetVmSwitches()).SwitchType);
    }

    [Fact]
    public void DuplicateName_InOtherCase_IsRefusedAndNoSecondBridgeExists()
    {
        _f.Internal("VmNAT");

        var error = Assert.Throws<HostException>(() => _f.Internal("vmnat"));

        Assert.Equal("DuplicateName", error.ErrorId);
        Assert.Single(_f.HyperNestLinks);
    }

    [Fact]
    public void NoTypeAndNoAdapter_IsRefusedSayingWhatToGive()
    {
        var error = Assert.Throws<HostException>(() => Host.NewVmSwitch(new NewVmSwitchRequest { Name = "x" }));

        Assert.Contains("-SwitchType Internal or Private", error.Message, StringComparison.Ordinal);
        Assert.Empty(_f.HyperNestLinks);
    }

    [Fact]
    public void AllowManagementOS_OnInternal_IsRefused()
    {
        var error = Assert.Throws<HostException>(() => Host.NewVmSwitch(new NewVmSwitchRequest { Name = "x", SwitchType = VmSwitchType.Internal, AllowManagementOS = true }));

        Assert.Contains("External switches only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Private_BridgeIsHostIsolatedAndNotAHostAdapter()
    {
        var created = _f.Private("Lab");

        Assert.Contains(created.BridgeName, _f.Network.IsolatedBridges);
        Assert.DoesNotContain(Host.GetNetAdapters(), a => a.LinuxName == created.BridgeName);
        Assert.False(created.AllowManagementOS);
        Assert.Empty(Host.GetManagementOsNetworkAdapters());
    }

    [Fact]
    public void External_BindsTheNicAndMovesItsAddressAndRouteToTheHostAdapter()
    {
        _f.Network.PreconfigureAddress("eth0", "10.0.0.2", 24);
        _f.Network.Routes.Add(new RouteInfo("eth0", IPAddress.Parse("10.0.0.1"), 0));
        var nicMac = _f.Network.Link("eth0")!.MacAddress;

        var created = Host.NewVmSwitch(new NewVmSwitchRequest { Name = "Ext", NetAdapterName = "Ethernet" });

        Assert.Equal(VmSwitchType.External, created.SwitchType);
        Assert.Equal("Ethernet", created.NetAdapterName);
        Assert.Equal(created.BridgeName, _f.Network.Link("eth0")!.Master);
        Assert.Equal(nicMac, _f.Network.Link(created.BridgeName)!.MacAddress);
        Assert.Equal("10.0.0.2", Assert.Single(_f.Network.Addresses, a => a.LinkName == created.BridgeName).Address.ToString());
        Assert.DoesNotContain(_f.Network.Addresses, a => a.LinkName == "eth0");
        Assert.Equal(created.BridgeName, Assert.Single(_f.Network.Routes).LinkName);
        var adapters = Host.GetNetAdapters();
        Assert.Equal("Ext", Assert.Single(adapters, a => a.Name == "Ethernet").VMSwitchName);
        Assert.Contains(adapters, a => a.Name == "vEthernet (Ext)");
    }

    [Fact]
    public void External_Removed_GivesTheNicItsAddressAndRouteBack()
    {
        _f.Network.PreconfigureAddress("eth0", "10.0.0.2", 24);
        _f.Network.Routes.Add(new RouteInfo("eth0", IPAddress.Parse("10.0.0.1"), 0));
        Host.NewVmSwitch(new NewVmSwitchRequest { Name = "Ext", NetAdapterName = "eth0" });

        Host.RemoveVmSwitch("Ext", force: false);

        Assert.Null(_f.Network.Link("eth0")!.Master);
        Assert.Empty(_f.HyperNestLinks);
        Assert.Equal("10.0.0.2", Assert.Single(_f.Network.Addresses).Address.ToString());
        Assert.Equal("eth0", Assert.Single(_f.Network.Routes).LinkName);
    }

    [Fact]
    public void External_WithoutManagementOS_TakesTheHostOffTheNicAndHidesTheBridge()
    {
        _f.Network.PreconfigureAddress("eth0", "10.0.0.2", 24);

        var created = Host.NewVmSwitch(new NewVmSwitchRequest { Name = "Ext", NetAdapterName = "Ethernet", AllowManagementOS = false });

        Assert.Empty(_f.Network.Addresses);
        Assert.Contains(created.BridgeName, _f.Network.IsolatedBridges);
        Assert.DoesNotContain(Host.GetNetAdapters(), a => a.Name.StartsWith("vEthernet", StringComparison.Ordinal));
        Assert.Contains("\"eth0\"", _f.Guards, StringComparison.Ordinal);

        Host.RemoveVmSwitch("Ext", force: false);

        Assert.Equal("10.0.0.2", Assert.Single(_f.Network.Addresses, a => a.LinkName == "eth0").Address.ToString());
        Assert.Null(_f.Guards);
    }

    [Fact]
    public void External_OverANicAnotherSwitchOwns_IsRefused()
    {
        Host.NewVmSwitch(new NewVmSwitchRequest { Name = "Ext", NetAdapterName = "Ethernet" });

        var error = Assert.Throws<HostException>(() => Host.NewVmSwitch(new NewVmSwitchRequest { Name = "Ext2", NetAdapterName = "Ethernet" }));

        Assert.Contains("already bound to the virtual switch \"Ext\"", error.Message, StringComparison.Ordinal);
        Assert.Single(Host.GetVmSwitches());
    }

    [Fact]
    public void External_OverABridge_IsRefused()
    {
        _f.Internal("In");

        var error = Assert.Throws<HostException>(() => Host.NewVmSwitch(new NewVmSwitchRequest { Name = "Ext", NetAdapterName = "vEthernet (In)" }));

        Assert.Contains("not a network adapter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void External_UnknownAdapter_IsRefusedNamingIt()
    {
        var error = Assert.Throws<HostException>(() => Host.NewVmSwitch(new NewVmSwitchRequest { Name = "Ext", NetAdapterName = "Ethernet 7" }));

        Assert.Equal(ErrorCategory.ObjectNotFound, error.Category);
        Assert.Contains("'Ethernet 7'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void External_FailingHalfway_LeavesNoBridgeNoSwitchAndTheNicAsItWas()
    {
        _f.Network.PreconfigureAddress("eth0", "10.0.0.2", 24);
        _f.Network.FailOn = nameof(INetworkBackend.AddAddress);

        var error = Assert.Throws<HostException>(() => Host.NewVmSwitch(new NewVmSwitchRequest { Name = "Ext", NetAdapterName = "Ethernet" }));

        Assert.Contains("injected failure", error.Message, StringComparison.Ordinal);
        Assert.Empty(_f.HyperNestLinks);
        Assert.Null(_f.Network.Link("eth0")!.Master);
        Assert.Equal("eth0", Assert.Single(_f.Network.Addresses).LinkName);
        Assert.Empty(Host.GetVmSwitches());
    }

    [Fact]
    public void Remove_WithConnectedAdapters_IsRefusedUnlessForced()
    {
        _f.Internal("VmNAT");
        _f.Vm("L2", "VmNAT");

        var error = Assert.Throws<HostException>(() => Host.RemoveVmSwitch("VmNAT", force: false));
        Assert.Contains("'L2'", error.Message, StringComparison.Ordinal);
        Assert.Single(Host.GetVmSwitches());

        Host.RemoveVmSwitch("VmNAT", force: true);

        Assert.Empty(Host.GetVmSwitches());
        Assert.Null(_f.Adapter("L2").SwitchName);
        Assert.Empty(_f.HyperNestLinks);
    }

    [Fact]
    public void Remove_Forced_UnplugsRunningVmsWhoseGuestsSeeTheCablePulled()
    {
        _f.Internal("VmNAT");
        var vm = _f.Vm("L2", "VmNAT");
        Host.StartVm("L2");

        Host.RemoveVmSwitch("VmNAT", force: true);

        var tap = _f.Network.Link(_f.Adapter("L2").InterfaceName!);
        Assert.NotNull(tap);
        Assert.Null(tap.Master);
        Assert.False(_f.Backend.Links[(vm.Id, 0)]);
    }

    [Fact]
    public void Rename_ChangesTheHostAdapterName()
    {
        var created = _f.Internal("Old");

        Host.RenameVmSwitch("old", "New");

        Assert.Equal("vEthernet (New)", _f.Network.Link(created.BridgeName)!.Alias);
        Assert.Equal("New", Host.GetVmSwitch("NEW").Name);
    }

    [Fact]
    public void ConnectedVMs_AreListed()
    {
        _f.Internal("VmNAT");
        _f.Vm("b", "VmNAT");
        _f.Vm("a", "VmNAT");

        Assert.Equal(["a", "b"], Host.GetVmSwitch("VmNAT").ConnectedVMs);
    }
}
