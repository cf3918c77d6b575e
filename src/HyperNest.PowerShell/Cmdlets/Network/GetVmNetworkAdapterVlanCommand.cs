using HyperNest.Model;
using HyperNest.PowerShell.Cmdlets.Vm;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Network;

/// <summary>Get-VMNetworkAdapterVlan: without arguments, every adapter of every VM (Hyper-V's Example 1).</summary>
[Cmdlet("Get", "VMNetworkAdapterVlan", DefaultParameterSetName = ByVmName)]
[OutputType(typeof(VmNetworkAdapterVlanSetting))]
public sealed class GetVmNetworkAdapterVlanCommand : HyperNestCmdlet
{
    private const string ByVmName = "VMName";
    private const string ByVm = "VMObject";
    private const string ByAdapter = "ResourceObject";
    private const string ManagementOsSet = "ManagementOS";

    [Parameter(ParameterSetName = ByVmName, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string[]? VMName { get; set; }

    [Parameter(ParameterSetName = ByVm, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    public VirtualMachine[]? VM { get; set; }

    [Parameter(ParameterSetName = ByAdapter, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    public VmNetworkAdapter[]? VMNetworkAdapter { get; set; }

    [Parameter(ParameterSetName = ManagementOsSet, Mandatory = true)]
    public SwitchParameter ManagementOS { get; set; }

    [Parameter(ParameterSetName = ByVmName)]
    [Parameter(ParameterSetName = ByVm)]
    [Parameter(ParameterSetName = ManagementOsSet)]
    [ValidateNotNullOrEmpty]
    public string? VMNetworkAdapterName { get; set; }

    protected override void Process()
    {
        switch (ParameterSetName)
        {
            case ManagementOsSet:
                WriteFiltered(Virtualization.GetVmNetworkAdapterVlans(null));
                break;
            case ByAdapter:
                foreach (var adapter in VMNetworkAdapter ?? [])
                {
                    var settings = Virtualization.GetVmNetworkAdapterVlans(adapter.IsManagementOs ? null : adapter.VMName);
                    WriteObjects(settings.Where(s => s.ParentAdapter.AdapterId == adapter.AdapterId));
                }

                break;
            default:
                var names = ParameterSetName == ByVm ? null : VMName ?? ["*"];
                VmNameResolver.ForEach(Virtualization, names, ParameterSetName == ByVm ? VM : null,
                    vmName => WriteFiltered(Virtualization.GetVmNetworkAdapterVlans(vmName)), WriteError);
                break;
        }
    }

    private void WriteFiltered(IEnumerable<VmNetworkAdapterVlanSetting> settings) => WriteObjects(settings.Where(s =>
        VMNetworkAdapterName is null || new WildcardPattern(VMNetworkAdapterName, WildcardOptions.IgnoreCase).IsMatch(s.AdapterName)));
}
