using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Network;

[Cmdlet("New", "NetNat", SupportsShouldProcess = true)]
public sealed class NewNetNatCommand : HyperNestCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    public string Name { get; set; } = "";

    [Parameter(Mandatory = true)]
    public string InternalIPInterfaceAddressPrefix { get; set; } = "";

    protected override void Process()
    {
        if (ShouldProcess(Name))
        {
            WriteObject(Virtualization.NewNetNat(Name, InternalIPInterfaceAddressPrefix));
        }
    }
}
