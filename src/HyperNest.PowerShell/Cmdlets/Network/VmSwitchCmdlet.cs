using HyperNest.Hosting;
using HyperNest.Model;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Network;

/// <summary>
/// Base of Remove-/Rename-VMSwitch: the switch is named by -Name or given as -VMSwitch objects
/// (Get-VMSwitch x | Remove-VMSwitch). Each switch is handled on its own, so one refusal does not stop the rest.
/// </summary>
public abstract class VmSwitchCmdlet : HyperNestCmdlet
{
    protected const string ByName = "SwitchName";
    protected const string ByObject = "SwitchObject";

    [Parameter(ParameterSetName = ByName, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("SwitchName")]
    public string[]? Name { get; set; }

    [Parameter(ParameterSetName = ByObject, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    public VmSwitch[]? VMSwitch { get; set; }

    protected override void Process()
    {
        var names = ParameterSetName == ByObject ? (VMSwitch ?? []).Select(s => s.Name) : Name ?? [];
        foreach (var name in names)
        {
            try
            {
                Act(name);
            }
            catch (HostException ex)
            {
                WriteError(ex);
            }
        }
    }

    protected abstract void Act(string switchName);
}
