using HyperNest.Hosting;
using HyperNest.Model;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Vm;

/// <summary>
/// Set-VM with Hyper-V's parameters. The settings go to the host in one call per VM (all or nothing);
/// the parameters that mean nothing on QEMU are accepted with a warning so lab scripts run unchanged.
/// </summary>
[Cmdlet("Set", "VM", DefaultParameterSetName = ByName, SupportsShouldProcess = true)]
[OutputType(typeof(VirtualMachine))]
public sealed class SetVmCommand : VmActionCmdlet
{
    [Parameter]
    [ValidateNotNull]
    public long? ProcessorCount { get; set; }

    [Parameter]
    [ValidateNotNull]
    public long? MemoryStartupBytes { get; set; }

    [Parameter]
    public SwitchParameter DynamicMemory { get; set; }

    [Parameter]
    public SwitchParameter StaticMemory { get; set; }

    [Parameter]
    [ValidateNotNull]
    public long? MemoryMinimumBytes { get; set; }

    [Parameter]
    [ValidateNotNull]
    public long? MemoryMaximumBytes { get; set; }

    [Parameter]
    [AllowEmptyString]
    [ValidateNotNull]
    public string? Notes { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? NewVMName { get; set; }

    [Parameter]
    [ValidateNotNull]
    public StartAction? AutomaticStartAction { get; set; }

    [Parameter]
    [ValidateNotNull]
    public StopAction? AutomaticStopAction { get; set; }

    [Parameter]
    [ValidateNotNull]
    public int? AutomaticStartDelay { get; set; }

    [Parameter]
    [ValidateNotNull]
    public bool? AutomaticCheckpointsEnabled { get; set; }

    // Hyper-V parameters with no meaning on QEMU: accepted, with a warning (BeginProcessing).

    [Parameter]
    [ValidateNotNull]
    public bool? GuestControlledCacheTypes { get; set; }

    [Parameter]
    [ValidateNotNull]
    public uint? LowMemoryMappedIoSpace { get; set; }

    [Parameter]
    [ValidateNotNull]
    public ulong? HighMemoryMappedIoSpace { get; set; }

    [Parameter]
    [ValidateNotNull]
    public CriticalErrorAction? AutomaticCriticalErrorAction { get; set; }

    [Parameter]
    [ValidateNotNull]
    public int? AutomaticCriticalErrorActionTimeout { get; set; }

    [Parameter]
    [ValidateNotNull]
    public OnOffState? LockOnDisconnect { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? SnapshotFileLocation { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? SmartPagingFilePath { get; set; }

    [Parameter]
    [ValidateNotNull]
    public CheckpointType? CheckpointType { get; set; }

    [Parameter]
    public SwitchParameter AllowUnverifiedPaths { get; set; }

    protected override void BeginProcessing()
    {
        if (DynamicMemory && StaticMemory)
        {
            ThrowParameterError("-DynamicMemory and -StaticMemory contradict each other: give one of them.", "InvalidParameter");
        }

        WarnIgnored(nameof(GuestControlledCacheTypes), "QEMU's virtio devices have no guest-controlled cache types.");
        WarnIgnored(nameof(LowMemoryMappedIoSpace), "QEMU sizes the guest's MMIO space itself.");
        WarnIgnored(nameof(HighMemoryMappedIoSpace), "QEMU sizes the guest's MMIO space itself.");
        WarnIgnored(nameof(AutomaticCriticalErrorAction), "QEMU's disk error policy applies when storage fails.");
        WarnIgnored(nameof(AutomaticCriticalErrorActionTimeout), "QEMU's disk error policy applies when storage fails.");
        WarnIgnored(nameof(LockOnDisconnect), "there is no Virtual Machine Connection session to lock; Get-VMConsole reads the serial console.");
        WarnIgnored(nameof(SnapshotFileLocation), "checkpoints are not supported yet, and every VM's files stay under HYPERNEST_HOME.");
        WarnIgnored(nameof(SmartPagingFilePath), "there is no smart paging: a VM always gets its full startup memory.");
        WarnIgnored(nameof(CheckpointType), "checkpoints are not supported yet.");
        WarnIgnored(nameof(AllowUnverifiedPaths), "HyperNest keeps every VM's files under HYPERNEST_HOME and verifies no paths.");
    }

    protected override object? Act(string vmName) => ShouldProcess(vmName) ? Virtualization.SetVm(vmName, Request()) : null;

    private SetVmRequest Request() => new()
    {
        // Hyper-V types ProcessorCount as Int64; anything beyond Int32 is more than any host has, so the
        // host's "more processors than this host has" refusal answers it.
        ProcessorCount = ProcessorCount is { } count ? (int)Math.Clamp(count, int.MinValue, int.MaxValue) : null,
        MemoryStartupBytes = MemoryStartupBytes,
        DynamicMemoryEnabled = DynamicMemory ? true : StaticMemory ? false : null,
        MemoryMinimumBytes = MemoryMinimumBytes,
        MemoryMaximumBytes = MemoryMaximumBytes,
        Notes = Notes,
        NewName = NewVMName,
        AutomaticStartAction = AutomaticStartAction,
        AutomaticStopAction = AutomaticStopAction,
        AutomaticStartDelay = AutomaticStartDelay,
        AutomaticCheckpointsEnabled = AutomaticCheckpointsEnabled,
    };
}
