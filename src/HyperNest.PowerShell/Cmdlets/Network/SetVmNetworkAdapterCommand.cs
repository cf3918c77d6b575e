using HyperNest.Hosting;
using HyperNest.Model;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Network;

[Cmdlet("Set", "VMNetworkAdapter", DefaultParameterSetName = ByName, SupportsShouldProcess = true)]
public sealed class SetVmNetworkAdapterCommand : VmNetworkAdapterCmdlet
{
    [Parameter(ParameterSetName = ByName, Position = 1)]
    [Alias("VMNetworkAdapterName")]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    [Parameter]
    [ValidateNotNull]
    public OnOffState? MacAddressSpoofing { get; set; }

    [Parameter]
    [ValidateNotNull]
    public OnOffState? DhcpGuard { get; set; }

    [Parameter]
    [ValidateNotNull]
    public OnOffState? RouterGuard { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? StaticMacAddress { get; set; }

    [Parameter]
    public SwitchParameter DynamicMacAddress { get; set; }

    [Parameter]
    public SwitchParameter Passthru { get; set; }

    protected override string? AdapterName => Name;

    protected override void Act(VmNetworkAdapter adapter)
    {
        if (!ShouldProcess(Target(adapter)))
        {
            return;
        }

        var changed = Virtualization.SetVmNetworkAdapter(adapter.VMName, adapter.AdapterId, new SetVmNetworkAdapterRequest
        {
            MacAddressSpoofing = MacAddressSpoofing,
            DhcpGuard = DhcpGuard,
            RouterGuard = RouterGuard,
            StaticMacAddress = StaticMacAddress,
            DynamicMacAddress = DynamicMacAddress,
        });
        if (Passthru)
        {
            WriteObject(changed);
        }
    }
}
