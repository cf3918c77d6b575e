using HyperNest.Hosting;
using HyperNest.Model;
using HyperNest.PowerShell.Cmdlets.Vm;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.IntegrationServices;

/// <summary>
/// Base of Enable- and Disable-VMIntegrationService: services named by -Name (wildcards) of -VMName or
/// -VM objects, or given as -VMIntegrationService objects (Get-VMIntegrationService … | Enable-…). Each
/// service is changed on its own; a refusal becomes its error record and the rest still run.
/// </summary>
public abstract class VmIntegrationServiceChangeCmdlet : HyperNestCmdlet
{
    private const string ByVmName = "VMName";
    private const string ByVm = "VMObject";
    private const string ByObject = "ResourceObject";

    [Parameter(ParameterSetName = ByVmName, Mandatory = true, Position = 0)]
    [Parameter(ParameterSetName = ByVm, Mandatory = true, Position = 0)]
    public string[]? Name { get; set; }

    [Parameter(ParameterSetName = ByVmName, Mandatory = true, Position = 1)]
    public string[]? VMName { get; set; }

    [Parameter(ParameterSetName = ByVm, Mandatory = true, Position = 1, ValueFromPipeline = true)]
    public VirtualMachine[]? VM { get; set; }

    [Parameter(ParameterSetName = ByObject, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    public VmIntegrationComponent[]? VMIntegrationService { get; set; }

    [Parameter]
    public SwitchParameter Passthru { get; set; }

    /// <summary>True for Enable-, false for Disable-VMIntegrationService.</summary>
    protected abstract bool Enable { get; }

    protected override void Process()
    {
        if (ParameterSetName == ByObject)
        {
            foreach (var service in VMIntegrationService ?? [])
            {
                Change(service.VMName, service.Name);
            }

            return;
        }

        VmNameResolver.ForEach(Virtualization, ParameterSetName == ByVm ? null : VMName, ParameterSetName == ByVm ? VM : null, vmName =>
        {
            // Plain names go to the host as given, so an unknown one gets the host's error; wildcards pick from the VM's services.
            var wildcards = (Name ?? []).Where(WildcardPattern.ContainsWildcardCharacters).ToList();
            var matched = wildcards.Count == 0 ? [] : ServiceNames.Select(Virtualization.GetVmIntegrationServices(vmName), wildcards, vmName, WriteError).Select(s => s.Name);
            foreach (var name in (Name ?? []).Where(n => !WildcardPattern.ContainsWildcardCharacters(n)).Concat(matched).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                Change(vmName, name);
            }
        }, WriteError);
    }

    private void Change(string vmName, string name)
    {
        if (!ShouldProcess($"'{name}' of virtual machine '{vmName}'"))
        {
            return;
        }

        try
        {
            var changed = Virtualization.SetVmIntegrationService(vmName, name, Enable);
            if (Passthru)
            {
                WriteObject(changed);
            }
        }
        catch (HostException ex)
        {
            WriteError(ex);
        }
    }
}
