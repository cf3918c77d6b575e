using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.IntegrationServices;

[Cmdlet("Enable", "VMIntegrationService", DefaultParameterSetName = "VMName", SupportsShouldProcess = true)]
public sealed class EnableVmIntegrationServiceCommand : VmIntegrationServiceChangeCmdlet
{
    protected override bool Enable => true;
}
