using HyperNest.Hosting;
using HyperNest.Model;
using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Network;

/// <summary>
/// Hyper-V's two ways to make a switch: -SwitchType Internal|Private, or -NetAdapterName for an External
/// one (where -SwitchType External may be repeated). Which combinations are valid is the host's rule.
/// </summary>
[Cmdlet("New", "VMSwitch", DefaultParameterSetName = TypeSet, Synopsis = "Creates a virtual switch: Internal, Private, or External bound to a host network adapter.")]
public sealed class NewVmSwitchCommand : Cmdlet
{
    private const string TypeSet = "SwitchType";
    private const string AdapterSet = "NetAdapterName";

    [Parameter(Mandatory = true, Position = 0)]
    [Alias("SwitchName")]
    public string Name { get; set; } = "";

    [Parameter(ParameterSetName = TypeSet, Mandatory = true)]
    [Parameter(ParameterSetName = AdapterSet)]
    public VmSwitchType? SwitchType { get; set; }

    [Parameter(ParameterSetName = AdapterSet, Mandatory = true)]
    [Alias("InterfaceAlias")]
    public string? NetAdapterName { get; set; }

    [Parameter]
    public bool? AllowManagementOS { get; set; }

    [Parameter]
    public string? Notes { get; set; }

    protected internal override void ProcessRecord() =>
        WriteObject(Host.NewVmSwitch(new NewVmSwitchRequest
        {
            Name = Name,
            SwitchType = SwitchType,
            NetAdapterName = NetAdapterName,
            AllowManagementOS = AllowManagementOS,
            Notes = Notes,
        }));
}
