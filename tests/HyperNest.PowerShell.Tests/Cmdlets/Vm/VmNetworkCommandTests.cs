using HyperNest.Hosting;
using HyperNest.Model;
using HyperNest.PowerShell.Tests.TestSupport;

namespace HyperNest.PowerShell.Tests.Cmdlets.Vm;

/// <summary>Rename-VMNetworkAdapter, Get-VMSwitch -SwitchType and New-NetIPAddress without -PrefixLength.</summary>
public sealed class VmNetworkCommandTests : VmSession
{
    [Fact]
    public void RenameVmNetworkAdapter_ByVmAndName_RenamesOnlyThatAdapter()
    {
        var keep = VmHostRecorder.Adapter("Kirkland");
        var target = VmHostRecorder.Adapter("Kirkland", "Private");
        Host.Adapters.AddRange([keep, target]);

        Succeeds("Rename-VMNetworkAdapter -VMName Kirkland -Name Private -NewName CoreNet");

        Assert.Equal(["Kirkland", target.AdapterId, "CoreNet"], SingleChange(nameof(IVirtualizationHost.RenameVmNetworkAdapter)));
    }

    [Fact]
    public void RenameVmNetworkAdapter_Positional_WithoutNameRenamesEveryAdapter()
    {
        Host.Adapters.AddRange([VmHostRecorder.Adapter("Redmond"), VmHostRecorder.Adapter("Redmond", "Second")]);

        Succeeds("Rename-VMNetworkAdapter Redmond -NewName CoreNet");

        Assert.Equal(2, Host.Changes.Count(c => c.Method == nameof(IVirtualizationHost.RenameVmNetworkAdapter)));
    }

    [Fact]
    public void RenameVmNetworkAdapter_FromThePipeline_PassthruWritesTheRenamedAdapter()
    {
        var adapter = VmHostRecorder.Adapter("web1");
        Host.Adapters.Add(adapter);

        var renamed = Assert.Single(Session.InvokeAs<VmNetworkAdapter>("Get-VMNetworkAdapter -VMName web1 | Rename-VMNetworkAdapter -NewName Lan -Passthru"));

        Assert.Equal("Lan", renamed.Name);
        Assert.Equal(adapter.AdapterId, renamed.AdapterId);
    }

    [Fact]
    public void RenameVmNetworkAdapter_UnknownAdapterName_IsAnErrorAndCallsNothing()
    {
        Host.Adapters.Add(VmHostRecorder.Adapter("web1"));

        var error = Session.Fails("Rename-VMNetworkAdapter -VMName web1 -Name Nope -NewName x");

        Assert.Equal("AdapterNotFound", error.ErrorId());
        Assert.Equal(System.Management.Automation.ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Empty(Host.Changes);
    }

    [Fact]
    public void GetVmSwitch_SwitchType_KeepsOnlyThoseTypes()
    {
        Host.Switches.AddRange([Switch("Nat", VmSwitchType.Internal), Switch("Lab", VmSwitchType.Private), Switch("Wan", VmSwitchType.External)]);

        var names = Session.Invoke("Get-VMSwitch -SwitchType Internal, External | ForEach-Object Name").Select(o => o.BaseObject);

        Assert.Equal(["Nat", "Wan"], names);
        Assert.Empty(Session.Invoke("Get-VMSwitch Lab -SwitchType External"));
        Assert.Empty(Session.Errors);
    }

    [Fact]
    public void NewNetIpAddress_WithoutPrefixLength_LeavesTheDefaultToTheHost()
    {
        Succeeds("New-NetIPAddress -IPAddress 10.0.0.2 -InterfaceAlias Ethernet");

        var request = (NewNetIpAddressRequest)SingleChange(nameof(IVirtualizationHost.NewNetIpAddress))[0]!;
        Assert.Null(request.PrefixLength);
    }

    private static VmSwitch Switch(string name, VmSwitchType type) =>
        new() { Name = name, Id = Guid.NewGuid(), SwitchType = type, BridgeName = "hn-" + name.ToLowerInvariant() };
}
