using HyperNest.Model;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Vm;

[Cmdlet("Update", "VMVersion", DefaultParameterSetName = ByName, SupportsShouldProcess = true)]
public sealed class UpdateVmVersionCommand : VmActionCmdlet
{
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>HyperNest's extension: the version to upgrade to (default: the host's default).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Version { get; set; }

    protected override object? Act(string vmName)
    {
        VmConfigurationVersion? target = null;
        if (Version is not null && !VmConfigurationVersion.TryParse(Version, out target))
        {
            ThrowParameterError($"'{Version}' is not a configuration version. Get-VMHostSupportedVersion lists the ones this host supports.", "InvalidVersion");
        }

        return ShouldProcess(vmName) ? Virtualization.UpdateVmVersion(vmName, target) : null;
    }
}
