namespace HyperNest.Model;

/// <summary>
/// What Get-VM returns: the stored configuration merged with the live state of the VM's QEMU process.
/// Plain data, no I/O. Property names follow Hyper-V's VirtualMachine object.
/// </summary>
public sealed record VirtualMachine
{
    public required string Name { get; init; }

    /// <summary>Hyper-V carries the name twice (Name and VMName); scripts use both.</summary>
    public string VMName => Name;

    public required Guid Id { get; init; }

    public Guid VMId => Id;

    public required VmState State { get; init; }

    /// <summary>Percent of one host's total CPU the VM's process used since the previous sample.</summary>
    public int CPUUsage { get; init; }

    public long MemoryAssigned { get; init; }

    public long MemoryStartup { get; init; }

    /// <summary>
    /// What the guest needs: with Dynamic Memory, the guest's own demand (what it uses plus what its kernel
    /// keeps, as Dynamic Memory last read it); otherwise the worker's resident memory, at most what it was
    /// assigned. 0 while the VM is not running, as on Hyper-V.
    /// </summary>
    public long MemoryDemand { get; init; }

    /// <summary>Dynamic Memory's view: OK (demand plus buffer assigned), Low (less buffer), Warning (less than the demand); empty otherwise.</summary>
    public string MemoryStatus { get; init; } = "";

    /// <summary>Dynamic Memory's minimum (Hyper-V's default 512 MB, at most the startup memory, when none was set).</summary>
    public long MemoryMinimum { get; init; }

    public long MemoryMaximum { get; init; }

    public bool DynamicMemoryEnabled { get; init; }

    public TimeSpan Uptime { get; init; }

    /// <summary>Hyper-V's Status text: "Operating normally", or why the VM is not.</summary>
    public required string Status { get; init; }

    public required string Version { get; init; }

    public int Generation { get; init; }

    public int ProcessorCount { get; init; }

    /// <summary>Guest agent answered the last ping (Hyper-V's Heartbeat integration service).</summary>
    public string Heartbeat { get; init; } = "NoContact";

    public string? Image { get; init; }

    /// <summary>The system disk's file: the first hard drive in controller order, the one the guest boots from.</summary>
    public string? HardDrivePath { get; init; }

    public string Path { get; init; } = "";

    public AcceleratorKind? Accelerator { get; init; }

    /// <summary>A hypervisor inside the VM has hardware virtualization on right now (read from the guest's CPU state).</summary>
    public bool NestedHypervisorActive { get; init; }

    public DateTimeOffset CreationTime { get; init; }

    public string Notes { get; init; } = "";

    /// <summary>Stored now; the HyperNest service acts on it when the host starts.</summary>
    public StartAction AutomaticStartAction { get; init; } = StartAction.StartIfRunning;

    /// <summary>Stored now; the HyperNest service acts on it when the host shuts down.</summary>
    public StopAction AutomaticStopAction { get; init; } = StopAction.Save;

    /// <summary>Seconds the host waits before the automatic start.</summary>
    public int AutomaticStartDelay { get; init; }

    public bool AutomaticCheckpointsEnabled { get; init; } = true;

    /// <summary>Always null: HyperNest has no checkpoints yet.</summary>
    public Guid? ParentCheckpointId { get; init; }

    /// <summary>The VM's adapters as stored (no guest addresses: Get-VMNetworkAdapter asks the guest for those).</summary>
    public IReadOnlyList<VmNetworkAdapter> NetworkAdapters { get; init; } = [];

    /// <summary>In controller order (IDE before SCSI, then controller number, then location).</summary>
    public IReadOnlyList<VmHardDiskDrive> HardDrives { get; init; } = [];

    public IReadOnlyList<VmDvdDrive> DVDDrives { get; init; } = [];
}
