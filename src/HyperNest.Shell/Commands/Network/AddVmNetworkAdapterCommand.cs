using HyperNest.Hosting;
using HyperNest.Model;
using HyperNest.Shell.Commands.Vm;
using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Network;

[Cmdlet("Add", "VMNetworkAdapter", DefaultParameterSetName = ByVmName, Synopsis = "Adds a network adapter to a VM that is off, optionally connected to a switch.")]
public sealed class AddVmNetworkAdapterCommand : Cmdlet
{
    private const string ByVmName = "VMName";
    private const string ByVm = "VMObject";

    [Parameter(ParameterSetName = ByVmName, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public string[]? VMName { get; set; }

    [Parameter(ParameterSetName = ByVm, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    public VirtualMachine[]? VM { get; set; }

    [Parameter]
    public string? Name { get; set; }

    [Parameter]
    public string? SwitchName { get; set; }

    [Parameter]
    public string? StaticMacAddress { get; set; }

    [Parameter]
    public SwitchParameter Passthru { get; set; }

    protected internal override void ProcessRecord()
    {
        var request = new AddVmNetworkAdapterRequest { Name = Name, SwitchName = SwitchName, StaticMacAddress = StaticMacAddress };
        VmNameResolver.ForEach(Host, ParameterSetName == ByVm ? null : VMName, ParameterSetName == ByVm ? VM : null, vmName =>
        {
            var adapter = Host.AddVmNetworkAdapter(vmName, request);
            if (Passthru)
            {
                WriteObject(adapter);
            }
        }, WriteError);
    }
}
