using HyperNest.Hosting;
using HyperNest.Model;

namespace HyperNest.Core.Tests.Hosting.Network;

public sealed class VmNetworkAdapterRulesTests : IDisposable
{
    private readonly NetworkHostFixture _f = new();

    private VirtualizationHost Host => _f.Host;

    public void Dispose() => _f.Dispose();

    [Fact]
    public void NewVm_HasADefaultAdapterFromThePool_ConnectedWhenASwitchIsNamed()
    {
        _f.Internal("VmNAT");
        _f.Vm("L2", "VmNAT");
        _f.Vm("other", null);

        var connected = _f.Adapter("L2");
        Assert.Equal("Network Adapter", connected.Name);
        Assert.Equal("VmNAT", connected.SwitchName);
        Assert.StartsWith("02484E", connected.MacAddress, StringComparison.Ordinal);
        Assert.Equal(12, connected.MacAddress.Length);
        Assert.Equal(OnOffState.Off, connected.MacAddressSpoofing);
        Assert.Null(_f.Adapter("other").SwitchName);
        Assert.NotEqual(connected.MacAddress, _f.Adapter("other").MacAddress);
    }

    [Fact]
    public void NewVm_WithUnknownSwitch_IsRefusedAndNoVmIsCreated()
    {
        var error = Assert.Throws<HostException>(() => _f.Vm("L2", "Nope"));

        Assert.Contains("\"Nope\"", error.Message, StringComparison.Ordinal);
        Assert.Empty(Host.GetVms());
    }

    [Fact]
    public void Start_PlugsATapIntoTheBridgeGuardedBeforeQemuStarts_AndStopRemovesIt()
    {
        var vmSwitch = _f.Internal("VmNAT");
        var vm = _f.Vm("L2", "VmNAT");
        var mac = _f.Adapter("L2").MacAddress;

        Host.StartVm("L2");

        var nic = Assert.Single(_f.Backend.Nics[vm.Id]);
        Assert.Equal(vmSwitch.BridgeName, _f.Network.Link(nic.TapName)!.Master);
        Assert.Equal(mac, nic.MacAddress.Replace(":", "", StringComparison.Ordinal).ToUpperInvariant());
        Assert.Contains($"\"{nic.TapName}\"", _f.Guards, StringComparison.Ordinal);
        Assert.Contains($"ether saddr != {nic.MacAddress} drop", _f.Guards, StringComparison.Ordinal);
        var running = _f.Adapter("L2");
        Assert.True(running.Connected);
        Assert.Equal("Ok", running.Status);

        Host.StopVm("L2", StopMode.TurnOff);

        Assert.Null(_f.Network.Link(nic.TapName));
        Assert.Null(_f.Guards);
    }

    [Fact]
    public void MacAddressSpoofing_OnARunningVm_LiftsTheRuleAtOnceAndOffPutsItBack()
    {
        _f.Internal("VmNAT");
        var vm = _f.Vm("L1", "VmNAT");
        Host.StartVm("L1");
        var adapter = _f.Adapter("L1");

        Host.SetVmNetworkAdapter("L1", adapter.AdapterId, new SetVmNetworkAdapterRequest { MacAddressSpoofing = OnOffState.On });

        Assert.Null(_f.Guards);
        Assert.Equal(OnOffState.On, _f.Adapter("L1").MacAddressSpoofing);
        Assert.Single(_f.Backend.Starts);

        Host.SetVmNetworkAdapter("L1", adapter.AdapterId, new SetVmNetworkAdapterRequest { MacAddressSpoofing = OnOffState.Off });

        Assert.Contains("ether saddr !=", _f.Guards, StringComparison.Ordinal);
        Assert.Equal(VmState.Running, Host.GetVm(vm.Name).State);
    }

    [Fact]
    public void DhcpAndRouterGuards_AreRendered()
    {
        _f.Internal("VmNAT");
        _f.Vm("L1", "VmNAT");
        var adapter = _f.Adapter("L1");
        Host.SetVmNetworkAdapter("L1", adapter.AdapterId, new SetVmNetworkAdapterRequest { MacAddressSpoofing = OnOffState.On, DhcpGuard = OnOffState.On, RouterGuard = OnOffState.On });

        Host.StartVm("L1");

        Assert.Contains("udp sport 67 udp dport 68 drop", _f.Guards, StringComparison.Ordinal);
        Assert.Contains("nd-router-advert", _f.Guards, StringComparison.Ordinal);
        Assert.DoesNotContain("ether saddr !=", _f.Guards, StringComparison.Ordinal);
    }

