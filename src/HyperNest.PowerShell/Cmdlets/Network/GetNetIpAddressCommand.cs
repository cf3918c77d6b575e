using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Network;

[Cmdlet("Get", "NetIPAddress")]
public sealed class GetNetIpAddressCommand : HyperNestCmdlet
{
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string[]? IPAddress { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("ifAlias")]
    [ValidateNotNullOrEmpty]
    public string[]? InterfaceAlias { get; set; }

    [Parameter]
    [Alias("ifIndex")]
    [ValidateNotNullOrEmpty]
    public int[]? InterfaceIndex { get; set; }

    [Parameter]
    [ValidateSet("IPv4", "IPv6")]
    public string? AddressFamily { get; set; }

    protected override void Process()
    {
        var filter = new NetIpAddressFilter(IPAddress, InterfaceAlias, InterfaceIndex, AddressFamily);
        var found = Virtualization.GetNetIpAddresses().Where(filter.Matches).ToList();
        WriteObjects(found);
        if (found.Count == 0 && !filter.IsEmpty)
        {
            var (property, value) = filter.Described();
            WriteError(NamePatterns.NotFound("MSFT_NetIPAddress", property, value));
        }
    }
}
