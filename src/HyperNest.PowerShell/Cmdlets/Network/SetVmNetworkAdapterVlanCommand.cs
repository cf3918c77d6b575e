using HyperNest.Hosting;
using HyperNest.Model;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Network;

/// <summary>
/// Set-VMNetworkAdapterVlan: one of -Untagged, -Access -VlanId, -Trunk -AllowedVlanIdList [-NativeVlanId]
/// per call (Hyper-V: the modes are mutually exclusive), for adapters named like Set-VMNetworkAdapter's or
/// the host's own (-ManagementOS). The host checks the IDs; this cmdlet only picks the mode.
/// </summary>
[Cmdlet("Set", "VMNetworkAdapterVlan", DefaultParameterSetName = ByName, SupportsShouldProcess = true)]
public sealed class SetVmNetworkAdapterVlanCommand : VmNetworkAdapterCmdlet
{
    [Parameter(ParameterSetName = ByVm, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    public VirtualMachine[]? VM { get; set; }

    [Parameter(ParameterSetName = ManagementOs, Mandatory = true)]
    public SwitchParameter ManagementOS { get; set; }

    [Parameter(ParameterSetName = ByName)]
    [Parameter(ParameterSetName = ByVm)]
    [Parameter(ParameterSetName = ManagementOs)]
    [ValidateNotNullOrEmpty]
    public string? VMNetworkAdapterName { get; set; }

    [Parameter]
    [Alias("u")]
    public SwitchParameter Untagged { get; set; }

    [Parameter]
    [Alias("a")]
    public SwitchParameter Access { get; set; }

    [Parameter]
    [Alias("AccessVlanId")]
    [ValidateNotNull]
    public int? VlanId { get; set; }

    [Parameter]
    [Alias("t")]
    public SwitchParameter Trunk { get; set; }

    [Parameter]
    [ValidateNotNull]
    public int? NativeVlanId { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? AllowedVlanIdList { get; set; }

    [Parameter]
    [Alias("i")]
    public SwitchParameter Isolated { get; set; }

    [Parameter]
    [Alias("c")]
    public SwitchParameter Community { get; set; }

    [Parameter]
    [Alias("p")]
    public SwitchParameter Promiscuous { get; set; }

    [Parameter]
    [ValidateNotNull]
    public int? PrimaryVlanId { get; set; }

    [Parameter]
    [ValidateNotNull]
    public int? SecondaryVlanId { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? SecondaryVlanIdList { get; set; }

    [Parameter]
    public SwitchParameter Passthru { get; set; }

    private VmNetworkAdapterVlanMode _mode;

    protected override string? AdapterName => VMNetworkAdapterName;

    protected override IEnumerable<VirtualMachine>? VmObjects => VM;

    protected override void BeginProcessing()
    {
        var privateVlan = Isolated || Community || Promiscuous
            || IsBound(nameof(PrimaryVlanId)) || IsBound(nameof(SecondaryVlanId)) || IsBound(nameof(SecondaryVlanIdList));
        var chosen = new (bool Given, string Name, VmNetworkAdapterVlanMode Mode)[]
        {
            (Untagged, "-Untagged", VmNetworkAdapterVlanMode.Untagged),
            (Access, "-Access", VmNetworkAdapterVlanMode.Access),
            (Trunk, "-Trunk", VmNetworkAdapterVlanMode.Trunk),
            (privateVlan, "a private VLAN mode", VmNetworkAdapterVlanMode.Private),
        }.Where(c => c.Given).ToList();

        switch (chosen.Count)
        {
            case 0:
                ThrowParameterError("Choose the port's VLAN mode: -Untagged, -Access -VlanId <id>, or -Trunk -AllowedVlanIdList <list> [-NativeVlanId <id>].");
                break;
            case > 1:
                ThrowParameterError($"{string.Join(" and ", chosen.Select(c => c.Name))} cannot be used together: Access, Trunk, private VLAN and Untagged modes are mutually exclusive. Choose one.");
                break;
        }

        _mode = chosen[0].Mode;
    }

    protected override void Act(VmNetworkAdapter adapter)
    {
        if (!ShouldProcess(Target(adapter)))
        {
            return;
        }

        // A management-OS adapter is named to the host by its switch: its AdapterId is the switch's id.
        var setting = Virtualization.SetVmNetworkAdapterVlan(adapter.IsManagementOs ? "" : adapter.VMName, adapter.AdapterId, new SetVlanRequest
        {
            Mode = _mode,
            VlanId = VlanId,
            NativeVlanId = NativeVlanId,
            AllowedVlanIdList = AllowedVlanIdList,
        });
        if (Passthru)
        {
            WriteObject(setting);
        }
    }
}
