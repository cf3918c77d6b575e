using HyperNest.Hosting;
using HyperNest.Model;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Network;

[Cmdlet("Get", "VMSwitch")]
public sealed class GetVmSwitchCommand : HyperNestCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("SwitchName")]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    /// <summary>Only switches of these types (Get-VMSwitch -SwitchType External).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public VmSwitchType[]? SwitchType { get; set; }

    protected override void Process()
    {
        if (Name is null || Name.Length == 0)
        {
            WriteObjects(Virtualization.GetVmSwitches().Where(OfRequestedType));
            return;
        }

        foreach (var pattern in Name)
        {
            if (!WildcardPattern.ContainsWildcardCharacters(pattern))
            {
                // The host's lookup gives Hyper-V's ObjectNotFound error for an unknown plain name.
                try
                {
                    var found = Virtualization.GetVmSwitch(pattern);
                    if (OfRequestedType(found))
                    {
                        WriteObject(found);
                    }
                }
                catch (HostException ex)
                {
                    WriteError(ex);
                }

                continue;
            }

            WriteObjects(Virtualization.GetVmSwitches().Where(s => NamePatterns.Matches([pattern], s.Name) && OfRequestedType(s)));
        }
    }

    private bool OfRequestedType(VmSwitch vmSwitch) => SwitchType is not { Length: > 0 } types || types.Contains(vmSwitch.SwitchType);
}
