using HyperNest.Hosting;
using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Network;

[Cmdlet("Get", "VMSwitch", Synopsis = "Gets the virtual switches; names may use wildcards.")]
public sealed class GetVmSwitchCommand : Cmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("SwitchName")]
    public string[]? Name { get; set; }

    protected internal override void ProcessRecord()
    {
        if (Name is null || Name.Length == 0)
        {
            WriteObjects(Host.GetVmSwitches());
            return;
        }

        foreach (var pattern in Name)
        {
            if (!Engine.WildcardPattern.ContainsWildcards(pattern))
            {
                // The host's lookup gives Hyper-V's ObjectNotFound error for an unknown plain name.
                try
                {
                    WriteObject(Host.GetVmSwitch(pattern));
                }
                catch (HostException ex)
                {
                    WriteError(ex);
                }

                continue;
            }

            WriteObjects(Host.GetVmSwitches().Where(s => NamePatterns.Matches([pattern], s.Name)));
        }
    }
}
