using HyperNest.Model;
using HyperNest.Network.Dns;
using HyperNest.Shell.Commands.Network;

namespace HyperNest.Shell.Formatting;

/// <summary>
/// Default views of the network result types, with the columns Windows' format data shows for them
/// (Get-VMSwitch, Get-VMNetworkAdapter, Get-NetAdapter, Get-NetIPAddress …). DefaultViews includes them.
/// </summary>
public static class NetworkViews
{
    public static IEnumerable<TypeView> All()
    {
        yield return ViewBuilder.Table<VmSwitch>()
            .Column("Name", s => s.Name)
            .Column("SwitchType", s => s.SwitchType)
            .Column("NetAdapterInterfaceDescription", s => s.NetAdapterInterfaceDescription)
            .Build();

        yield return ViewBuilder.Table<VmNetworkAdapter>()
            .Column("Name", a => a.Name)
            .Column("IsManagementOs", a => a.IsManagementOs)
            .Column("VMName", a => a.VMName)
            .Column("SwitchName", a => a.SwitchName)
            .Column("MacAddress", a => a.MacAddress)
            .Column("Status", a => a.Status)
            .Column("IPAddresses", a => a.IPAddresses)
            .Build();

        yield return ViewBuilder.Table<NetAdapter>()
            .Column("Name", a => a.Name)
            .Column("InterfaceDescription", a => a.InterfaceDescription)
            .Column("ifIndex", a => a.ifIndex, ColumnAlignment.Right)
            .Column("Status", a => a.Status)
            .Column("MacAddress", a => a.MacAddress)
            .Column("LinkSpeed", a => a.LinkSpeed, ColumnAlignment.Right)
            .Build();

        yield return ViewBuilder.Table<NetIpAddress>()
            .Column("IPAddress", a => a.IPAddress)
            .Column("InterfaceAlias", a => a.InterfaceAlias)
            .Column("PrefixLength", a => a.PrefixLength, ColumnAlignment.Right)
            .Column("AddressFamily", a => a.AddressFamily)
            .Build();

        yield return ViewBuilder.Table<NetNat>()
            .Column("Name", n => n.Name)
            .Column("ExternalIPInterfaceAddressPrefix", n => n.ExternalIPInterfaceAddressPrefix)
            .Column("InternalIPInterfaceAddressPrefix", n => n.InternalIPInterfaceAddressPrefix)
            .Column("Active", n => n.Active)
            .Build();

        yield return ViewBuilder.Table<DnsClientServerAddress>()
            .Column("InterfaceAlias", d => d.InterfaceAlias)
            .Column("InterfaceIndex", d => d.InterfaceIndex, ColumnAlignment.Right)
            .Column("AddressFamily", d => d.AddressFamily)
            .Column("ServerAddresses", d => d.ServerAddresses)
            .Build();

        yield return ViewBuilder.Table<PingResult>()
            .Column("Ping", p => p.Ping, ColumnAlignment.Right)
            .Column("Source", p => p.Source)
            .Column("Address", p => p.Address)
            .Column("Latency(ms)", p => p.Latency, ColumnAlignment.Right)
            .Column("BufferSize(B)", p => p.BufferSize, ColumnAlignment.Right)
            .Column("Status", p => p.Status)
            .Build();

        yield return ViewBuilder.Table<DnsRecord>()
            .Column("Name", r => r.Name)
            .Column("Type", r => r.Type)
            .Column("TTL", r => r.TTL, ColumnAlignment.Right)
            .Column("Section", r => r.Section)
            .Column("IPAddress", r => r.IPAddress ?? r.NameHost)
            .Build();

        yield return ViewBuilder.List<WebResponseObject>()
            .Column("StatusCode", r => r.StatusCode)
            .Column("StatusDescription", r => r.StatusDescription)
            .Column("Content", r => r.Content.Length > 200 ? r.Content[..200] + "..." : r.Content)
            .Column("RawContentLength", r => r.RawContentLength)
            .Build();
    }
}
