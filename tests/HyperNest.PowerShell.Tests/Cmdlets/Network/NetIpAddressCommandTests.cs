using HyperNest.Hosting;
using HyperNest.Model;
using HyperNest.PowerShell.Tests.TestSupport;
using ErrorCategory = System.Management.Automation.ErrorCategory;

namespace HyperNest.PowerShell.Tests.Cmdlets.Network;

public sealed class NetIpAddressCommandTests : NetworkSession
{
    public NetIpAddressCommandTests()
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
    public void NewNetIpAddress_AdapterFromPipeline_BindsItsInterfaceIndex()
    {
        Session.Succeeds("Get-NetAdapter \"vEthernet (VmNat)\" | New-NetIPAddress -IPAddress 192.168.100.1 -AddressFamily IPv4 -PrefixLength 24");

        var request = (NewNetIpAddressRequest)SingleChange("NewNetIpAddress")[0]!;
        Assert.Equal(new NewNetIpAddressRequest { Interface = NetInterfaceSelector.ByIndex(5), IPAddress = "192.168.100.1", PrefixLength = 24, AddressFamily = "IPv4" }, request);
    }

    [Fact]
    public void NewNetIpAddress_WithGateway_SendsGateway()
    {
        Session.Succeeds("Get-NetAdapter \"Ethernet\" | New-NetIPAddress -IPAddress 192.168.100.2 -DefaultGateway 192.168.100.1 -AddressFamily IPv4 -PrefixLength 24");

        var request = (NewNetIpAddressRequest)SingleChange("NewNetIpAddress")[0]!;
        Assert.Equal(new NewNetIpAddressRequest { Interface = NetInterfaceSelector.ByIndex(2), IPAddress = "192.168.100.2", PrefixLength = 24, DefaultGateway = "192.168.100.1", AddressFamily = "IPv4" }, request);
    }

    [Fact]
    public void NewNetIpAddress_InterfaceAliasAndLowerCaseFamily_ByAliasNormalised()
    {
        Session.Succeeds("New-NetIPAddress 10.1.0.1 -InterfaceAlias Ethernet -PrefixLength 16 -AddressFamily ipv4");

        var request = (NewNetIpAddressRequest)SingleChange("NewNetIpAddress")[0]!;
        Assert.Equal((NetInterfaceSelector.ByAlias("Ethernet"), "IPv4"), (request.Interface, request.AddressFamily));
    }

    [Fact]
    public void NewNetIpAddress_IfIndexAlias_ByIndex()
    {
        Session.Succeeds("New-NetIPAddress -IPAddress 10.1.0.1 -ifIndex 7 -PrefixLength 16");

        Assert.Equal(NetInterfaceSelector.ByIndex(7), ((NewNetIpAddressRequest)SingleChange("NewNetIpAddress")[0]!).Interface);
    }

    [Fact]
    public void NewNetIpAddress_NoInterface_MissingMandatoryInterfaceAlias()
    {
        var error = Session.Fails("New-NetIPAddress -IPAddress 10.1.0.1 -PrefixLength 16");

        Assert.Equal("MissingMandatoryParameter", error.ErrorId());
        Assert.Contains("InterfaceAlias", error.Message(), StringComparison.Ordinal);
        Assert.Empty(Host.Calls);
    }

    [Fact]
    public void NewNetIpAddress_BadFamily_ValidateSetError()
    {
        var error = Session.Fails("New-NetIPAddress -IPAddress 10.1.0.1 -InterfaceAlias Ethernet -AddressFamily IPv5");

        Assert.Equal(("ParameterArgumentValidationError", ErrorCategory.InvalidData), (error.ErrorId(), error.CategoryInfo.Category));
        Assert.Contains("\"IPv4,IPv6\"", error.Message(), StringComparison.Ordinal);
        Assert.Empty(Host.Calls);
    }

    [Fact]
    public void GetNetIpAddress_AliasAndFamily_Filters()
    {
        var addresses = Session.Succeeds("Get-NetIPAddress -InterfaceAlias Ethernet -AddressFamily IPv4").Cast<NetIpAddress>();

        Assert.Equal(["10.0.0.4"], addresses.Select(a => a.IPAddress));
    }

    [Fact]
    public void RemoveNetIpAddress_ByAddressWithConfirmFalse_RemovesOnItsInterface()
    {
        Session.Succeeds("Remove-NetIPAddress -IPAddress 192.168.100.1 -Confirm:$false");

        Assert.Equal([NetInterfaceSelector.ByAlias("vEthernet (VmNat)"), "192.168.100.1"], SingleChange("RemoveNetIpAddress"));
    }

    [Fact]
    public void RemoveNetIpAddress_ByInterfaceIndexAndFromPipeline_RemovesEachAddress()
    {
        Session.Succeeds("Remove-NetIPAddress -InterfaceIndex 2 -AddressFamily IPv6; Get-NetIPAddress -InterfaceAlias vEth* | Remove-NetIPAddress");

        Assert.Equal(["fe80::1", "192.168.100.1"], Host.Changes.Select(c => (string)c.Arguments[1]!));
    }

    [Fact]
    public void RemoveNetIpAddress_WhatIf_RemovesNothing()
    {
        Session.Succeeds("Remove-NetIPAddress -IPAddress 192.168.100.1 -WhatIf");

        Assert.Empty(Host.Changes);
    }

    [Fact]
    public void RemoveNetIpAddress_NoFilter_RefusedWithoutHostCall()
    {
        var error = Session.Fails("Remove-NetIPAddress -Confirm:$false");

        Assert.Equal(("NoAddressFilter", ErrorCategory.InvalidArgument), (error.ErrorId(), error.CategoryInfo.Category));
        Assert.Contains("would remove every address", error.Message(), StringComparison.Ordinal);
        Assert.Empty(Host.Calls);
    }

    [Fact]
    public void RemoveNetIpAddress_UnknownAddress_NotFoundAndNothingRemoved()
    {
        var error = Session.Fails("Remove-NetIPAddress -IPAddress 1.2.3.4");

        Assert.Contains("'IPAddress' equal to '1.2.3.4'", error.Message(), StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Empty(Host.Changes);
    }
}
