using HyperNest.Hosting;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Network;

/// <summary>
/// Set-DnsClientServerAddress: -ServerAddresses replaces the interface's list, -ResetServerAddresses empties
/// it. Exactly one of the two is required; that is a binding check (Windows makes them separate sets).
/// </summary>
[Cmdlet("Set", "DnsClientServerAddress", DefaultParameterSetName = ByAlias, SupportsShouldProcess = true)]
public sealed class SetDnsClientServerAddressCommand : HyperNestCmdlet
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
    [ValidateNotNullOrEmpty]
    public string[]? ServerAddresses { get; set; }

    [Parameter]
    public SwitchParameter ResetServerAddresses { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void Process()
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
            if (!ShouldProcess(selector.ToString()))
            {
                continue;
            }

            try
            {
                var result = Virtualization.SetDnsClientServerAddresses(selector, servers);
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
