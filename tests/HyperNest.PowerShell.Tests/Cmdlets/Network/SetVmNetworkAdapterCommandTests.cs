using HyperNest.Hosting;
using HyperNest.Model;
using HyperNest.PowerShell.Tests.TestSupport;
using ErrorCategory = System.Management.Automation.ErrorCategory;

namespace HyperNest.PowerShell.Tests.Cmdlets.Network;

public sealed class SetVmNetworkAdapterCommandTests : NetworkSession
{
    [Fact]
    public void SetVmNetworkAdapter_AdaptersFromPipeline_SetsSpoofingOnEachById()
    {
        var first = NetworkHostRecorder.Adapter("x");
        var second = NetworkHostRecorder.Adapter("x", "Second");
        Host.Adapters.AddRange([first, second, NetworkHostRecorder.Adapter("y")]);

        Session.Succeeds("Get-VMNetworkAdapter -VMName x | Set-VMNetworkAdapter -MacAddressSpoofing On");

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

        var output = Session.Succeeds("Set-VMNetworkAdapter -VMName L1 -Name Lan -DhcpGuard On -RouterGuard off -StaticMacAddress 02484E000002 -PassThru");

        var arguments = SingleChange("SetVmNetworkAdapter");
        Assert.Equal(adapter.AdapterId, arguments[1]);
        Assert.Equal(new SetVmNetworkAdapterRequest { DhcpGuard = OnOffState.On, RouterGuard = OnOffState.Off, StaticMacAddress = "02484E000002" }, arguments[2]);
        Assert.Same(adapter, Assert.Single(output));
    }

    [Fact]
    public void SetVmNetworkAdapter_DynamicMacAddressSwitch_Sent()
    {
        Host.Adapters.Add(NetworkHostRecorder.Adapter("L1"));

        Session.Succeeds("Set-VMNetworkAdapter L1 -DynamicMacAddress");

        Assert.True(((SetVmNetworkAdapterRequest)SingleChange("SetVmNetworkAdapter")[2]!).DynamicMacAddress);
    }

    [Fact]
    public void SetVmNetworkAdapter_BadOnOffValue_ConversionErrorNamesTheChoices()
    {
        var error = Session.Fails("Set-VMNetworkAdapter -VMName L1 -MacAddressSpoofing Enabled");

        Assert.Equal(("CannotConvertArgumentNoMessage", ErrorCategory.InvalidArgument), (error.ErrorId(), error.CategoryInfo.Category));
        Assert.Contains("On, Off", error.Message(), StringComparison.Ordinal);
        Assert.Empty(Host.Calls);
    }

    [Fact]
    public void SetVmNetworkAdapter_HostRefusesOne_OtherStillChanged()
    {
        Host.Adapters.AddRange([NetworkHostRecorder.Adapter("L1"), NetworkHostRecorder.Adapter("L1", "Two")]);
        Host.Refuse["SetVmNetworkAdapter"] = new HostException("The MAC can only change while the VM is Off.", HyperNest.Hosting.ErrorCategory.InvalidOperation, "InvalidState");

        Session.Invoke("Set-VMNetworkAdapter -VMName L1 -StaticMacAddress 02484E000002");

        Assert.Equal(2, Host.Changes.Count);
        Assert.Equal(2, Session.Errors.Count);
        Assert.All(Session.Errors, e => Assert.Equal(("InvalidState", ErrorCategory.InvalidOperation), (e.ErrorId(), e.CategoryInfo.Category)));
    }

    [Fact]
    public void SetVmNetworkAdapter_WhatIf_ChangesNothing()
    {
        Host.Adapters.Add(NetworkHostRecorder.Adapter("L1"));

        Session.Succeeds("Set-VMNetworkAdapter -VMName L1 -MacAddressSpoofing On -WhatIf");

        Assert.Empty(Host.Changes);
    }
}
