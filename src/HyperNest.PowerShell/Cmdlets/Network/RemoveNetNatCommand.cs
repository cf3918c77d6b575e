using HyperNest.Hosting;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Network;

/// <summary>
/// Remove-NetNat; as documented for Windows, without -Name it removes every NAT (the usual
/// "Remove-NetNat -Confirm:$false" before recreating one). -Name takes wildcards, which the host does not,
/// so the matching names are listed here and removed one call each.
/// </summary>
[Cmdlet("Remove", "NetNat", SupportsShouldProcess = true)]
public sealed class RemoveNetNatCommand : HyperNestCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    protected override void Process()
    {
        var nats = Virtualization.GetNetNats();
        foreach (var missing in NamePatterns.Unmatched(Name, nats.Select(n => n.Name)))
        {
            WriteError(NamePatterns.NotFound("MSFT_NetNat", "Name", missing));
        }

        foreach (var nat in nats.Where(n => NamePatterns.Matches(Name, n.Name)))
        {
            if (!ShouldProcess(nat.Name))
            {
                continue;
            }

            try
            {
                Virtualization.RemoveNetNat(nat.Name);
            }
            catch (HostException ex)
            {
                WriteError(ex);
            }
        }
    }
}
