using HyperNest.Hosting;
using HyperNest.Model;

namespace HyperNest.Shell.Tests.Commands.Network;

public sealed class NetIpCommandTests : NetworkShell
{
    public NetIpCommandTests()
    {
        Host.NetAdapters.AddRange([
            NetworkHostRecorder.NetAdapter("Ethernet", 2, "eth0"),
            NetworkHostRecorder.NetAdapter("vEthernet (VmNat)", 5, "hn-vmnat"),
        ]);
        Host.IpAddresses.AddRange([
            NetworkHostRecorder.Address("10.0.0.4", "Ethernet", 2),
            NetworkHostRecorder.Address("fe80::1", "Ethernet", 2, 64),
            NetworkHostRecorder.Address("192.168.100.1", "vEthernet (VmNat)", 5),
        ]);
    }

    [Fact]
    public void NewNetIpAddress_SeedLineFromSwitchAdapter_BindsItsInterfaceIndex()
    {
        Succeeds("Get-NetAdapter \"vEthernet (VmNat)\" | New-NetIPAddress -IPAddress 192.168.100.1 -AddressFamily IPv4 -PrefixLength 24");

        var request = (NewNetIpAddressRequest)SingleChange("NewNetIpAddress")[0]!;
        Assert.Equal(new NewNetIpAddressRequest { Interface = NetInterfaceSelector.ByIndex(5), IPAddress = "192.168.100.1", PrefixLength = 24, AddressFamily = "IPv4" }, request);
    }

    [Fact]
    public void NewNetIpAddress_SeedLineWithGateway_SendsGateway()
    {
        Succeeds("Get-NetAdapter \"Ethernet\" | New-NetIPAddress -IPAddress 192.168.100.2 -DefaultGateway 192.168.100.1 -AddressFamily IPv4 -PrefixLength 24");

        var request = (NewNetIpAddressRequest)SingleChange("NewNetIpAddress")[0]!;
        Assert.Equal(new NewNetIpAddressRequest { Interface = NetInterfaceSelector.ByIndex(2), IPAddress = "192.168.100.2", PrefixLength = 24, DefaultGateway = "192.168.100.1", AddressFamily = "IPv4" }, request);
    }

    [Fact]
    public void NewNetIpAddress_InterfaceAliasAndLowerCaseFamily_ByAliasNormalised()
    {
        Succeeds("New-NetIPAddress 10.1.0.1 -InterfaceAlias Ethernet -PrefixLength 16 -AddressFamily ipv4");

        var request = (NewNetIpAddressRequest)SingleChange("NewNetIpAddress")[0]!;
        Assert.Equal((NetInterfaceSelector.ByAlias("Ethernet"), "IPv4"), (request.Interface, request.AddressFamily));
    }

    [Fact]
    public void NewNetIpAddress_IfIndexAlias_ByIndex()
    {
        Succeeds("New-NetIPAddress -IPAddress 10.1.0.1 -ifIndex 7 -PrefixLength 16");

        Assert.Equal(NetInterfaceSelector.ByIndex(7), ((NewNetIpAddressRequest)SingleChange("NewNetIpAddress")[0]!).Interface);
    }

