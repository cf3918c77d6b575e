using HyperNest.Hosting;
using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Vm;

[Cmdlet("Set", "VMMemory", DefaultParameterSetName = ByName, Synopsis = "Changes a virtual machine's memory settings (startup memory while Off).")]
public sealed class SetVmMemoryCommand : VmSettingsCmdlet
{
    [Parameter]
    public long? StartupBytes { get; set; }

    [Parameter]
    public bool? DynamicMemoryEnabled { get; set; }

    [Parameter]
    public long? MinimumBytes { get; set; }

    [Parameter]
    public long? MaximumBytes { get; set; }

    [Parameter]
    public SwitchParameter Passthru { get; set; }

    protected override void Act(string vmName)
    {
        var memory = Host.SetVmMemory(vmName, new SetMemoryRequest
        {
            StartupBytes = StartupBytes,
            DynamicMemoryEnabled = DynamicMemoryEnabled,
            MinimumBytes = MinimumBytes,
            MaximumBytes = MaximumBytes,
        });
        if (Passthru)
        {
            WriteObject(memory);
        }
    }
}
