using HyperNest.Hosting;
using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Network;

/// <summary>
/// Remove-NetNat; as documented for Windows, without -Name it removes every NAT (the usual
/// "Remove-NetNat -Confirm:$false" before recreating one). -Name takes wildcards, which the host does not,
/// so the matching names are listed here and removed one call each.
/// </summary>
[Cmdlet("Remove", "NetNat", Synopsis = "Removes NATs by name (wildcards); without -Name removes all of them.")]
public sealed class RemoveNetNatCommand : Cmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    public string[]? Name { get; set; }

    protected internal override void ProcessRecord()
    {
        var nats = Host.GetNetNats();
        foreach (var missing in NamePatterns.Unmatched(Name, nats.Select(n => n.Name)))
        {
            WriteError(NamePatterns.NotFound("MSFT_NetNat", "Name", missing, CommandName));
        }

        foreach (var nat in nats.Where(n => NamePatterns.Matches(Name, n.Name)))
        {
            try
            {
                Host.RemoveNetNat(nat.Name);
            }
            catch (HostException ex)
            {
                WriteError(ex);
            }
        }
    }
}
