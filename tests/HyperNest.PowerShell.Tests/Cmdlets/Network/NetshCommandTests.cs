using HyperNest.Hosting;
using HyperNest.Model;
using HyperNest.PowerShell.Tests.TestSupport;
using ErrorCategory = System.Management.Automation.ErrorCategory;

namespace HyperNest.PowerShell.Tests.Cmdlets.Network;

public sealed class NetshCommandTests : NetworkSession
{
    [Theory]
    [InlineData("Netsh interface ip add dnsserver \"Ethernet\" address=10.0.0.53")]
    [InlineData("netsh interface ipv4 add dnsservers name=\"Ethernet\" address=10.0.0.53")]
    [InlineData("NETSH INT IP ADD DNS Ethernet 10.0.0.53")]
    [InlineData("Invoke-Netsh interface ip add dnsserver Ethernet ADDRESS=10.0.0.53")]
    public void Netsh_AddDnsServerForms_AddAtEnd(string line)
    {
        Session.Succeeds(line);

        Assert.Equal([NetInterfaceSelector.ByAlias("Ethernet"), "10.0.0.53", null], SingleChange("AddDnsClientServerAddress"));
    }

    [Fact]
    public void Netsh_AddWithIndex_SendsIndex()
    {
        Session.Succeeds("netsh interface ip add dnsserver \"Ethernet\" address=10.0.0.53 index=1");

        Assert.Equal(1, SingleChange("AddDnsClientServerAddress")[2]);
    }

    [Fact]
    public void Netsh_DeleteOne_WritesBackTheRest()
    {
        Host.DnsServers.Add(new DnsClientServerAddress { InterfaceAlias = "Ethernet", InterfaceIndex = 2, AddressFamily = "IPv4", ServerAddresses = ["10.0.0.53", "1.1.1.1"] });

        Session.Succeeds("netsh interface ip delete dnsserver \"Ethernet\" address=10.0.0.53");

        Assert.Equal(["1.1.1.1"], (IEnumerable<string>)SingleChange("SetDnsClientServerAddresses")[1]!);
    }

    [Fact]
    public void Netsh_DeleteAll_ResetsList()
    {
        Session.Succeeds("netsh interface ip delete dnsserver Ethernet all");

        Assert.Empty((IEnumerable<string>)SingleChange("SetDnsClientServerAddresses")[1]!);
    }

    [Fact]
    public void Netsh_DeleteUnlisted_ErrorAndNoChange()
    {
        var error = Session.Fails("netsh interface ip delete dnsserver Ethernet address=9.9.9.9");

        Assert.Equal("DnsServerNotListed", error.ErrorId());
        Assert.Contains("9.9.9.9 is not a DNS server of \"Ethernet\"", error.Message(), StringComparison.Ordinal);
        Assert.Empty(Host.Changes);
    }

    [Theory]
    [InlineData("netsh interface ip set dnsservers \"Ethernet\" static 10.0.0.53", new[] { "10.0.0.53" })]
    [InlineData("netsh interface ipv4 set dnsservers name=Ethernet source=static address=none", new string[0])]
    [InlineData("netsh interface ip set dns Ethernet dhcp", new string[0])]
    public void Netsh_SetDnsServers_ReplacesList(string line, string[] expected)
    {
        Session.Succeeds(line);

        var arguments = SingleChange("SetDnsClientServerAddresses");
        Assert.Equal(NetInterfaceSelector.ByAlias("Ethernet"), arguments[0]);
        Assert.Equal(expected, (IEnumerable<string>)arguments[1]!);
    }

    [Fact]
    public void Netsh_ShowDnsServers_WindowsLayout()
    {
        Host.DnsServers.AddRange([
            new DnsClientServerAddress { InterfaceAlias = "Ethernet", InterfaceIndex = 2, AddressFamily = "IPv4", ServerAddresses = ["10.0.0.53", "1.1.1.1"] },
            new DnsClientServerAddress { InterfaceAlias = "vEthernet (VmNat)", InterfaceIndex = 5, AddressFamily = "IPv4", ServerAddresses = [] },
        ]);

        var lines = Session.Succeeds("netsh interface ipv4 show dnsservers");

        Assert.Equal(
            [
                "",
                "Configuration for interface \"Ethernet\"",
                "    Statically Configured DNS Servers:    10.0.0.53",
                "                                          1.1.1.1",
                "    Register with which suffix:           Primary only",
                "",
                "Configuration for interface \"vEthernet (VmNat)\"",
                "    Statically Configured DNS Servers:    None",
                "    Register with which suffix:           Primary only",
                "",
            ],
            lines.Cast<string>());
    }

    [Fact]
    public void Netsh_ShowUnknownInterface_Error()
    {
        var error = Session.Fails("netsh interface ip show dnsservers name=Wifi");

        Assert.Equal(("NetshInterfaceNotFound", ErrorCategory.InvalidArgument), (error.ErrorId(), error.CategoryInfo.Category));
    }

    [Fact]
    public void Netsh_UnknownCommand_ListsWhatIsSupported()
    {
        var error = Session.Fails("netsh advfirewall set allprofiles state off");

        Assert.Equal("NetshCommandNotSupported", error.ErrorId());
        Assert.Contains("'advfirewall set allprofiles state off' is not supported", error.Message(), StringComparison.Ordinal);
        Assert.Contains("netsh interface ip add dnsserver", error.Message(), StringComparison.Ordinal);
        Assert.Empty(Host.Calls);
    }

    [Fact]
    public void Netsh_UnknownVerb_ListsWhatIsSupported()
    {
        var error = Session.Fails("netsh interface ip reset dnsservers Ethernet");

        Assert.Contains("is not supported", error.Message(), StringComparison.Ordinal);
        Assert.Empty(Host.Calls);
    }

    [Fact]
    public void Netsh_UnknownTag_NamesValidTags()
    {
        var error = Session.Fails("netsh interface ip add dnsserver Ethernet addr=1.1.1.1 colour=blue");

        Assert.Contains("'colour' is not a valid tag", error.Message(), StringComparison.Ordinal);
        Assert.Empty(Host.Calls);
    }

    [Fact]
    public void Netsh_HostRefusesDuplicate_HostsErrorIdAndCategory()
    {
        Host.Refuse["AddDnsClientServerAddress"] = new HostException("10.0.0.53 is already a DNS server of Ethernet.", HyperNest.Hosting.ErrorCategory.ResourceExists, "DnsServerExists");

        var error = Session.Fails("netsh interface ip add dnsserver Ethernet 10.0.0.53");

        Assert.Equal(("DnsServerExists", ErrorCategory.ResourceExists), (error.ErrorId(), error.CategoryInfo.Category));
        Assert.Equal("10.0.0.53 is already a DNS server of Ethernet.", error.Message());
    }
}
