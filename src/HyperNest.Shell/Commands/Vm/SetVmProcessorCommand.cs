using HyperNest.Hosting;
using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Vm;

[Cmdlet("Set", "VMProcessor", DefaultParameterSetName = ByName, Synopsis = "Changes a virtual machine's processor count or exposes virtualization extensions to it (while Off).")]
public sealed class SetVmProcessorCommand : VmSettingsCmdlet
{
    [Parameter]
    public int? Count { get; set; }

    [Parameter]
    public bool? ExposeVirtualizationExtensions { get; set; }

    [Parameter]
    public SwitchParameter Passthru { get; set; }

    protected override void Act(string vmName)
    {
        var processor = Host.SetVmProcessor(vmName, new SetProcessorRequest
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
