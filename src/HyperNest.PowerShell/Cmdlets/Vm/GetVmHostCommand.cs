using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Vm;

[Cmdlet("Get", "VMHost")]
public sealed class GetVmHostCommand : HyperNestCmdlet
{
    protected override void Process() => WriteObject(Virtualization.GetHost());
}
