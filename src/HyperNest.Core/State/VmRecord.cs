using HyperNest.Model;

namespace HyperNest.State;

/// <summary>
/// One VM as the state store keeps it: its configuration plus what HyperNest last knew about its
/// QEMU process. Reconciliation compares this with the live process before every action.
/// </summary>
public sealed record VmRecord
{
    public required Guid Id { get; init; }

    public required string Name { get; init; }

    public int Generation { get; init; } = 1;

    public required VmConfigurationVersion Version { get; init; }

    public long MemoryStartupBytes { get; init; }

    public bool DynamicMemoryEnabled { get; init; }

    public long MemoryMinimumBytes { get; init; }

    public long MemoryMaximumBytes { get; init; }

    /// <summary>Dynamic Memory's buffer: percent of the guest's demand added to it (Hyper-V: 5 to 2000, default 20).</summary>
    public int MemoryBuffer { get; init; } = 20;

    /// <summary>Dynamic Memory's weight when the host's memory for VMs runs short (Hyper-V: 0 to 100, default 50).</summary>
    public int MemoryPriority { get; init; } = 50;

    /// <summary>Beyond Hyper-V: resize and balance this VM's memory even while a hypervisor runs in it (KVM copes).</summary>
    public bool ResizeWithNestedHypervisor { get; init; }

    /// <summary>
    /// The memory layout the VM's worker was started with (boot memory and hot-pluggable region), stored just
    /// before Start-VM launches it (a worker adopted after a killed Start-VM has it) and kept while it runs or
    /// is Saved: a restore needs the same devices, whatever Startup became since. Cleared when it ends; null
    /// for a worker started before HyperNest could resize memory.
    /// </summary>
    public MemoryLayout? WorkerMemory { get; init; }

    /// <summary>
    /// What the running worker's guest has now (boot memory plus what is plugged): the startup memory at
    /// start, then what a runtime resize or Dynamic Memory gave it. Kept while Saved (a restore plugs it
    /// again); cleared with <see cref="WorkerMemory"/>.
    /// </summary>
    public long? MemoryAssignedBytes { get; init; }

    public int ProcessorCount { get; init; } = 1;

    public bool ExposeVirtualizationExtensions { get; init; }

    public string? ImageName { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Last state HyperNest set: Off, Running, Paused or Saved (transitional states are never stored).</summary>
    public VmState State { get; init; } = VmState.Off;

    public int? Pid { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>Why the VM is in its state when that is not the user's doing, e.g. the worker process died.</summary>
    public string? StatusMessage { get; init; }

    public string? SavedStatePath { get; init; }

    public AcceleratorKind? Accelerator { get; init; }

    public string Notes { get; init; } = "";

    public StartAction AutomaticStartAction { get; init; } = StartAction.StartIfRunning;

    public StopAction AutomaticStopAction { get; init; } = StopAction.Save;

    /// <summary>Seconds.</summary>
    public int AutomaticStartDelay { get; init; }

    public bool AutomaticCheckpointsEnabled { get; init; } = true;

    /// <summary>
    /// Set-VMFirmware's boot order: ids of drives and network adapters, first to boot first. Empty: the
    /// default order (QEMU's, no bootindex). Devices added later boot after these, as Hyper-V appends them.
    /// </summary>
    public IReadOnlyList<Guid> BootOrder { get; init; } = [];

    /// <summary>Stored and shown only: the OVMF build HyperNest uses has no Secure Boot.</summary>
    public string SecureBootTemplate { get; init; } = "MicrosoftWindows";

    public IPProtocolPreference PreferredNetworkBootProtocol { get; init; } = IPProtocolPreference.IPv4;

    /// <summary>The VM's own folder when New-VM -Path chose it (&lt;Path&gt;/&lt;Name&gt;); null: under HYPERNEST_HOME (HostPaths.VmDirectory).</summary>
    public string? Folder { get; init; }
}
