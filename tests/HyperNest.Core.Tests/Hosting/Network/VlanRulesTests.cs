using HyperNest.Hosting;
using HyperNest.Model;

namespace HyperNest.Core.Tests.Hosting.Network;

public sealed class VlanRulesTests : IDisposable
{
    private readonly NetworkHostFixture _f = new();

    private VirtualizationHost Host => _f.Host;

    public void Dispose() => _f.Dispose();

    private VmNetworkAdapterVlanSetting Set(string vm, SetVlanRequest request) => Host.SetVmNetworkAdapterVlan(vm, _f.Adapter(vm).AdapterId, request);

    private static SetVlanRequest Access(int id) => new() { Mode = VmNetworkAdapterVlanMode.Access, VlanId = id };

    [Fact]
    public void UntaggedSwitch_StartsWithoutTouchingVlanFiltering()
    {
        _f.Internal("Lab");
        _f.Vm("a", "Lab");

        Host.StartVm("a");

        Assert.Empty(_f.Network.VlanFilteringBridges);
        Assert.Empty(_f.Network.PortVlans);
        Assert.Equal(VmNetworkAdapterVlanMode.Untagged, Assert.Single(Host.GetVmNetworkAdapterVlans("a")).OperationMode);
    }

    [Fact]
    public void Access_OnAnOffVm_IsStored_AndAppliedWithTheOtherPortsWhenItStarts()
    {
        var lab = _f.Internal("Lab");
        _f.Vm("a", "Lab");
        _f.Vm("b", "Lab");
        Host.StartVm("b");

        var setting = Set("a", Access(10));
        Assert.Empty(_f.Network.VlanFilteringBridges);
        Host.StartVm("a");

        Assert.Equal((VmNetworkAdapterVlanMode.Access, 10), (setting.OperationMode, setting.AccessVlanId));
        Assert.Contains(lab.BridgeName, _f.Network.VlanFilteringBridges);
        Assert.Equal([new BridgeVlanEntry(10, 10, true, true)], _f.Network.PortVlans[_f.Adapter("a").InterfaceName!]);
        Assert.Equal([new BridgeVlanEntry(1, 1, true, true)], _f.Network.PortVlans[_f.Adapter("b").InterfaceName!]);
        Assert.Equal([new BridgeVlanEntry(1, 1, true, true)], _f.Network.PortVlans[lab.BridgeName + " self"]);
    }

    [Fact]
    public void Trunk_OnARunningVm_AppliesAtOnce_AndGetShowsIt()
    {
        _f.Internal("Lab");
        _f.Vm("a", "Lab");
        Host.StartVm("a");

        Set("a", new SetVlanRequest { Mode = VmNetworkAdapterVlanMode.Trunk, AllowedVlanIdList = "200,1-100", NativeVlanId = 10 });

        var shown = Assert.Single(Host.GetVmNetworkAdapterVlans("a"));
        Assert.Equal(VmNetworkAdapterVlanMode.Trunk, shown.OperationMode);
        Assert.Equal(10, shown.NativeVlanId);
        Assert.Equal("1-100,200", shown.AllowedVlanIdListString);
        Assert.Equal(101, shown.AllowedVlanIdList.Count);
        Assert.Contains(new BridgeVlanEntry(1, 100), _f.Network.PortVlans[_f.Adapter("a").InterfaceName!]);
    }

