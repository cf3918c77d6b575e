using HyperNest.Model;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Network;

[Cmdlet("Disconnect", "VMNetworkAdapter", DefaultParameterSetName = ByName, SupportsShouldProcess = true)]
public sealed class DisconnectVmNetworkAdapterCommand : VmNetworkAdapterCmdlet
{
    [Parameter(ParameterSetName = ByName, Position = 1)]
    [Alias("VMNetworkAdapterName")]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    [Parameter]
    public SwitchParameter Passthru { get; set; }

    protected override string? AdapterName => Name;

    protected override void Act(VmNetworkAdapter adapter)
    {
        if (!ShouldProcess(Target(adapter)))
        {
            return;
        }

        var disconnected = Virtualization.DisconnectVmNetworkAdapter(adapter.VMName, adapter.AdapterId);
        if (Passthru)
        {
            WriteObject(disconnected);
        }
    }
}
