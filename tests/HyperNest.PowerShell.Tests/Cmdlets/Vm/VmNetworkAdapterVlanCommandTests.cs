using HyperNest.Hosting;
using HyperNest.Model;
using HyperNest.PowerShell.Tests.TestSupport;
using ErrorCategory = System.Management.Automation.ErrorCategory;

namespace HyperNest.PowerShell.Tests.Cmdlets.Vm;

/// <summary>Get-/Set-VMNetworkAdapterVlan and Set-VMNetworkAdapter's -VM and -ManagementOS parameter sets.</summary>
public sealed class VmNetworkAdapterVlanCommandTests : VmSession
{
    [Fact]
    public void SetVlan_AccessOnEveryAdapterOfTheVm_SendsTheModeAndId()
    {
        Host.Vms.Add(VmHostRecorder.Vm("Redmond"));
        Host.Adapters.AddRange([VmHostRecorder.Adapter("Redmond"), VmHostRecorder.Adapter("Redmond", "Two")]);

        Succeeds("Set-VMNetworkAdapterVlan -VMName Redmond -Access -VlanId 121");

        Assert.Equal(2, Host.Changes.Count);
        Assert.All(Host.Changes, c => Assert.Equal(
            ("SetVmNetworkAdapterVlan", "Redmond", new SetVlanRequest { Mode = VmNetworkAdapterVlanMode.Access, VlanId = 121 }),
            (c.Method, (string)c.Arguments[0]!, (SetVlanRequest)c.Arguments[2]!)));
    }

    [Fact]
    public void SetVlan_TrunkFromGetVm_SendsListAndNativeVlan()
    {
        Host.Vms.Add(VmHostRecorder.Vm("Redmond"));
        Host.Adapters.Add(VmHostRecorder.Adapter("Redmond"));

        Succeeds("Get-VM Redmond | Set-VMNetworkAdapterVlan -Trunk -AllowedVlanIdList 1-100 -NativeVlanId 10");

        Assert.Equal(new SetVlanRequest { Mode = VmNetworkAdapterVlanMode.Trunk, AllowedVlanIdList = "1-100", NativeVlanId = 10 }, SingleChange("SetVmNetworkAdapterVlan")[2]);
    }

    [Fact]
    public void SetVlan_ManagementOs_NamesTheHostPortWithAnEmptyVmName()
    {
        var host = VmHostRecorder.Adapter("", "LabNet") with { IsManagementOs = true };
        Host.Adapters.Add(host);

        Succeeds("Set-VMNetworkAdapterVlan -ManagementOS -Access -VlanID 20");

        Assert.Equal(["", host.AdapterId], SingleChange("SetVmNetworkAdapterVlan")[..2]);
    }

    [Theory]
    [InlineData("-Access -VlanId 5 -Trunk -AllowedVlanIdList 1")]
    [InlineData("-Untagged -Access -VlanId 5")]
    [InlineData("-VlanId 5")]
    public void SetVlan_NoneOrSeveralModes_IsAParameterErrorAndNothingChanges(string parameters)
    {
        Host.Adapters.Add(VmHostRecorder.Adapter("Redmond"));

        var error = Session.Fails($"Set-VMNetworkAdapterVlan -VMName Redmond {parameters}");

        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Empty(Host.Changes);
    }

    [Fact]
    public void SetVlan_PrivateVlan_IsSentAsPrivateForTheHostToRefuse()
    {
        Host.Adapters.Add(VmHostRecorder.Adapter("WA"));

        Succeeds("Get-VMNetworkAdapter -VMName WA | Set-VMNetworkAdapterVlan -Isolated -PrimaryVlanId 10 -SecondaryVlanId 200");

        Assert.Equal(VmNetworkAdapterVlanMode.Private, ((SetVlanRequest)SingleChange("SetVmNetworkAdapterVlan")[2]!).Mode);
    }

    [Fact]
    public void GetVlan_WithoutArguments_ListsEveryVm_AndTheTableHasHyperVsColumns()
    {
        Host.Vms.AddRange([VmHostRecorder.Vm("a"), VmHostRecorder.Vm("b")]);
        Host.Adapters.AddRange([VmHostRecorder.Adapter("a"), VmHostRecorder.Adapter("b")]);

        var text = Session.InvokeText("Get-VMNetworkAdapterVlan | Out-String -Width 200");

        Assert.Matches(@"VMName\s+VMNetworkAdapterName\s+Mode\s+VlanList", text);
        Assert.Matches(@"a\s+Network Adapter\s+Untagged", text);
        Assert.Matches(@"b\s+Network Adapter\s+Untagged", text);
    }

    [Fact]
    public void SetVmNetworkAdapter_VmObjectsFromGetVm_SetEveryAdapterOfEach()
    {
        Host.Vms.AddRange([VmHostRecorder.Vm("x"), VmHostRecorder.Vm("y")]);
        Host.Adapters.AddRange([VmHostRecorder.Adapter("x"), VmHostRecorder.Adapter("x", "Two"), VmHostRecorder.Adapter("y")]);

        Succeeds("Get-VM x | Set-VMNetworkAdapter -MacAddressSpoofing On");

        Assert.Equal(2, Host.Changes.Count);
        Assert.All(Host.Changes, c => Assert.Equal(("SetVmNetworkAdapter", "x"), (c.Method, (string)c.Arguments[0]!)));
    }

    [Fact]
    public void SetVmNetworkAdapter_VmAndName_SetsOnlyThatAdapter()
    {
        Host.Vms.Add(VmHostRecorder.Vm("x"));
        var two = VmHostRecorder.Adapter("x", "Two");
        Host.Adapters.AddRange([VmHostRecorder.Adapter("x"), two]);

        Succeeds("Set-VMNetworkAdapter -VM (Get-VM x) -Name Two -DhcpGuard On");

        Assert.Equal(two.AdapterId, SingleChange("SetVmNetworkAdapter")[1]);
    }
}
