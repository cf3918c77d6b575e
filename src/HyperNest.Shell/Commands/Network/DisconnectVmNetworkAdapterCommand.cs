using HyperNest.Model;
using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Network;

[Cmdlet("Disconnect", "VMNetworkAdapter", DefaultParameterSetName = ByName, Synopsis = "Disconnects VM network adapters from their switch.")]
public sealed class DisconnectVmNetworkAdapterCommand : VmNetworkAdapterCmdlet
{
    [Parameter(ParameterSetName = ByName, Position = 1)]
    [Alias("VMNetworkAdapterName")]
    public string? Name { get; set; }

    [Parameter]
    public SwitchParameter Passthru { get; set; }

    protected override string? AdapterName => Name;

    protected override void Act(VmNetworkAdapter adapter)
    {
        var disconnected = Host.DisconnectVmNetworkAdapter(adapter.VMName, adapter.AdapterId);
        if (Passthru)
        {
            WriteObject(disconnected);
        }
    }
}
