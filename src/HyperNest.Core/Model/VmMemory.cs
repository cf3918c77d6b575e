namespace HyperNest.Model;

/// <summary>What Get-VMMemory returns (Hyper-V's VMMemory fields that apply here).</summary>
public sealed record VmMemory
{
    public required string VMName { get; init; }

    public required Guid VMId { get; init; }

    public long Startup { get; init; }

    public bool DynamicMemoryEnabled { get; init; }

    public long Minimum { get; init; }

    public long Maximum { get; init; }

    public int Buffer { get; init; } = 20;

    public int Priority { get; init; } = 50;

    /// <summary>True while Dynamic Memory holds the running VM's memory still; <see cref="HeldReason"/> says why.</summary>
    public bool Held { get; init; }

    public string? HeldReason { get; init; }

    /// <summary>Beyond Hyper-V: memory may be resized and balanced even while a hypervisor runs inside the VM.</summary>
    public bool ResizeWithNestedHypervisor { get; init; }
}
