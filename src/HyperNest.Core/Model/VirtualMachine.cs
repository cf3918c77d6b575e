namespace HyperNest.Model;

/// <summary>
/// What Get-VM returns: the stored configuration merged with the live state of the VM's QEMU process.
/// Plain data, no I/O. Property names follow Hyper-V's VirtualMachine object.
/// </summary>
public sealed record VirtualMachine
{
    public required string Name { get; init; }

    public required Guid Id { get; init; }

    public required VmState State { get; init; }

    /// <summary>Percent of one host's total CPU the VM's process used since the previous sample.</summary>
    public int CPUUsage { get; init; }

    public long MemoryAssigned { get; init; }

    public long MemoryStartup { get; init; }

    public TimeSpan Uptime { get; init; }

    /// <summary>Hyper-V's Status text: "Operating normally", or why the VM is not.</summary>
    public required string Status { get; init; }

    public required string Version { get; init; }

    public int Generation { get; init; }

    public int ProcessorCount { get; init; }

    /// <summary>Guest agent answered the last ping (Hyper-V's Heartbeat integration service).</summary>
    public string Heartbeat { get; init; } = "NoContact";

    public string? Image { get; init; }

    public string? HardDrivePath { get; init; }

    public string Path { get; init; } = "";

    public AcceleratorKind? Accelerator { get; init; }

    /// <summary>A hypervisor inside the VM has hardware virtualization on right now (read from the guest's CPU state).</summary>
    public bool NestedHypervisorActive { get; init; }

    public DateTimeOffset CreationTime { get; init; }
}
