using HyperNest.Hosting;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Vm;

[Cmdlet("Set", "VMProcessor", DefaultParameterSetName = ByName, SupportsShouldProcess = true)]
public sealed class SetVmProcessorCommand : VmSettingsCmdlet
{
    [Parameter]
    [ValidateNotNull]
    public int? Count { get; set; }

    [Parameter]
    [ValidateNotNull]
    public bool? ExposeVirtualizationExtensions { get; set; }

    [Parameter]
    public SwitchParameter Passthru { get; set; }

    protected override void Act(string vmName)
    {
        if (!ShouldProcess(vmName))
        {
            return;
        }

        var processor = Virtualization.SetVmProcessor(vmName, new SetProcessorRequest
        {
            Count = Count,
            ExposeVirtualizationExtensions = ExposeVirtualizationExtensions,
        });
        if (Passthru)
        {
            WriteObject(processor);
        }
    }
}
