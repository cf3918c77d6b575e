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

    public int ProcessorCount { get; init; } = 1;

    public bool ExposeVirtualizationExtensions { get; init; }

    public string? DiskPath { get; init; }

    /// <summary>HyperNest created the disk (New-VM -Image/-NewVHDPath), so Remove-VM deletes it.</summary>
    public bool DiskOwned { get; init; }

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
}
