using HyperNest.Hosting;
using HyperNest.Model;
using HyperNest.PowerShell.Tests.TestSupport;
using ErrorCategory = System.Management.Automation.ErrorCategory;

namespace HyperNest.PowerShell.Tests.Cmdlets.Network;

/// <summary>Get-, Add-, Remove-, Connect- and Disconnect-VMNetworkAdapter (Set- has its own class).</summary>
public sealed class VmNetworkAdapterCommandTests : NetworkSession
{
    [Fact]
    public void GetVmNetworkAdapter_ManagementOsAndAll_AskTheRightLists()
    {
        Host.VmNames.AddRange(["a", "b"]);
        Host.Adapters.AddRange([NetworkHostRecorder.Adapter("a"), NetworkHostRecorder.Adapter("b", "Wan"), NetworkHostRecorder.Adapter("", "VmNAT") with { IsManagementOs = true }]);

        var os = Session.Succeeds("Get-VMNetworkAdapter -ManagementOS").Cast<VmNetworkAdapter>();
        var all = Session.Succeeds("Get-VMNetworkAdapter -All -Name *a?").Cast<VmNetworkAdapter>();

        Assert.Equal(["VmNAT"], os.Select(x => x.Name));
        Assert.Equal(["Wan", "VmNAT"], all.Select(x => x.Name));
    }

    [Fact]
    public void GetVmNetworkAdapter_NoSelector_MissingMandatoryVMName()
    {
        var error = Session.Fails("Get-VMNetworkAdapter");

        Assert.Equal("MissingMandatoryParameter", error.ErrorId());
        Assert.Contains("VMName", error.Message(), StringComparison.Ordinal);
    }

    [Fact]
    public void AddVmNetworkAdapter_AllOptions_SendsRequest()
    {
        Session.Succeeds("Add-VMNetworkAdapter -VMName L1 -Name Lan -SwitchName VmNAT -StaticMacAddress 02-48-4E-00-00-05");

        Assert.Equal(["L1", new AddVmNetworkAdapterRequest { Name = "Lan", SwitchName = "VmNAT", StaticMacAddress = "02-48-4E-00-00-05" }], SingleChange("AddVmNetworkAdapter"));
    }

    [Fact]
    public void AddVmNetworkAdapter_Passthru_WritesTheNewAdapter()
    {
        var adapter = Assert.IsType<VmNetworkAdapter>(Assert.Single(Session.Succeeds("Add-VMNetworkAdapter -VMName L1 -Passthru")));

        Assert.Equal("L1", adapter.VMName);
    }

    [Fact]
    public void RemoveVmNetworkAdapter_ByNameAndFromPipeline_RemoveById()
    {
        var lan = NetworkHostRecorder.Adapter("L1", "Lan");
        var wan = NetworkHostRecorder.Adapter("L2", "Wan");
        Host.Adapters.AddRange([lan, wan]);

        Session.Succeeds("Remove-VMNetworkAdapter -VMName L1 -Name Lan; Get-VMNetworkAdapter L2 | Remove-VMNetworkAdapter");

        Assert.Equal([("L1", lan.AdapterId), ("L2", wan.AdapterId)], Host.Changes.Select(c => ((string)c.Arguments[0]!, (Guid)c.Arguments[1]!)));
    }

    [Fact]
    public void RemoveVmNetworkAdapter_WithoutName_MissingMandatoryName()
    {
        var error = Session.Fails("Remove-VMNetworkAdapter -VMName L1");

        Assert.Equal("MissingMandatoryParameter", error.ErrorId());
        Assert.Contains("Name", error.Message(), StringComparison.Ordinal);
        Assert.Empty(Host.Calls);
    }

    [Fact]
    public void RemoveVmNetworkAdapter_UnknownAdapterName_NotFoundErrorAndNothingRemoved()
    {
        Host.Adapters.Add(NetworkHostRecorder.Adapter("L1"));

        var error = Session.Fails("Remove-VMNetworkAdapter -VMName L1 -Name Nope");

        Assert.Equal(("AdapterNotFound", ErrorCategory.ObjectNotFound), (error.ErrorId(), error.CategoryInfo.Category));
        Assert.Contains("'Nope'", error.Message(), StringComparison.Ordinal);
        Assert.Empty(Host.Changes);
    }

    [Fact]
    public void ConnectVmNetworkAdapter_ByNameAndFromPipeline_SendSwitch()
    {
        var lan = NetworkHostRecorder.Adapter("L1", "Lan");
        Host.Adapters.Add(lan);

        Session.Succeeds("Connect-VMNetworkAdapter -VMName L1 -Name Lan -SwitchName VmNAT; Get-VMNetworkAdapter L1 | Connect-VMNetworkAdapter -SwitchName Ext");

        Assert.Equal([["L1", lan.AdapterId, "VmNAT"], ["L1", lan.AdapterId, "Ext"]], Host.Changes.Select(c => c.Arguments));
    }

    [Fact]
    public void ConnectVmNetworkAdapter_NoSwitchName_MissingMandatorySwitchName()
    {
        var error = Session.Fails("Connect-VMNetworkAdapter -VMName L1");

        Assert.Equal("MissingMandatoryParameter", error.ErrorId());
        Assert.Contains("SwitchName", error.Message(), StringComparison.Ordinal);
    }

    [Fact]
    public void DisconnectVmNetworkAdapter_EveryAdapterOfVm_EachDisconnected()
    {
        Host.Adapters.AddRange([NetworkHostRecorder.Adapter("L1"), NetworkHostRecorder.Adapter("L1", "Two")]);

        Session.Succeeds("Disconnect-VMNetworkAdapter -VMName L1");

        Assert.Equal(2, Host.Changes.Count(c => c.Method == nameof(IVirtualizationHost.DisconnectVmNetworkAdapter)));
    }
}
