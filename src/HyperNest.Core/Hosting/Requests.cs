using HyperNest.Model;

namespace HyperNest.Hosting;

/// <summary>New-VM's inputs. Exactly one disk source: an image, a new VHD, an existing VHD, or none.</summary>
public sealed record NewVmRequest
{
    public required string Name { get; init; }

    public long MemoryStartupBytes { get; init; } = 512L * 1024 * 1024;

    public int Generation { get; init; } = 1;

    public VmConfigurationVersion? Version { get; init; }

    public string? Image { get; init; }

    public bool NoVhd { get; init; }

    public string? NewVhdPath { get; init; }

    public long? NewVhdSizeBytes { get; init; }

    public string? VhdPath { get; init; }

    public string? SwitchName { get; init; }

    public string? Path { get; init; }

    /// <summary>What the VM boots first; null keeps the default order.</summary>
    public BootDevice? BootDevice { get; init; }
}

/// <summary>How Stop-VM ends a VM (Hyper-V: default shutdown, -Force, -TurnOff, -Save).</summary>
public enum StopMode
{
    /// <summary>Ask the guest OS to shut down (ACPI power button / agent) and wait for it.</summary>
    Shutdown,

    /// <summary>Ask the guest to shut down; power off when the grace period ends.</summary>
    Force,

    /// <summary>Power off at once, like pulling the plug.</summary>
    TurnOff,

    /// <summary>Save the VM's memory and device state to disk and stop (state Saved).</summary>
    Save,
}

/// <summary>What Wait-VM -For waits for.</summary>
public enum WaitForCondition
{
    Heartbeat,
    IPAddress,
    Reboot,
    MemoryOperations,
}

/// <summary>Set-VMProcessor's inputs; null means "leave as is".</summary>
public sealed record SetProcessorRequest
{
    public int? Count { get; init; }

    public bool? ExposeVirtualizationExtensions { get; init; }
}

/// <summary>Set-VMMemory's inputs; null means "leave as is".</summary>
public sealed record SetMemoryRequest
{
    public long? StartupBytes { get; init; }

    public bool? DynamicMemoryEnabled { get; init; }

    public long? MinimumBytes { get; init; }

    public long? MaximumBytes { get; init; }

    /// <summary>Dynamic Memory's buffer, percent of the guest's demand (5 to 2000).</summary>
    public int? Buffer { get; init; }

    /// <summary>Dynamic Memory's priority when the host's memory for VMs runs short (0 to 100).</summary>
    public int? Priority { get; init; }

    /// <summary>Beyond Hyper-V: allow resizing while a hypervisor runs inside (NestedHypervisorActive).</summary>
    public bool? ResizeWithNestedHypervisor { get; init; }
}

/// <summary>Set-VMHost's inputs; null means "leave as is".</summary>
public sealed record SetHostRequest
{
    /// <summary>The most memory Dynamic Memory gives all running VMs together; 0 removes the limit.</summary>
    public long? VirtualMachineMemoryLimitBytes { get; init; }
}

/// <summary>Set-VM's inputs; null means "leave as is".</summary>
public sealed record SetVmRequest
{
    /// <summary>Only while Off.</summary>
    public int? ProcessorCount { get; init; }

    /// <summary>While Off, or Running (runtime memory resize).</summary>
    public long? MemoryStartupBytes { get; init; }

    /// <summary>-DynamicMemory (true) or -StaticMemory (false); only while Off.</summary>
    public bool? DynamicMemoryEnabled { get; init; }

    public long? MemoryMinimumBytes { get; init; }

    public long? MemoryMaximumBytes { get; init; }

    public string? Notes { get; init; }

    public string? NewName { get; init; }

    public StartAction? AutomaticStartAction { get; init; }

    public StopAction? AutomaticStopAction { get; init; }

    /// <summary>Seconds, 0 or more.</summary>
    public int? AutomaticStartDelay { get; init; }

    public bool? AutomaticCheckpointsEnabled { get; init; }
}

/// <summary>New-VHD's inputs.</summary>
public sealed record NewVhdRequest
{
    public required string Path { get; init; }

    public required long SizeBytes { get; init; }

    public string? ParentPath { get; init; }

    public bool Fixed { get; init; }
}

/// <summary>Progress of a long action (image build): activity, status line, percent (-1 unknown).</summary>
public sealed record ProgressUpdate(string Activity, string Status, int PercentComplete);
