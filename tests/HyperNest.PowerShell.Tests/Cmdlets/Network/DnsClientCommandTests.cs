using HyperNest.Hosting;
using HyperNest.Model;
using HyperNest.PowerShell.Tests.TestSupport;

namespace HyperNest.PowerShell.Tests.Cmdlets.Network;

public sealed class DnsClientCommandTests : NetworkSession
{
    [Fact]
    public void SetDnsClientServerAddress_ServerList_Sent()
    {
        Session.Succeeds("Set-DnsClientServerAddress -InterfaceAlias Ethernet -ServerAddresses 10.0.0.53,1.1.1.1");

        var arguments = SingleChange("SetDnsClientServerAddresses");
        Assert.Equal(NetInterfaceSelector.ByAlias("Ethernet"), arguments[0]);
        Assert.Equal(["10.0.0.53", "1.1.1.1"], (IEnumerable<string>)arguments[1]!);
    }

    [Fact]
    public void SetDnsClientServerAddress_ResetByIndex_SendsEmptyList()
    {
        Session.Succeeds("Set-DnsClientServerAddress -InterfaceIndex 2 -ResetServerAddresses");

        var arguments = SingleChange("SetDnsClientServerAddresses");
        Assert.Equal(NetInterfaceSelector.ByIndex(2), arguments[0]);
        Assert.Empty((IEnumerable<string>)arguments[1]!);
    }

    [Fact]
    public void SetDnsClientServerAddress_NeitherServersNorReset_RefusedWithoutHostCall()
    {
        var error = Session.Fails("Set-DnsClientServerAddress -InterfaceAlias Ethernet");

        Assert.Equal("ServerAddressesOrReset", error.ErrorId());
        Assert.Contains("-ServerAddresses", error.Message(), StringComparison.Ordinal);
        Assert.Empty(Host.Calls);
    }

    [Fact]
    public void GetDnsClientServerAddress_AliasAndFamily_Filters()
    {
        Host.DnsServers.AddRange([
            new DnsClientServerAddress { InterfaceAlias = "Ethernet", InterfaceIndex = 2, AddressFamily = "IPv4", ServerAddresses = ["10.0.0.53"] },
            new DnsClientServerAddress { InterfaceAlias = "vEthernet (VmNat)", InterfaceIndex = 5, AddressFamily = "IPv4", ServerAddresses = [] },
        ]);

        var entry = Assert.IsType<DnsClientServerAddress>(Assert.Single(Session.Succeeds("Get-DnsClientServerAddress -InterfaceAlias Ethernet -AddressFamily IPv4")));

        Assert.Equal(2, entry.InterfaceIndex);
    }
}
