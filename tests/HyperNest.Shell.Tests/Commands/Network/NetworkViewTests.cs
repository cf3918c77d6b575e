using HyperNest.Model;
using HyperNest.Shell.Formatting;

namespace HyperNest.Shell.Tests.Commands.Network;

public class NetworkViewTests
{
    private static string Header(IEnumerable<object> items) => OutDefault.Render(items.ToList()).Split('\n')[1];

    [Fact]
    public void Render_VmSwitch_HyperVColumns()
    {
        Assert.Equal("Name  SwitchType NetAdapterInterfaceDescription", Header([NetworkHostRecorder.Switch("VmNAT")]).TrimEnd());
    }

    [Fact]
    public void Render_VmNetworkAdapter_ColumnsAndAddressList()
    {
        var adapter = NetworkHostRecorder.Adapter("x", "Lan", "VmNAT") with { Status = "Ok", IPAddresses = ["192.168.100.2", "fe80::2"] };

        var lines = OutDefault.Render([adapter]).Split('\n');

        Assert.Equal(["Name", "IsManagementOs", "VMName", "SwitchName", "MacAddress", "Status", "IPAddresses"], lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("{192.168.100.2, fe80::2}", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NetAdapter_WindowsColumns()
    {
        Assert.Equal(["Name", "InterfaceDescription", "ifIndex", "Status", "MacAddress", "LinkSpeed"],
            Header([NetworkHostRecorder.NetAdapter("Ethernet", 2, "eth0")]).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Render_NetIpAddressNatAndDns_Columns()
    {
        Assert.Equal(["IPAddress", "InterfaceAlias", "PrefixLength", "AddressFamily"],
            Header([NetworkHostRecorder.Address("10.0.0.4", "Ethernet", 2)]).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["Name", "ExternalIPInterfaceAddressPrefix", "InternalIPInterfaceAddressPrefix", "Active"],
            Header([new NetNat { Name = "LocalNAT", InternalIPInterfaceAddressPrefix = "192.168.100.0/24" }]).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["InterfaceAlias", "InterfaceIndex", "AddressFamily", "ServerAddresses"],
            Header([new DnsClientServerAddress { InterfaceAlias = "Ethernet", InterfaceIndex = 2, AddressFamily = "IPv4", ServerAddresses = ["10.0.0.53"] }]).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
