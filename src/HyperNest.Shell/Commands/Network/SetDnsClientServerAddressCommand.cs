using HyperNest.Hosting;
using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Network;

/// <summary>
/// Set-DnsClientServerAddress: -ServerAddresses replaces the interface's list, -ResetServerAddresses empties
/// it. Exactly one of the two is required; that is a binding check (Windows makes them separate sets).
/// </summary>
[Cmdlet("Set", "DnsClientServerAddress", DefaultParameterSetName = ByAlias, Synopsis = "Sets (or resets) the DNS servers of an interface; resolv.conf follows.")]
public sealed class SetDnsClientServerAddressCommand : Cmdlet
{
    private const string ByAlias = "ByAlias";
    private const string ByIndex = "ByIndex";

    [Parameter(ParameterSetName = ByAlias, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("ifAlias")]
    public string[]? InterfaceAlias { get; set; }

    [Parameter(ParameterSetName = ByIndex, Mandatory = true)]
    [Alias("ifIndex")]
    public int[]? InterfaceIndex { get; set; }

    [Parameter]
    public string[]? ServerAddresses { get; set; }

    [Parameter]
    public SwitchParameter ResetServerAddresses { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected internal override void ProcessRecord()
    {
        if ((ServerAddresses is not null) == ResetServerAddresses.IsPresent)
        {
            ThrowParameterError("Give either -ServerAddresses a,b or -ResetServerAddresses (one of them, not both).", "ServerAddressesOrReset");
        }

        IReadOnlyList<string> servers = ResetServerAddresses ? [] : ServerAddresses!;
        var selectors = ParameterSetName == ByIndex
            ? (InterfaceIndex ?? []).Select(NetInterfaceSelector.ByIndex)
            : (InterfaceAlias ?? []).Select(NetInterfaceSelector.ByAlias);
        foreach (var selector in selectors)
        {
            try
            {
                var result = Host.SetDnsClientServerAddresses(selector, servers);
                if (PassThru)
                {
                    WriteObject(result);
                }
            }
            catch (HostException ex)
            {
                WriteError(ex);
            }
        }
    }
}
