using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Network;

[Cmdlet("Get", "DnsClientServerAddress")]
public sealed class GetDnsClientServerAddressCommand : HyperNestCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
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
        var entries = Virtualization.GetDnsClientServerAddresses();
        WriteObjects(entries.Where(e =>
            NamePatterns.Matches(InterfaceAlias, e.InterfaceAlias)
            && (InterfaceIndex is null || InterfaceIndex.Length == 0 || InterfaceIndex.Contains(e.InterfaceIndex))
            && AddressFamilies.Matches(AddressFamily, e.AddressFamily)));
        foreach (var missing in NamePatterns.Unmatched(InterfaceAlias, entries.Select(e => e.InterfaceAlias)))
        {
            WriteError(NamePatterns.NotFound("MSFT_DNSClientServerAddress", "InterfaceAlias", missing));
        }
    }
}
