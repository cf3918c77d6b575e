namespace HyperNest.Model;

/// <summary>
/// What Get-VMIntegrationService returns (Hyper-V's VMIntegrationComponent): one integration service of a
/// VM, whether it is offered to the guest and how it is doing. HyperNest's services go through the QEMU
/// guest agent; SecondaryStatusDescription says what a service does on Linux when that is not obvious.
/// </summary>
public sealed record VmIntegrationComponent
{
    public required string VMName { get; init; }

    public required Guid VMId { get; init; }

    /// <summary>Hyper-V's name: "Guest Service Interface", "Heartbeat", "Key-Value Pair Exchange", "Shutdown", "Time Synchronization", "VSS".</summary>
    public required string Name { get; init; }

    public string Id => $"Microsoft:{VMId:D}\\{Name}";

    public bool Enabled { get; init; }

    /// <summary>"OK" when enabled and the guest agent answers in a running VM, "No Contact" when it does not; empty while off or disabled (as Hyper-V).</summary>
    public string? PrimaryStatusDescription { get; init; }

    public string? SecondaryStatusDescription { get; init; }
}
