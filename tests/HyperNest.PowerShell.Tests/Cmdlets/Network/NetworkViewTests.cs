using HyperNest.Model;
using HyperNest.PowerShell.Tests.TestSupport;

namespace HyperNest.PowerShell.Tests.Cmdlets.Network;

/// <summary>The default views HyperNest.format.ps1xml gives the network objects: Hyper-V's and Windows' columns.</summary>
public sealed class NetworkViewTests : NetworkSession
{
    [Fact]
    public void GetVmSwitch_DefaultView_HyperVColumns()
    {
        Host.Switches.Add(NetworkHostRecorder.Switch("VmNAT"));

        var text = Session.InvokeText("Get-VMSwitch");

        Assert.Equal(["Name", "SwitchType", "NetAdapterInterfaceDescription"], FormattedText.TableHeaders(text));
        Assert.StartsWith("VmNAT Internal", Assert.Single(FormattedText.TableRows(text)), StringComparison.Ordinal);
    }

    [Fact]
    public void GetVmNetworkAdapter_DefaultView_HyperVColumnsWithEveryAddress()
    {
        Host.Adapters.Add(NetworkHostRecorder.Adapter("x", "Lan", "VmNAT") with { Status = "Ok", IPAddresses = ["192.168.100.2", "fe80::2"] });

        var text = Session.InvokeText("Get-VMNetworkAdapter -VMName x");

        Assert.Equal(["Name", "IsManagementOs", "VMName", "SwitchName", "MacAddress", "Status", "IPAddresses"], FormattedText.TableHeaders(text));
        var row = Assert.Single(FormattedText.TableRows(text));
        Assert.Contains("192.168.100.2", row, StringComparison.Ordinal);
        Assert.Contains("fe80::2", row, StringComparison.Ordinal);
    }

    [Fact]
    public void GetNetAdapter_DefaultView_WindowsColumns()
    {
        Host.NetAdapters.Add(NetworkHostRecorder.NetAdapter("Ethernet", 2, "eth0"));

        var text = Session.InvokeText("Get-NetAdapter");

        Assert.Equal(["Name", "InterfaceDescription", "ifIndex", "Status", "MacAddress", "LinkSpeed"], FormattedText.TableHeaders(text));
    }

    [Fact]
    public void GetNetIpAddress_DefaultView_WindowsList()
    {
        Host.IpAddresses.Add(NetworkHostRecorder.Address("10.0.0.4", "Ethernet", 2));

        var text = Session.InvokeText("Get-NetIPAddress");

        Assert.Equal(
            ["IPAddress", "InterfaceIndex", "InterfaceAlias", "AddressFamily", "Type", "PrefixLength", "PrefixOrigin", "SuffixOrigin", "AddressState", "PolicyStore"],
            FormattedText.ListLabels(text));
        Assert.Equal("10.0.0.4", FormattedText.ListValue(text, "IPAddress"));
    }

    [Fact]
    public void GetNetNat_DefaultView_WindowsList()
    {
        Host.Nats.Add(new NetNat { Name = "LocalNAT", InternalIPInterfaceAddressPrefix = "192.168.100.0/24" });

        var text = Session.InvokeText("Get-NetNat");

        Assert.Equal(
            ["Name", "ExternalIPInterfaceAddressPrefix", "InternalIPInterfaceAddressPrefix", "IcmpQueryTimeout", "TcpEstablishedConnectionTimeout",
                "TcpTransientConnectionTimeout", "TcpFilteringBehavior", "UdpFilteringBehavior", "UdpIdleSessionTimeout", "UdpInboundRefresh", "Store", "Active"],
            FormattedText.ListLabels(text));
        Assert.Equal("192.168.100.0/24", FormattedText.ListValue(text, "InternalIPInterfaceAddressPrefix"));
    }

    [Fact]
    public void GetDnsClientServerAddress_DefaultView_WindowsColumns()
    {
        Host.DnsServers.Add(new DnsClientServerAddress { InterfaceAlias = "Ethernet", InterfaceIndex = 2, AddressFamily = "IPv4", ServerAddresses = ["10.0.0.53", "1.1.1.1"] });

        var text = Session.InvokeText("Get-DnsClientServerAddress");

        Assert.Equal(["InterfaceAlias", "Interface", "Index", "Address", "Family", "ServerAddresses"], FormattedText.TableHeaders(text));
        Assert.Contains("10.0.0.53, 1.1.1.1", Assert.Single(FormattedText.TableRows(text)), StringComparison.Ordinal);
    }
}
