using HyperNest.Hosting;
using HyperNest.Model;

namespace HyperNest.Shell.Tests.Commands.Network;

public sealed class VmNetworkAdapterCommandTests : NetworkShell
{
    [Fact]
    public void SetVmNetworkAdapter_SeedPipelineLine_SetsSpoofingOnEachAdapterById()
    {
        var first = NetworkHostRecorder.Adapter("x");
        var second = NetworkHostRecorder.Adapter("x", "Second");
        Host.Adapters.AddRange([first, second, NetworkHostRecorder.Adapter("y")]);

        Succeeds("Get-VMNetworkAdapter -VMName x | Set-VMNetworkAdapter -MacAddressSpoofing On");

        Assert.Equal([first.AdapterId, second.AdapterId], Host.Changes.Select(c => (Guid)c.Arguments[1]!));
        Assert.All(Host.Changes, c => Assert.Equal(
            ("SetVmNetworkAdapter", "x", new SetVmNetworkAdapterRequest { MacAddressSpoofing = OnOffState.On }),
            (c.Method, (string)c.Arguments[0]!, (SetVmNetworkAdapterRequest)c.Arguments[2]!)));
    }

    [Fact]
    public void SetVmNetworkAdapter_VMNameAndName_SendsGuardsMacAndPassesThru()
    {
        var adapter = NetworkHostRecorder.Adapter("L1", "Lan");
        Host.Adapters.AddRange([NetworkHostRecorder.Adapter("L1"), adapter]);

        var result = Succeeds("Set-VMNetworkAdapter -VMName L1 -Name Lan -DhcpGuard On -RouterGuard off -StaticMacAddress 02484E000002 -PassThru");

        var arguments = SingleChange("SetVmNetworkAdapter");
        Assert.Equal(adapter.AdapterId, arguments[1]);
        Assert.Equal(new SetVmNetworkAdapterRequest { DhcpGuard = OnOffState.On, RouterGuard = OnOffState.Off, StaticMacAddress = "02484E000002" }, arguments[2]);
        Assert.Same(adapter, Assert.Single(result.Output));
    }

    [Fact]
    public void SetVmNetworkAdapter_DynamicMacAddressSwitch_Sent()
    {
        Host.Adapters.Add(NetworkHostRecorder.Adapter("L1"));

        Succeeds("Set-VMNetworkAdapter L1 -DynamicMacAddress");

        Assert.True(((SetVmNetworkAdapterRequest)SingleChange("SetVmNetworkAdapter")[2]!).DynamicMacAddress);
    }

    [Fact]
    public void SetVmNetworkAdapter_BadOnOffValue_NamesTheChoices()
    {
        var error = Fails("Set-VMNetworkAdapter -VMName L1 -MacAddressSpoofing Enabled");

        Assert.Contains("On, Off", error.Message, StringComparison.Ordinal);
        Assert.Empty(Host.Calls);
    }

    [Fact]
    public void GetVmNetworkAdapter_ManagementOsAndAll_AskTheRightLists()
    {
        Host.VmNames.AddRange(["a", "b"]);
        Host.Adapters.AddRange([NetworkHostRecorder.Adapter("a"), NetworkHostRecorder.Adapter("b", "Wan"), NetworkHostRecorder.Adapter("", "VmNAT") with { IsManagementOs = true }]);

        var os = Succeeds("Get-VMNetworkAdapter -ManagementOS");
        var all = Succeeds("Get-VMNetworkAdapter -All -Name *a?");

        Assert.Equal(["VmNAT"], os.Output.Cast<VmNetworkAdapter>().Select(x => x.Name));
        Assert.Equal(["Wan", "VmNAT"], all.Output.Cast<VmNetworkAdapter>().Select(x => x.Name));
    }

