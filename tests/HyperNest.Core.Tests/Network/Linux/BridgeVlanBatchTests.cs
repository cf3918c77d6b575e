using HyperNest.Hosting;
using HyperNest.Model;
using HyperNest.Network.Linux;
using HyperNest.State;

namespace HyperNest.Core.Tests.Network.Linux;

/// <summary>The bridge -batch text for each Hyper-V mode, as SwitchPortVlans maps it.</summary>
public sealed class BridgeVlanBatchTests
{
    [Fact]
    public void Access_IsThePvidUntagged_AfterEveryOtherVlanGoes()
    {
        var vlans = SwitchPortVlans.For(new PortVlan { Mode = VmNetworkAdapterVlanMode.Access, AccessVlanId = 121 });

        Assert.Equal(
            "vlan del dev hntap1 vid 1-4094\n" +
            "vlan add dev hntap1 vid 121 pvid untagged\n",
            BridgeVlanBatch.Render("hntap1", self: false, vlans));
    }

    [Fact]
    public void Trunk_TagsTheAllowedRanges_ThenMakesTheNativeVlanThePvidUntagged()
    {
        var vlans = SwitchPortVlans.For(new PortVlan { Mode = VmNetworkAdapterVlanMode.Trunk, NativeVlanId = 10, AllowedVlanIds = VlanIdList.Parse("1-100,200") });

        Assert.Equal(
            "vlan del dev hntap1 vid 1-4094\n" +
            "vlan add dev hntap1 vid 1-100\n" +
            "vlan add dev hntap1 vid 200\n" +
            "vlan add dev hntap1 vid 10 pvid untagged\n",
            BridgeVlanBatch.Render("hntap1", self: false, vlans));
    }

    [Fact]
    public void TrunkWithoutNativeVlan_HasNoPvid_SoUntaggedFramesAreDropped()
    {
        var vlans = SwitchPortVlans.For(new PortVlan { Mode = VmNetworkAdapterVlanMode.Trunk, AllowedVlanIds = VlanIdList.Parse("30") });

        Assert.DoesNotContain("pvid", BridgeVlanBatch.Render("hntap1", self: false, vlans), StringComparison.Ordinal);
    }

    [Fact]
    public void HostPort_IsTheBridgeItself_WithSelf()
    {
        var vlans = SwitchPortVlans.For(new PortVlan { Mode = VmNetworkAdapterVlanMode.Access, AccessVlanId = 20 });

        Assert.Equal(
            "vlan del dev hnbr1 vid 1-4094 self\n" +
            "vlan add dev hnbr1 vid 20 pvid untagged self\n",
            BridgeVlanBatch.Render("hnbr1", self: true, vlans));
    }

    [Fact]
    public void Untagged_IsTheBridgesDefaultVlanOne() =>
        Assert.EndsWith("vlan add dev hntap1 vid 1 pvid untagged\n", BridgeVlanBatch.Render("hntap1", false, SwitchPortVlans.For(PortVlan.Untagged)), StringComparison.Ordinal);

    [Fact]
    public void Uplink_CarriesEveryVlanTagged_AndTheUntaggedOnesUntagged() =>
        Assert.Equal(
            "vlan del dev eth0 vid 1-4094\n" +
            "vlan add dev eth0 vid 1-4094\n" +
            "vlan add dev eth0 vid 1 pvid untagged\n",
            BridgeVlanBatch.Render("eth0", self: false, SwitchPortVlans.Uplink));

    [Fact]
    public void Render_RefusesAPortNameTheKernelWouldNot() =>
        Assert.ThrowsAny<ArgumentException>(() => BridgeVlanBatch.Render("no such name", self: false, []));
}
