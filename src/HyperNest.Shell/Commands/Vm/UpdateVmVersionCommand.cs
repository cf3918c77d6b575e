using HyperNest.Model;
using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Vm;

[Cmdlet("Update", "VMVersion", DefaultParameterSetName = ByName, Synopsis = "Upgrades a virtual machine's configuration version (while Off; never downgrades).")]
public sealed class UpdateVmVersionCommand : VmActionCmdlet
{
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>HyperNest's extension: the version to upgrade to (default: the host's default).</summary>
    [Parameter]
    public string? Version { get; set; }

    protected override object? Act(string vmName)
    {
        VmConfigurationVersion? target = null;
        if (Version is not null && !VmConfigurationVersion.TryParse(Version, out target))
        {
            ThrowParameterError($"'{Version}' is not a configuration version. Get-VMHostSupportedVersion lists the ones this host supports.", "InvalidVersion");
        }

        return Host.UpdateVmVersion(vmName, target);
    }
}
