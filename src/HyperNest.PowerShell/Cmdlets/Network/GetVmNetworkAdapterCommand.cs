using HyperNest.Model;
using HyperNest.PowerShell.Cmdlets.Vm;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Network;

[Cmdlet("Get", "VMNetworkAdapter", DefaultParameterSetName = ByVmName)]
public sealed class GetVmNetworkAdapterCommand : HyperNestCmdlet
{
    private const string ByVmName = "VMName";
    private const string ByVm = "VMObject";
    private const string ManagementOsSet = "ManagementOS";
    private const string AllSet = "All";

    [Parameter(ParameterSetName = ByVmName, Mandatory = true, Position = 0)]
    public string[]? VMName { get; set; }

    [Parameter(ParameterSetName = ByVm, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    public VirtualMachine[]? VM { get; set; }

    [Parameter(ParameterSetName = ManagementOsSet, Mandatory = true)]
    public SwitchParameter ManagementOS { get; set; }

    [Parameter(ParameterSetName = AllSet, Mandatory = true)]
    public SwitchParameter All { get; set; }

    /// <summary>Adapter name filter (wildcards).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    protected override void Process()
    {
        switch (ParameterSetName)
        {
            case ManagementOsSet:
                WriteFiltered(Virtualization.GetManagementOsNetworkAdapters());
                break;
            case AllSet:
                foreach (var vm in Virtualization.GetVms())
                {
                    WriteFiltered(Virtualization.GetVmNetworkAdapters(vm.Name));
                }

                WriteFiltered(Virtualization.GetManagementOsNetworkAdapters());
                break;
            default:
                VmNameResolver.ForEach(Virtualization, ParameterSetName == ByVm ? null : VMName, ParameterSetName == ByVm ? VM : null,
                    vmName => WriteFiltered(Virtualization.GetVmNetworkAdapters(vmName)), WriteError);
                break;
        }
    }

    private void WriteFiltered(IEnumerable<VmNetworkAdapter> adapters) =>
        WriteObjects(adapters.Where(a => Name is null || new WildcardPattern(Name, WildcardOptions.IgnoreCase).IsMatch(a.Name)));
}
