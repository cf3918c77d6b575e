using HyperNest.Hosting;
using HyperNest.Model;

namespace HyperNest.Core.Tests.Hosting.Network;

public sealed class RenameVmNetworkAdapterRulesTests : IDisposable
{
    private readonly NetworkHostFixture _f = new();

    private VirtualizationHost Host => _f.Host;

    public void Dispose() => _f.Dispose();

    [Fact]
    public void Rename_WhileRunning_IsStoredAndKeepsTheAdapter()
    {
        _f.Internal("VmNAT");
        _f.Vm("L2", "VmNAT");
        Host.StartVm("L2");
        var before = _f.Adapter("L2");

        var renamed = Host.RenameVmNetworkAdapter("L2", before.AdapterId, "CoreNet");

        Assert.Equal("CoreNet", renamed.Name);
        var after = _f.Adapter("L2");
        Assert.Equal("CoreNet", after.Name);
        Assert.Equal(before.MacAddress, after.MacAddress);
        Assert.Equal("VmNAT", after.SwitchName);
        Assert.Equal("CoreNet", Assert.Single(Host.GetVm("L2").NetworkAdapters).Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Rename_EmptyName_IsRefused(string newName)
    {
        _f.Vm("L2", null);
        var adapter = _f.Adapter("L2");

        var error = Assert.Throws<HostException>(() => Host.RenameVmNetworkAdapter("L2", adapter.AdapterId, newName));

        Assert.Equal("InvalidParameter", error.ErrorId);
        Assert.Equal("Network Adapter", _f.Adapter("L2").Name);
    }

    [Fact]
    public void Rename_UnknownAdapter_IsRefused()
    {
        _f.Vm("L2", null);

        Assert.Throws<HostException>(() => Host.RenameVmNetworkAdapter("L2", Guid.NewGuid(), "x"));
    }

    [Fact]
    public void Rename_ManagementOsAdapter_IsRefusedWithWhatToDoInstead()
    {
        var error = Assert.Throws<HostException>(() => Host.RenameVmNetworkAdapter("", Guid.NewGuid(), "x"));

        Assert.Contains("management-OS adapter", error.Message, StringComparison.Ordinal);
    }
}