    [Fact]
    public void NewNetIpAddress_NoInterface_MissingInterfaceAlias()
    {
        var error = Fails("New-NetIPAddress -IPAddress 10.1.0.1 -PrefixLength 16");

        Assert.Equal("MissingMandatoryParameter", error.ErrorId);
        Assert.Contains("InterfaceAlias", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NewNetIpAddress_BadFamily_ValidateSetError()
    {
        var error = Fails("New-NetIPAddress -IPAddress 10.1.0.1 -InterfaceAlias Ethernet -AddressFamily IPv5");

        Assert.Equal("ParameterArgumentValidationError", error.ErrorId);
        Assert.Empty(Host.Calls);
    }

    [Fact]
    public void GetNetAdapter_NameIsCaseInsensitiveWildcard()
    {
        var result = Succeeds("Get-NetAdapter vethernet*");

        Assert.Equal(["vEthernet (VmNat)"], result.Output.Cast<NetAdapter>().Select(a => a.Name));
    }

    [Fact]
    public void GetNetAdapter_ByIfIndexAlias_FiltersByIndex()
    {
        var result = Succeeds("Get-NetAdapter -ifIndex 2");

        Assert.Equal(["Ethernet"], result.Output.Cast<NetAdapter>().Select(a => a.Name));
    }

    [Fact]
    public void GetNetAdapter_UnknownPlainName_WindowsNotFoundWording()
    {
        var error = Fails("Get-NetAdapter Wifi");

        Assert.Equal("No MSFT_NetAdapter objects found with property 'Name' equal to 'Wifi'. Verify the value of the property and retry.", error.Message);
    }

    [Fact]
    public void GetNetIpAddress_AliasAndFamily_Filters()
    {
        var result = Succeeds("Get-NetIPAddress -InterfaceAlias Ethernet -AddressFamily IPv4");

        Assert.Equal(["10.0.0.4"], result.Output.Cast<NetIpAddress>().Select(a => a.IPAddress));
    }

    [Fact]
    public void RemoveNetIpAddress_ByAddressWithConfirmFalse_RemovesOnItsInterface()
    {
        Succeeds("Remove-NetIPAddress -IPAddress 192.168.100.1 -Confirm:$false");

        Assert.Equal([NetInterfaceSelector.ByAlias("vEthernet (VmNat)"), "192.168.100.1"], SingleChange("RemoveNetIpAddress"));
    }

    [Fact]
    public void RemoveNetIpAddress_ByInterfaceIndexAndPipeline_RemovesEachAddress()
    {
        Succeeds("Remove-NetIPAddress -InterfaceIndex 2 -AddressFamily IPv6; Get-NetIPAddress -InterfaceAlias vEth* | Remove-NetIPAddress");

        Assert.Equal(["fe80::1", "192.168.100.1"], Host.Changes.Select(c => (string)c.Arguments[1]!));
    }

    [Fact]
    public void RemoveNetIpAddress_NoFilter_RefusedWithoutHostCall()
    {
        var error = Fails("Remove-NetIPAddress -Confirm:$false");

        Assert.Contains("would remove every address", error.Message, StringComparison.Ordinal);
        Assert.Empty(Host.Changes);
    }

    [Fact]
    public void RemoveNetIpAddress_UnknownAddress_NotFound()
    {
        var error = Fails("Remove-NetIPAddress -IPAddress 1.2.3.4");

        Assert.Contains("'IPAddress' equal to '1.2.3.4'", error.Message, StringComparison.Ordinal);
        Assert.Empty(Host.Changes);
    }

    [Fact]
    public void NewNetNat_SeedLineWithEnDashes_SendsNameAndPrefix()
    {
        Succeeds("New-NetNat –Name LocalNAT –InternalIPInterfaceAddressPrefix \"192.168.100.0/24\"");

        Assert.Equal(["LocalNAT", "192.168.100.0/24"], SingleChange("NewNetNat"));
    }

    [Fact]
    public void NewNetNat_NoPrefix_MissingMandatory()
    {
        var error = Fails("New-NetNat -Name LocalNAT");

        Assert.Contains("InternalIPInterfaceAddressPrefix", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RemoveNetNat_NoName_RemovesEveryNat()
    {
        Host.Nats.AddRange([new NetNat { Name = "A", InternalIPInterfaceAddressPrefix = "10.1.0.0/24" }, new NetNat { Name = "B", InternalIPInterfaceAddressPrefix = "10.2.0.0/24" }]);

        Succeeds("Remove-NetNat -Confirm:$false");

        Assert.Equal(["A", "B"], Host.Changes.Select(c => (string)c.Arguments[0]!));
    }

    [Fact]
    public void RemoveNetNat_ByNameAndGetNetNatFilter()
    {
        Host.Nats.AddRange([new NetNat { Name = "A", InternalIPInterfaceAddressPrefix = "10.1.0.0/24" }, new NetNat { Name = "B", InternalIPInterfaceAddressPrefix = "10.2.0.0/24" }]);

        var got = Succeeds("Get-NetNat b");
        Succeeds("Remove-NetNat -Name A");

        Assert.Equal("B", Assert.IsType<NetNat>(Assert.Single(got.Output)).Name);
        Assert.Equal(["A"], SingleChange("RemoveNetNat"));
    }

    [Fact]
    public void SetDnsClientServerAddress_ServerList_Sent()
    {
        Succeeds("Set-DnsClientServerAddress -InterfaceAlias Ethernet -ServerAddresses 10.0.0.53,1.1.1.1");

        var arguments = SingleChange("SetDnsClientServerAddresses");
        Assert.Equal(NetInterfaceSelector.ByAlias("Ethernet"), arguments[0]);
        Assert.Equal(["10.0.0.53", "1.1.1.1"], (IEnumerable<string>)arguments[1]!);
    }

    [Fact]
    public void SetDnsClientServerAddress_ResetByIndex_SendsEmptyList()
    {
        Succeeds("Set-DnsClientServerAddress -InterfaceIndex 2 -ResetServerAddresses");

        var arguments = SingleChange("SetDnsClientServerAddresses");
        Assert.Equal(NetInterfaceSelector.ByIndex(2), arguments[0]);
        Assert.Empty((IEnumerable<string>)arguments[1]!);
    }

    [Fact]
    public void SetDnsClientServerAddress_NeitherServersNorReset_Refused()
    {
        var error = Fails("Set-DnsClientServerAddress -InterfaceAlias Ethernet");

        Assert.Contains("-ServerAddresses", error.Message, StringComparison.Ordinal);
        Assert.Empty(Host.Calls);
    }

    [Fact]
    public void GetDnsClientServerAddress_AliasFilter()
    {
        Host.DnsServers.AddRange([
            new DnsClientServerAddress { InterfaceAlias = "Ethernet", InterfaceIndex = 2, AddressFamily = "IPv4", ServerAddresses = ["10.0.0.53"] },
            new DnsClientServerAddress { InterfaceAlias = "vEthernet (VmNat)", InterfaceIndex = 5, AddressFamily = "IPv4", ServerAddresses = [] },
        ]);

        var result = Succeeds("Get-DnsClientServerAddress -InterfaceAlias Ethernet -AddressFamily IPv4");

        Assert.Equal(2, Assert.IsType<DnsClientServerAddress>(Assert.Single(result.Output)).InterfaceIndex);
    }
}
