using HyperNest.Model;
using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Network;

[Cmdlet("Connect", "VMNetworkAdapter", DefaultParameterSetName = ByName, Synopsis = "Connects VM network adapters to a virtual switch (or moves them to it).")]
public sealed class ConnectVmNetworkAdapterCommand : VmNetworkAdapterCmdlet
{
    [Parameter(ParameterSetName = ByName, Position = 1)]
    [Alias("VMNetworkAdapterName")]
    public string? Name { get; set; }

    [Parameter(Mandatory = true, Position = 2)]
    public string SwitchName { get; set; } = "";

    [Parameter]
    public SwitchParameter Passthru { get; set; }

    protected override string? AdapterName => Name;

    protected override void Act(VmNetworkAdapter adapter)
    {
        var connected = Host.ConnectVmNetworkAdapter(adapter.VMName, adapter.AdapterId, SwitchName);
        if (Passthru)
        {
            WriteObject(connected);
        }
    }
}
