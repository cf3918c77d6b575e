using HyperNest.Hosting;
using HyperNest.Model;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Vm;

/// <summary>
/// Base of the cmdlets on a VM's devices and settings (Get-/Set-VMProcessor, Get-/Set-VMMemory …), which
/// Hyper-V addresses with -VMName (by property name from the pipeline) or -VM objects (by value).
/// </summary>
public abstract class VmSettingsCmdlet : HyperNestCmdlet
{
    protected const string ByName = "VMName";
    protected const string ByObject = "VMObject";

    [Parameter(ParameterSetName = ByName, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Name")]
    public string[]? VMName { get; set; }

    [Parameter(ParameterSetName = ByObject, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    public VirtualMachine[]? VM { get; set; }

    protected override void Process() =>
        VmNameResolver.ForEach(Virtualization, ParameterSetName == ByObject ? null : VMName, ParameterSetName == ByObject ? VM : null, Act, WriteError);

    protected abstract void Act(string vmName);
}
