using HyperNest.Hosting;
using HyperNest.Model;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Network;

/// <summary>
/// Hyper-V's four parameter sets: -VMName, -VMNetworkAdapter objects, -VM objects
/// (Get-VM x | Set-VMNetworkAdapter …: every adapter of the VMs) and -ManagementOS (the host's adapters,
/// whose port settings the host refuses with what to do instead).
/// </summary>
[Cmdlet("Set", "VMNetworkAdapter", DefaultParameterSetName = ByName, SupportsShouldProcess = true)]
public sealed class SetVmNetworkAdapterCommand : VmNetworkAdapterCmdlet
{
    [Parameter(ParameterSetName = ByVm, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    public VirtualMachine[]? VM { get; set; }

    [Parameter(ParameterSetName = ManagementOs, Mandatory = true)]
    public SwitchParameter ManagementOS { get; set; }

    [Parameter(ParameterSetName = ByName, Position = 1)]
    [Parameter(ParameterSetName = ByVm)]
    [Parameter(ParameterSetName = ManagementOs)]
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

    [Parameter(ParameterSetName = ByName)]
    [Parameter(ParameterSetName = ByObject)]
    [Parameter(ParameterSetName = ByVm)]
    [ValidateNotNullOrEmpty]
    public string? StaticMacAddress { get; set; }

    [Parameter(ParameterSetName = ByName)]
    [Parameter(ParameterSetName = ByObject)]
    [Parameter(ParameterSetName = ByVm)]
    public SwitchParameter DynamicMacAddress { get; set; }

    [Parameter]
    public SwitchParameter Passthru { get; set; }

    protected override string? AdapterName => Name;

    protected override IEnumerable<VirtualMachine>? VmObjects => VM;

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
