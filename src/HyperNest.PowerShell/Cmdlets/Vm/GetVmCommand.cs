using HyperNest.Hosting;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Vm;

[Cmdlet("Get", "VM")]
public sealed class GetVmCommand : HyperNestCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("VMName")]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    protected override void Process()
    {
        if (Name is null || Name.Length == 0)
        {
            WriteObjects(Virtualization.GetVms());
            return;
        }

        VmNameResolver.ForEach(Virtualization, Name, null, name => WriteObject(Virtualization.GetVm(name)), WriteError);
    }
}
