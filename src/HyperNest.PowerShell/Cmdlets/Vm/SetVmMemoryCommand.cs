using HyperNest.Hosting;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Vm;

[Cmdlet("Set", "VMMemory", DefaultParameterSetName = ByName, SupportsShouldProcess = true)]
public sealed class SetVmMemoryCommand : VmSettingsCmdlet
{
    [Parameter]
    [ValidateNotNull]
    public long? StartupBytes { get; set; }

    [Parameter]
    [ValidateNotNull]
    public bool? DynamicMemoryEnabled { get; set; }

    [Parameter]
    [ValidateNotNull]
    public long? MinimumBytes { get; set; }

    [Parameter]
    [ValidateNotNull]
    public long? MaximumBytes { get; set; }

    [Parameter]
    [ValidateNotNull]
    public int? Buffer { get; set; }

    [Parameter]
    [ValidateNotNull]
    public int? Priority { get; set; }

    /// <summary>Beyond Hyper-V: resize this VM's memory even while a hypervisor runs inside it.</summary>
    [Parameter]
    [ValidateNotNull]
    public bool? ResizeWithNestedHypervisor { get; set; }

    [Parameter]
    public SwitchParameter Passthru { get; set; }

    protected override void Act(string vmName)
    {
        if (!ShouldProcess(vmName))
        {
            return;
        }

        var memory = Virtualization.SetVmMemory(vmName, new SetMemoryRequest
        {
            StartupBytes = StartupBytes,
            DynamicMemoryEnabled = DynamicMemoryEnabled,
            MinimumBytes = MinimumBytes,
            MaximumBytes = MaximumBytes,
            Buffer = Buffer,
            Priority = Priority,
            ResizeWithNestedHypervisor = ResizeWithNestedHypervisor,
        });
        if (Passthru)
        {
            WriteObject(memory);
        }
    }
}
