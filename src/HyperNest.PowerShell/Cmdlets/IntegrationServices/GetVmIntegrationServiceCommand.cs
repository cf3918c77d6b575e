using HyperNest.Model;
using HyperNest.PowerShell.Cmdlets.Vm;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.IntegrationServices;

[Cmdlet("Get", "VMIntegrationService", DefaultParameterSetName = ByVmName)]
[OutputType(typeof(VmIntegrationComponent))]
public sealed class GetVmIntegrationServiceCommand : HyperNestCmdlet
{
    private const string ByVmName = "VMName";
    private const string ByVm = "VMObject";

    [Parameter(ParameterSetName = ByVmName, Mandatory = true, Position = 0)]
    public string[]? VMName { get; set; }

    [Parameter(ParameterSetName = ByVm, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    public VirtualMachine[]? VM { get; set; }

    /// <summary>Service names (wildcards); all services without it.</summary>
    [Parameter(Position = 1)]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    protected override void Process() =>
        VmNameResolver.ForEach(Virtualization, ParameterSetName == ByVm ? null : VMName, ParameterSetName == ByVm ? VM : null, vmName =>
        {
            var services = Virtualization.GetVmIntegrationServices(vmName);
            WriteObjects(ServiceNames.Select(services, Name, vmName, WriteError));
        }, WriteError);
}
