using HyperNest.Hosting;
using HyperNest.Model;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Network;

/// <summary>
/// Hyper-V's two ways to make a switch: -SwitchType Internal|Private, or -NetAdapterName for an External
/// one (where -SwitchType External may be repeated). Which combinations are valid is the host's rule.
/// </summary>
[Cmdlet("New", "VMSwitch", DefaultParameterSetName = TypeSet, SupportsShouldProcess = true)]
public sealed class NewVmSwitchCommand : HyperNestCmdlet
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
    [ValidateNotNull]
    public bool? AllowManagementOS { get; set; }

    [Parameter]
    [ValidateNotNull]
    [AllowEmptyString]
    public string? Notes { get; set; }

    protected override void Process()
    {
        if (!ShouldProcess(Name))
        {
            return;
        }

        WriteObject(Virtualization.NewVmSwitch(new NewVmSwitchRequest
        {
            Name = Name,
            SwitchType = SwitchType,
            NetAdapterName = NetAdapterName,
            AllowManagementOS = AllowManagementOS,
            Notes = Notes,
        }));
    }
}
