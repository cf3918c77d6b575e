using HyperNest.Hosting;
using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Vm;

[Cmdlet("Get", "VM", Synopsis = "Gets the virtual machines on this host; names may use wildcards.")]
public sealed class GetVmCommand : Cmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("VMName")]
    public string[]? Name { get; set; }

    protected internal override void ProcessRecord()
    {
        if (Name is null || Name.Length == 0)
        {
            WriteObjects(Host.GetVms());
            return;
        }

        VmNameResolver.ForEach(Host, Name, null, name => WriteObject(Host.GetVm(name)), WriteError);
    }
}
