using HyperNest.Hosting;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Network;

/// <summary>
/// New-NetIPAddress on the interface named by -InterfaceAlias or -InterfaceIndex. A NetAdapter from the
/// pipeline (Get-NetAdapter "Ethernet" | New-NetIPAddress …) binds its InterfaceIndex/ifIndex by property
/// name; only the index takes pipeline input so one input never binds both ways to name the interface.
/// </summary>
[Cmdlet("New", "NetIPAddress", DefaultParameterSetName = ByAlias, SupportsShouldProcess = true)]
public sealed class NewNetIpAddressCommand : HyperNestCmdlet
{
    private const string ByAlias = "ByInterfaceAlias";
    private const string ByIndex = "ByInterfaceIndex";

    [Parameter(Mandatory = true, Position = 0)]
    public string IPAddress { get; set; } = "";

    [Parameter(ParameterSetName = ByAlias, Mandatory = true)]
    [Alias("ifAlias")]
    public string? InterfaceAlias { get; set; }

    [Parameter(ParameterSetName = ByIndex, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ifIndex")]
    public int? InterfaceIndex { get; set; }

    [Parameter]
    [Alias("Length")]
    [ValidateNotNull]
    public int? PrefixLength { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? DefaultGateway { get; set; }

    [Parameter]
    [ValidateSet("IPv4", "IPv6")]
    public string? AddressFamily { get; set; }

    protected override void Process()
    {
        var selector = ParameterSetName == ByIndex ? NetInterfaceSelector.ByIndex(InterfaceIndex!.Value) : NetInterfaceSelector.ByAlias(InterfaceAlias!);
        if (!ShouldProcess(IPAddress))
        {
            return;
        }

        WriteObjects(Virtualization.NewNetIpAddress(new NewNetIpAddressRequest
        {
            Interface = selector,
            IPAddress = IPAddress,
            PrefixLength = PrefixLength,
            DefaultGateway = DefaultGateway,
            AddressFamily = AddressFamilies.Normalize(AddressFamily),
        }));
    }
}
