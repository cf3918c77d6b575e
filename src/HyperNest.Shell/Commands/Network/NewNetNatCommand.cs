using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Network;

[Cmdlet("New", "NetNat", Synopsis = "Creates a NAT that masquerades an internal prefix (e.g. 192.168.100.0/24) to the outside.")]
public sealed class NewNetNatCommand : Cmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    public string Name { get; set; } = "";

    [Parameter(Mandatory = true)]
    public string InternalIPInterfaceAddressPrefix { get; set; } = "";

    protected internal override void ProcessRecord() => WriteObject(Host.NewNetNat(Name, InternalIPInterfaceAddressPrefix));
}
