using HyperNest.Hosting;
using HyperNest.Model;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Network;

/// <summary>
/// Remove-NetIPAddress by filters or NetIpAddress objects from the pipeline. The host removes one address
/// of one interface at a time, so the filters pick the addresses here and each goes to the host on its own.
/// Without any filter Windows would remove every address of the machine; that is refused.
/// </summary>
[Cmdlet("Remove", "NetIPAddress", DefaultParameterSetName = ByFilter, SupportsShouldProcess = true)]
public sealed class RemoveNetIpAddressCommand : HyperNestCmdlet
{
    private const string ByFilter = "Query";
    private const string ByObject = "InputObject";

    [Parameter(ParameterSetName = ByFilter, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string[]? IPAddress { get; set; }

    [Parameter(ParameterSetName = ByFilter)]
    [Alias("ifAlias")]
    [ValidateNotNullOrEmpty]
    public string[]? InterfaceAlias { get; set; }

    [Parameter(ParameterSetName = ByFilter)]
    [Alias("ifIndex")]
    [ValidateNotNullOrEmpty]
    public int[]? InterfaceIndex { get; set; }

    [Parameter(ParameterSetName = ByFilter)]
    [ValidateSet("IPv4", "IPv6")]
    public string? AddressFamily { get; set; }

    [Parameter(ParameterSetName = ByObject, Mandatory = true, ValueFromPipeline = true)]
    public NetIpAddress[]? InputObject { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void Process()
    {
        if (ParameterSetName == ByObject)
        {
            RemoveEach(InputObject ?? []);
            return;
        }

        var filter = new NetIpAddressFilter(IPAddress, InterfaceAlias, InterfaceIndex, AddressFamily);
        if (filter.IsEmpty)
        {
            ThrowParameterError(
                "Remove-NetIPAddress needs -IPAddress, -InterfaceAlias or -InterfaceIndex (or addresses from Get-NetIPAddress); without them it would remove every address of this machine.",
                "NoAddressFilter");
        }

        var matched = Virtualization.GetNetIpAddresses().Where(filter.Matches).ToList();
        if (matched.Count == 0)
        {
            var (property, value) = filter.Described();
            WriteError(NamePatterns.NotFound("MSFT_NetIPAddress", property, value));
            return;
        }

        RemoveEach(matched);
    }

    private void RemoveEach(IEnumerable<NetIpAddress> addresses)
    {
        foreach (var address in addresses)
        {
            if (!ShouldProcess($"{address.IPAddress} on '{address.InterfaceAlias}'"))
            {
                continue;
            }

            try
            {
                Virtualization.RemoveNetIpAddress(NetInterfaceSelector.ByAlias(address.InterfaceAlias), address.IPAddress);
                if (PassThru)
                {
                    WriteObject(address);
                }
            }
            catch (HostException ex)
            {
                WriteError(ex);
            }
        }
    }
}
