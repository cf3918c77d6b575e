using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Vm;

[Cmdlet("Get", "VMHostSupportedVersion", Synopsis = "Lists the virtual machine configuration versions this host supports.")]
public sealed class GetVmHostSupportedVersionCommand : Cmdlet
{
    [Parameter]
    public SwitchParameter Default { get; set; }

    protected internal override void ProcessRecord()
    {
        var versions = Host.GetSupportedVersions();
        WriteObjects(Default ? versions.Where(v => v.IsDefault) : versions);
    }
}
