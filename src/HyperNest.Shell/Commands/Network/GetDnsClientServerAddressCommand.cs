using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Network;

[Cmdlet("Get", "DnsClientServerAddress", Synopsis = "Gets the DNS servers configured for each interface.")]
public sealed class GetDnsClientServerAddressCommand : Cmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
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
        var entries = Host.GetDnsClientServerAddresses();
        WriteObjects(entries.Where(e =>
            NamePatterns.Matches(InterfaceAlias, e.InterfaceAlias)
            && (InterfaceIndex is null || InterfaceIndex.Length == 0 || InterfaceIndex.Contains(e.InterfaceIndex))
            && AddressFamilies.Matches(AddressFamily, e.AddressFamily)));
        foreach (var missing in NamePatterns.Unmatched(InterfaceAlias, entries.Select(e => e.InterfaceAlias)))
        {
            WriteError(NamePatterns.NotFound("MSFT_DNSClientServerAddress", "InterfaceAlias", missing, CommandName));
        }
    }
}
