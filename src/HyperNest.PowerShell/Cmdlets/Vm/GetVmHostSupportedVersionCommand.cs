using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Vm;

[Cmdlet("Get", "VMHostSupportedVersion")]
public sealed class GetVmHostSupportedVersionCommand : HyperNestCmdlet
{
    [Parameter]
    public SwitchParameter Default { get; set; }

    protected override void Process()
    {
        var versions = Virtualization.GetSupportedVersions();
        WriteObjects(Default ? versions.Where(v => v.IsDefault) : versions);
    }
}
