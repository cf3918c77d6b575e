using HyperNest.Hosting;
using HyperNest.Model;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Vm;

/// <summary>
/// Base of the cmdlets that act on whole VMs named by -Name (alias -VMName, wildcards, by property name
/// from the pipeline) or given as -VM objects (by value from the pipeline, e.g. Get-VM x | Start-VM).
/// Each target is handled on its own: one VM's error does not stop the others.
/// </summary>
public abstract class VmActionCmdlet : HyperNestCmdlet
{
    protected const string ByName = "Name";
    protected const string ByObject = "VMObject";

    [Parameter(ParameterSetName = ByName, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("VMName")]
    public string[]? Name { get; set; }

    [Parameter(ParameterSetName = ByObject, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    public VirtualMachine[]? VM { get; set; }

    [Parameter]
    public SwitchParameter Passthru { get; set; }

    protected override void Process() =>
        VmNameResolver.ForEach(Virtualization, ParameterSetName == ByObject ? null : Name, ParameterSetName == ByObject ? VM : null, WriteActResult, WriteError);

    /// <summary>Acts on one VM; returns what -Passthru writes.</summary>
    protected abstract object? Act(string vmName);

    private void WriteActResult(string vmName)
    {
        if (Act(vmName) is { } result && Passthru)
        {
            WriteObject(result);
        }
    }
}
