using HyperNest.Model;
using HyperNest.PowerShell.Tests.TestSupport;
using ErrorCategory = System.Management.Automation.ErrorCategory;

namespace HyperNest.PowerShell.Tests.Cmdlets.Network;

public sealed class NetAdapterCommandTests : NetworkSession
{
    public NetAdapterCommandTests()
    {
        Host.NetAdapters.AddRange([
            NetworkHostRecorder.NetAdapter("Ethernet", 2, "eth0"),
            NetworkHostRecorder.NetAdapter("vEthernet (VmNat)", 5, "hn-vmnat"),
        ]);
    }

    [Fact]
    public void GetNetAdapter_LowerCaseWildcard_MatchesCaseInsensitively()
    {
        var adapters = Session.Succeeds("Get-NetAdapter vethernet*").Cast<NetAdapter>();

        Assert.Equal(["vEthernet (VmNat)"], adapters.Select(a => a.Name));
    }

    [Fact]
    public void GetNetAdapter_IfIndexAlias_FiltersByIndex()
    {
        var adapters = Session.Succeeds("Get-NetAdapter -ifIndex 2").Cast<NetAdapter>();

        Assert.Equal(["Ethernet"], adapters.Select(a => a.Name));
    }

    [Fact]
    public void GetNetAdapter_UnknownPlainName_WindowsNotFoundError()
    {
        var error = Session.Fails("Get-NetAdapter Wifi");

        Assert.Equal("No MSFT_NetAdapter objects found with property 'Name' equal to 'Wifi'. Verify the value of the property and retry.", error.Message());
        Assert.Equal(("CmdletizationQuery_NotFound_Name", ErrorCategory.ObjectNotFound), (error.ErrorId(), error.CategoryInfo.Category));
    }

    [Fact]
    public void GetNetAdapter_UnmatchedWildcard_EmptyWithoutError()
    {
        Assert.Empty(Session.Succeeds("Get-NetAdapter Wi*"));
    }
}