    [Fact]
    public void GetVmNetworkAdapter_NoSelector_MissingVMName()
    {
        var error = Fails("Get-VMNetworkAdapter");

        Assert.Contains("VMName", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddVmNetworkAdapter_AllOptions_SendsRequest()
    {
        Succeeds("Add-VMNetworkAdapter -VMName L1 -Name Lan -SwitchName VmNAT -StaticMacAddress 02-48-4E-00-00-05");

        Assert.Equal(["L1", new AddVmNetworkAdapterRequest { Name = "Lan", SwitchName = "VmNAT", StaticMacAddress = "02-48-4E-00-00-05" }], SingleChange("AddVmNetworkAdapter"));
    }

    [Fact]
    public void RemoveVmNetworkAdapter_ByNameAndPipeline_RemoveById()
    {
        var lan = NetworkHostRecorder.Adapter("L1", "Lan");
        var wan = NetworkHostRecorder.Adapter("L2", "Wan");
        Host.Adapters.AddRange([lan, wan]);

        Succeeds("Remove-VMNetworkAdapter -VMName L1 -Name Lan; Get-VMNetworkAdapter L2 | Remove-VMNetworkAdapter");

        Assert.Equal([("L1", lan.AdapterId), ("L2", wan.AdapterId)], Host.Changes.Select(c => ((string)c.Arguments[0]!, (Guid)c.Arguments[1]!)));
    }

    [Fact]
    public void RemoveVmNetworkAdapter_WithoutName_MissingName()
    {
        var error = Fails("Remove-VMNetworkAdapter -VMName L1");

        Assert.Equal("MissingMandatoryParameter", error.ErrorId);
        Assert.Contains("Name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RemoveVmNetworkAdapter_UnknownAdapterName_NotFoundError()
    {
        Host.Adapters.Add(NetworkHostRecorder.Adapter("L1"));

        var error = Fails("Remove-VMNetworkAdapter -VMName L1 -Name Nope");

        Assert.Equal("AdapterNotFound", error.ErrorId);
        Assert.Empty(Host.Changes);
    }

    [Fact]
    public void ConnectVmNetworkAdapter_ByNameAndPipeline_SendSwitch()
    {
        var lan = NetworkHostRecorder.Adapter("L1", "Lan");
        Host.Adapters.Add(lan);

        Succeeds("Connect-VMNetworkAdapter -VMName L1 -Name Lan -SwitchName VmNAT; Get-VMNetworkAdapter L1 | Connect-VMNetworkAdapter -SwitchName Ext");

        Assert.Equal([["L1", lan.AdapterId, "VmNAT"], ["L1", lan.AdapterId, "Ext"]], Host.Changes.Select(c => c.Arguments));
    }

    [Fact]
    public void ConnectVmNetworkAdapter_NoSwitchName_MissingSwitchName()
    {
        var error = Fails("Connect-VMNetworkAdapter -VMName L1");

        Assert.Contains("SwitchName", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DisconnectVmNetworkAdapter_EveryAdapterOfVm_EachDisconnected()
    {
        Host.Adapters.AddRange([NetworkHostRecorder.Adapter("L1"), NetworkHostRecorder.Adapter("L1", "Two")]);

        Succeeds("Disconnect-VMNetworkAdapter -VMName L1");

        Assert.Equal(2, Host.Changes.Count(c => c.Method == "DisconnectVmNetworkAdapter"));
    }

    [Fact]
    public void SetVmNetworkAdapter_HostRefusesOne_OtherStillChanged()
    {
        Host.Adapters.AddRange([NetworkHostRecorder.Adapter("L1"), NetworkHostRecorder.Adapter("L1", "Two")]);
        Host.Refuse["SetVmNetworkAdapter"] = new HostException("The MAC can only change while the VM is Off.", ErrorCategory.InvalidOperation, "InvalidState");

        var result = Invoke("Set-VMNetworkAdapter -VMName L1 -StaticMacAddress 02484E000002");

        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal("InvalidState,HyperNest.Commands.SetVMNetworkAdapter", e.FullyQualifiedErrorId));
    }
}
