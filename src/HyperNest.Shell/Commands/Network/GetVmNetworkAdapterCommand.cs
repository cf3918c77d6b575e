using HyperNest.Model;
using HyperNest.Shell.Commands.Vm;
using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Network;

[Cmdlet("Get", "VMNetworkAdapter", DefaultParameterSetName = ByVmName, Synopsis = "Gets the network adapters of VMs (-VMName), of this host on its switches (-ManagementOS), or all of them (-All).")]
public sealed class GetVmNetworkAdapterCommand : Cmdlet
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
    public string? Name { get; set; }

    protected internal override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case ManagementOsSet:
                WriteFiltered(Host.GetManagementOsNetworkAdapters());
                break;
            case AllSet:
                foreach (var vm in Host.GetVms())
                {
                    WriteFiltered(Host.GetVmNetworkAdapters(vm.Name));
                }

                WriteFiltered(Host.GetManagementOsNetworkAdapters());
                break;
            default:
                VmNameResolver.ForEach(Host, ParameterSetName == ByVm ? null : VMName, ParameterSetName == ByVm ? VM : null,
                    vmName => WriteFiltered(Host.GetVmNetworkAdapters(vmName)), WriteError);
                break;
        }
    }

    private void WriteFiltered(IEnumerable<VmNetworkAdapter> adapters) =>
        WriteObjects(adapters.Where(a => Name is null || new WildcardPattern(Name).IsMatch(a.Name)));
}
