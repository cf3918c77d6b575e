using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Network;

[Cmdlet("Get", "NetNat")]
public sealed class GetNetNatCommand : HyperNestCmdlet
{
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    protected override void Process()
    {
        var nats = Virtualization.GetNetNats();
        WriteObjects(nats.Where(n => NamePatterns.Matches(Name, n.Name)));
        foreach (var missing in NamePatterns.Unmatched(Name, nats.Select(n => n.Name)))
        {
            WriteError(NamePatterns.NotFound("MSFT_NetNat", "Name", missing));
        }
    }
}