    [Fact]
    public void StaticMac_WhileRunning_IsRefused_WhileOffIsKept()
    {
        _f.Vm("L1", null);
        var adapter = _f.Adapter("L1");
        Host.StartVm("L1");

        var error = Assert.Throws<HostException>(() => Host.SetVmNetworkAdapter("L1", adapter.AdapterId, new SetVmNetworkAdapterRequest { StaticMacAddress = "00155D000001" }));
        Assert.Equal("InvalidState", error.ErrorId);

        Host.StopVm("L1", StopMode.TurnOff);
        var changed = Host.SetVmNetworkAdapter("L1", adapter.AdapterId, new SetVmNetworkAdapterRequest { StaticMacAddress = "00-15-5D-00-00-01" });

        Assert.Equal("00155D000001", changed.MacAddress);
        Assert.False(changed.DynamicMacAddressEnabled);
        var dynamic = Host.SetVmNetworkAdapter("L1", adapter.AdapterId, new SetVmNetworkAdapterRequest { DynamicMacAddress = true });
        Assert.StartsWith("02484E", dynamic.MacAddress, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("01155D000001", "multicast")]
    [InlineData("00155D00001", "six hex octets")]
    [InlineData("000000000000", "multicast or empty")]
    public void StaticMac_Invalid_IsRefusedWithReason(string mac, string reason)
    {
        _f.Vm("L1", null);

        var error = Assert.Throws<HostException>(() => Host.SetVmNetworkAdapter("L1", _f.Adapter("L1").AdapterId, new SetVmNetworkAdapterRequest { StaticMacAddress = mac }));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StaticMac_UsedByAnotherAdapter_IsRefused()
    {
        _f.Vm("a", null);
        _f.Vm("b", null);
        Host.SetVmNetworkAdapter("a", _f.Adapter("a").AdapterId, new SetVmNetworkAdapterRequest { StaticMacAddress = "00155D000001" });

        var error = Assert.Throws<HostException>(() => Host.SetVmNetworkAdapter("b", _f.Adapter("b").AdapterId, new SetVmNetworkAdapterRequest { StaticMacAddress = "00155D000001" }));

        Assert.Contains("already used", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConnectAndDisconnect_OnARunningVm_MoveTheTapAndTheGuestsCable()
    {
        var vmSwitch = _f.Internal("VmNAT");
        var vm = _f.Vm("L1", null);
        Host.StartVm("L1");
        var adapter = _f.Adapter("L1");
        Assert.False(_f.Backend.Links[(vm.Id, 0)]);

        Host.ConnectVmNetworkAdapter("L1", adapter.AdapterId, "VmNAT");

        Assert.Equal(vmSwitch.BridgeName, _f.Network.Link(_f.Adapter("L1").InterfaceName!)!.Master);
        Assert.True(_f.Backend.Links[(vm.Id, 0)]);

        Host.DisconnectVmNetworkAdapter("L1", adapter.AdapterId);

        Assert.Null(_f.Network.Link(_f.Adapter("L1").InterfaceName!)!.Master);
        Assert.False(_f.Backend.Links[(vm.Id, 0)]);
        Assert.Equal("Not connected to a switch", _f.Adapter("L1").Status);
    }

    [Fact]
    public void PrivateSwitchPorts_AreCutOffFromTheHost()
    {
        _f.Private("Lab");
        _f.Vm("a", "Lab");

        Host.StartVm("a");

        var tap = _f.Adapter("a").InterfaceName!;
        Assert.Contains($"iifname {{ \"{tap}\" }} drop", _f.Guards, StringComparison.Ordinal);
        Assert.Contains($"oifname {{ \"{tap}\" }} drop", _f.Guards, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAndRemove_OnlyWhileOff_AndAtMostEight()
    {
        _f.Vm("L1", null);
        for (var i = 0; i < 7; i++)
        {
            Host.AddVmNetworkAdapter("L1", new AddVmNetworkAdapterRequest { Name = $"nic{i}" });
        }

        var full = Assert.Throws<HostException>(() => Host.AddVmNetworkAdapter("L1", new AddVmNetworkAdapterRequest()));
        Assert.Contains("8 network adapters", full.Message, StringComparison.Ordinal);

        Host.StartVm("L1");
        var running = Assert.Throws<HostException>(() => Host.RemoveVmNetworkAdapter("L1", Host.GetVmNetworkAdapters("L1")[3].AdapterId));
        Assert.Equal("InvalidState", running.ErrorId);
        Assert.Equal(8, _f.Network.Links.Count(l => l.Kind == "tun"));

        Host.StopVm("L1", StopMode.TurnOff);
        Host.RemoveVmNetworkAdapter("L1", Host.GetVmNetworkAdapters("L1")[3].AdapterId);
        Assert.Equal(7, Host.GetVmNetworkAdapters("L1").Count);
        Assert.DoesNotContain(_f.Network.Links, l => l.Kind == "tun");
    }

    [Fact]
    public void Start_FailingToPlugASecondTap_LeavesNoTapAndStartsNothing()
    {
        _f.Internal("VmNAT");
        _f.Vm("L1", "VmNAT");
        Host.AddVmNetworkAdapter("L1", new AddVmNetworkAdapterRequest { SwitchName = "VmNAT" });
        _f.Network.FailOn = nameof(INetworkBackend.ApplyNftables);

        Assert.Throws<HostException>(() => Host.StartVm("L1"));

        Assert.DoesNotContain(_f.Network.Links, l => l.Kind == "tun");
        Assert.Empty(_f.Backend.Starts);
        Assert.Equal(VmState.Off, Host.GetVm("L1").State);
    }

    [Fact]
    public void WorkerKilledFromOutside_ItsTapsGoWhenHyperNestNotices()
    {
        _f.Internal("VmNAT");
        var vm = _f.Vm("L1", "VmNAT");
        Host.StartVm("L1");
        _f.Backend.KillFromOutside(vm.Id);

        Assert.Equal(VmState.Off, Host.GetVm("L1").State);

        Assert.DoesNotContain(_f.Network.Links, l => l.Kind == "tun");
        Assert.Null(_f.Guards);
    }

    [Fact]
    public void RemovingTheVm_RemovesItsAdapters()
    {
        _f.Vm("L1", null);

        Host.RemoveVm("L1");
        _f.Vm("L1", null);

        Assert.Single(Host.GetVmNetworkAdapters("L1"));
    }

    [Fact]
    public void ManagementOsAdapters_AreTheInternalSwitchesHostSides()
    {
        _f.Internal("VmNAT");
        _f.Private("Lab");

        var adapter = Assert.Single(Host.GetManagementOsNetworkAdapters());

        Assert.True(adapter.IsManagementOs);
        Assert.Equal("VmNAT", adapter.SwitchName);
        Assert.Equal(12, adapter.MacAddress.Length);
    }

    [Fact]
    public void ManagementOsAdapter_PortSettings_AreRefusedPointingToTheNetCmdlets()
    {
        _f.Internal("VmNAT");
        var adapter = Assert.Single(Host.GetManagementOsNetworkAdapters());

        var error = Assert.Throws<HostException>(() => Host.SetVmNetworkAdapter(adapter.VMName, adapter.AdapterId, new SetVmNetworkAdapterRequest { MacAddressSpoofing = OnOffState.On }));

        Assert.Contains("management-OS adapter", error.Message, StringComparison.Ordinal);
        Assert.Contains("New-NetIPAddress", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IPAddresses_AreWhatTheGuestReportsForTheAdaptersMac()
    {
        var vm = _f.Vm("L1", null);
        var mac = Assert.Single(Host.GetVmNetworkAdapters("L1")).MacAddress;
        var colon = string.Join(':', Enumerable.Range(0, 6).Select(i => mac.Substring(i * 2, 2))).ToLowerInvariant();
        _f.Backend.GuestAddresses[vm.Id] = new() { [colon] = ["10.0.0.2", "fe80::48:4eff:fe00:1"], ["52:54:00:00:00:99"] = ["10.9.9.9"] };

        Assert.Empty(_f.Adapter("L1").IPAddresses);
        Host.StartVm("L1");

        Assert.Equal(["10.0.0.2", "fe80::48:4eff:fe00:1"], _f.Adapter("L1").IPAddresses);
    }
}
