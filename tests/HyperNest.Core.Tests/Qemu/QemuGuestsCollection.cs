namespace HyperNest.Core.Tests.Qemu;

/// <summary>Tests that run real QEMU processes: one at a time, or two TCG guests starve each other on 2 cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class QemuGuestsCollection
{
    public const string Name = "QEMU guests";
}
