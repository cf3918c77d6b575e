namespace HyperNest.Model;

/// <summary>What Get-VMProcessor returns (Hyper-V's VMProcessor fields that make sense on QEMU).</summary>
public sealed record VmProcessor
{
    public required string VMName { get; init; }

    public required Guid VMId { get; init; }

    public int Count { get; init; }

    public bool ExposeVirtualizationExtensions { get; init; }

    /// <summary>A hypervisor inside the VM has hardware virtualization on right now (EFER.SVME / CR4.VMXE).</summary>
    public bool NestedHypervisorActive { get; init; }

    public bool CompatibilityForMigrationEnabled { get; init; }

    public long Maximum { get; init; } = 100;

    public long Reserve { get; init; }

    public int RelativeWeight { get; init; } = 100;
}
