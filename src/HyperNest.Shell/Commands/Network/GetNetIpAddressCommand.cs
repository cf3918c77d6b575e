using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Network;

[Cmdlet("Get", "NetIPAddress", Synopsis = "Gets the IP addresses of this machine's interfaces.")]
public sealed class GetNetIpAddressCommand : Cmdlet
{
    [Parameter(Position = 0)]
    public string[]? IPAddress { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("ifAlias")]
    public string[]? InterfaceAlias { get; set; }

    [Parameter]
    [Alias("ifIndex")]
    public int[]? InterfaceIndex { get; set; }

    [Parameter]
    [ValidateSet("IPv4", "IPv6")]
    public string? AddressFamily { get; set; }

    protected internal override void ProcessRecord()
    {
        var filter = new NetIpAddressFilter(IPAddress, InterfaceAlias, InterfaceIndex, AddressFamily);
        var found = Host.GetNetIpAddresses().Where(filter.Matches).ToList();
        WriteObjects(found);
        if (found.Count == 0 && !filter.IsEmpty)
        {
            var (property, value) = filter.Described();
            WriteError(NamePatterns.NotFound("MSFT_NetIPAddress", property, value, CommandName));
        }
    }
}