    [Fact]
    public void BackToUntagged_TurnsFilteringOffWhenNoPortNeedsIt()
    {
        var lab = _f.Internal("Lab");
        _f.Vm("a", "Lab");
        Host.StartVm("a");
        Set("a", Access(10));

        Set("a", new SetVlanRequest { Mode = VmNetworkAdapterVlanMode.Untagged });

        Assert.DoesNotContain(lab.BridgeName, _f.Network.VlanFilteringBridges);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4095)]
    public void Access_WithAnIdOutside1To4094_IsRefusedAndNothingChanges(int id)
    {
        _f.Internal("Lab");
        _f.Vm("a", "Lab");

        var error = Assert.Throws<HostException>(() => Set("a", Access(id)));

        Assert.Equal(ErrorCategory.InvalidArgument, error.Category);
        Assert.Contains("from 1 to 4094", error.Message, StringComparison.Ordinal);
        Assert.Equal(VmNetworkAdapterVlanMode.Untagged, Assert.Single(Host.GetVmNetworkAdapterVlans("a")).OperationMode);
    }

    [Fact]
    public void ParametersOfAnotherMode_AreRefused()
    {
        _f.Internal("Lab");
        _f.Vm("a", "Lab");

        Assert.Contains("-Access needs -VlanId", Assert.Throws<HostException>(() => Set("a", new SetVlanRequest { Mode = VmNetworkAdapterVlanMode.Access })).Message, StringComparison.Ordinal);
        Assert.Contains("-Trunk needs -AllowedVlanIdList", Assert.Throws<HostException>(() => Set("a", new SetVlanRequest { Mode = VmNetworkAdapterVlanMode.Trunk, NativeVlanId = 5 })).Message, StringComparison.Ordinal);
        Assert.Contains("-VlanId can only be given with -Access", Assert.Throws<HostException>(() => Set("a", new SetVlanRequest { Mode = VmNetworkAdapterVlanMode.Untagged, VlanId = 5 })).Message, StringComparison.Ordinal);
        Assert.Equal("PrivateVlanNotSupported", Assert.Throws<HostException>(() => Set("a", new SetVlanRequest { Mode = VmNetworkAdapterVlanMode.Private })).ErrorId);
    }

    [Fact]
    public void KernelWithoutVlanFiltering_RefusesARunningPort_AndTheStoreKeepsUntagged()
    {
        _f.Internal("Lab");
        _f.Vm("a", "Lab");
        Host.StartVm("a");
        _f.Network.KernelFiltersVlans = false;

        var error = Assert.Throws<HostException>(() => Set("a", Access(10)));

        Assert.Equal("VlanFilteringNotAvailable", error.ErrorId);
        Assert.Contains("CONFIG_BRIDGE_VLAN_FILTERING", error.Message, StringComparison.Ordinal);
        Assert.Equal(VmNetworkAdapterVlanMode.Untagged, Assert.Single(Host.GetVmNetworkAdapterVlans("a")).OperationMode);
    }

    [Fact]
    public void KernelWithoutVlanFiltering_RefusesToStartAVmInAVlan_AndLeavesNoTap()
    {
        _f.Internal("Lab");
        _f.Vm("a", "Lab");
        Set("a", Access(10));
        _f.Network.KernelFiltersVlans = false;

        Assert.Equal("VlanFilteringNotAvailable", Assert.Throws<HostException>(() => Host.StartVm("a")).ErrorId);

        Assert.Equal(VmState.Off, Host.GetVm("a").State);
        Assert.DoesNotContain(_f.HyperNestLinks, l => l.StartsWith("hntap", StringComparison.Ordinal));
    }

    [Fact]
    public void ManagementOs_SetsTheBridgesOwnPort()
    {
        var lab = _f.Internal("Lab");
        var host = Assert.Single(Host.GetManagementOsNetworkAdapters());

        Host.SetVmNetworkAdapterVlan("", host.AdapterId, Access(20));

        Assert.Equal([new BridgeVlanEntry(20, 20, true, true)], _f.Network.PortVlans[lab.BridgeName + " self"]);
        var shown = Assert.Single(Host.GetVmNetworkAdapterVlans(null));
        Assert.True(shown.IsManagementOs);
        Assert.Equal(20, shown.AccessVlanId);
    }

    [Fact]
    public void Connect_CarriesThePortsVlanToTheNewSwitch()
    {
        _f.Internal("Lab");
        var other = _f.Internal("Other");
        _f.Vm("a", "Lab");
        Set("a", Access(30));
        Host.StartVm("a");

        Host.ConnectVmNetworkAdapter("a", _f.Adapter("a").AdapterId, "Other");

        Assert.Contains(other.BridgeName, _f.Network.VlanFilteringBridges);
        Assert.Equal([new BridgeVlanEntry(30, 30, true, true)], _f.Network.PortVlans[_f.Adapter("a").InterfaceName!]);
    }

    [Fact]
    public void RestoreNetwork_ReappliesTheHostPortsVlanOnTheRecreatedBridge()
    {
        var lab = _f.Internal("Lab");
        Host.SetVmNetworkAdapterVlan("", Assert.Single(Host.GetManagementOsNetworkAdapters()).AdapterId, Access(20));
        _f.Network.Reboot("boot-2/net:[1]");

        Host.RestoreNetwork();

        Assert.Contains(lab.BridgeName, _f.Network.VlanFilteringBridges);
        Assert.Equal([new BridgeVlanEntry(20, 20, true, true)], _f.Network.PortVlans[lab.BridgeName + " self"]);
    }
}
