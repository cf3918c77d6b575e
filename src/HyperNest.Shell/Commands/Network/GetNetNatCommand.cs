using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Network;

[Cmdlet("Get", "NetNat", Synopsis = "Gets the NATs; names may use wildcards.")]
public sealed class GetNetNatCommand : Cmdlet
{
    [Parameter(Position = 0)]
    public string[]? Name { get; set; }

    protected internal override void ProcessRecord()
    {
        var nats = Host.GetNetNats();
        WriteObjects(nats.Where(n => NamePatterns.Matches(Name, n.Name)));
        foreach (var missing in NamePatterns.Unmatched(Name, nats.Select(n => n.Name)))
        {
            WriteError(NamePatterns.NotFound("MSFT_NetNat", "Name", missing, CommandName));
        }
    }
}
