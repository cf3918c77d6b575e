using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.IntegrationServices;

[Cmdlet("Disable", "VMIntegrationService", DefaultParameterSetName = "VMName", SupportsShouldProcess = true)]
public sealed class DisableVmIntegrationServiceCommand : VmIntegrationServiceChangeCmdlet
{
    protected override bool Enable => false;
}
