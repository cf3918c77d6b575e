using HyperNest.Hosting;
using HyperNest.Model;
using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Network;

[Cmdlet("Set", "VMNetworkAdapter", DefaultParameterSetName = ByName, Synopsis = "Changes a VM network adapter's port settings (MAC spoofing, DHCP and router guard) or its MAC address.")]
public sealed class SetVmNetworkAdapterCommand : VmNetworkAdapterCmdlet
{
    [Parameter(ParameterSetName = ByName, Position = 1)]
    [Alias("VMNetworkAdapterName")]
    public string? Name { get; set; }

    [Parameter]
    public OnOffState? MacAddressSpoofing { get; set; }

    [Parameter]
    public OnOffState? DhcpGuard { get; set; }

    [Parameter]
    public OnOffState? RouterGuard { get; set; }

    [Parameter]
    public string? StaticMacAddress { get; set; }

    [Parameter]
    public SwitchParameter DynamicMacAddress { get; set; }

    [Parameter]
    public SwitchParameter Passthru { get; set; }

    protected override string? AdapterName => Name;

    protected override void Act(VmNetworkAdapter adapter)
    {
        var changed = Host.SetVmNetworkAdapter(adapter.VMName, adapter.AdapterId, new SetVmNetworkAdapterRequest
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
