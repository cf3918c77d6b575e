using HyperNest.Hosting;
using HyperNest.Model;
using HyperNest.PowerShell.Cmdlets.Vm;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Network;

[Cmdlet("Add", "VMNetworkAdapter", DefaultParameterSetName = ByVmName, SupportsShouldProcess = true)]
public sealed class AddVmNetworkAdapterCommand : HyperNestCmdlet
{
    private const string ByVmName = "VMName";
    private const string ByVm = "VMObject";

    [Parameter(ParameterSetName = ByVmName, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public string[]? VMName { get; set; }

    [Parameter(ParameterSetName = ByVm, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    public VirtualMachine[]? VM { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? SwitchName { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? StaticMacAddress { get; set; }

    [Parameter]
    public SwitchParameter Passthru { get; set; }

    protected override void Process()
    {
        var request = new AddVmNetworkAdapterRequest { Name = Name, SwitchName = SwitchName, StaticMacAddress = StaticMacAddress };
        VmNameResolver.ForEach(Virtualization, ParameterSetName == ByVm ? null : VMName, ParameterSetName == ByVm ? VM : null, vmName =>
        {
            if (!ShouldProcess(vmName))
            {
                return;
            }

            var adapter = Virtualization.AddVmNetworkAdapter(vmName, request);
            if (Passthru)
            {
                WriteObject(adapter);
            }
        }, WriteError);
    }
}
