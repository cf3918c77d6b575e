using HyperNest.Model;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Network;

[Cmdlet("Connect", "VMNetworkAdapter", DefaultParameterSetName = ByName, SupportsShouldProcess = true)]
public sealed class ConnectVmNetworkAdapterCommand : VmNetworkAdapterCmdlet
{
    [Parameter(ParameterSetName = ByName, Position = 1)]
    [Alias("VMNetworkAdapterName")]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    [Parameter(Mandatory = true, Position = 2)]
    public string SwitchName { get; set; } = "";

    [Parameter]
    public SwitchParameter Passthru { get; set; }

    protected override string? AdapterName => Name;

    protected override void Act(VmNetworkAdapter adapter)
    {
        if (!ShouldProcess(Target(adapter)))
        {
            return;
        }

        var connected = Virtualization.ConnectVmNetworkAdapter(adapter.VMName, adapter.AdapterId, SwitchName);
        if (Passthru)
        {
            WriteObject(connected);
        }
    }
}
