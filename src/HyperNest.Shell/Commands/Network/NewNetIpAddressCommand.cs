using HyperNest.Hosting;
using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Network;

/// <summary>
/// New-NetIPAddress on the interface named by -InterfaceAlias or -InterfaceIndex. A NetAdapter from the
/// pipeline (Get-NetAdapter "Ethernet" | New-NetIPAddress …) binds its InterfaceIndex/ifIndex by property
/// name; only the index takes pipeline input so one input never binds both ways to name the interface.
/// </summary>
[Cmdlet("New", "NetIPAddress", DefaultParameterSetName = ByAlias, Synopsis = "Adds an IP address (and a default gateway) to one of this machine's interfaces; it is kept across reboots.")]
public sealed class NewNetIpAddressCommand : Cmdlet
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
    public int? PrefixLength { get; set; }

    [Parameter]
    public string? DefaultGateway { get; set; }

    [Parameter]
    [ValidateSet("IPv4", "IPv6")]
    public string? AddressFamily { get; set; }

    protected internal override void ProcessRecord()
    {
        var selector = ParameterSetName == ByIndex ? NetInterfaceSelector.ByIndex(InterfaceIndex!.Value) : NetInterfaceSelector.ByAlias(InterfaceAlias!);
        WriteObjects(Host.NewNetIpAddress(new NewNetIpAddressRequest
        {
            Interface = selector,
            IPAddress = IPAddress,
            PrefixLength = PrefixLength,
            DefaultGateway = DefaultGateway,
            AddressFamily = AddressFamilies.Normalize(AddressFamily),
        }));
    }
}
