using System.Collections.Concurrent;
using HyperNest.State;

namespace HyperNest.Hosting;

/// <summary>
/// What Dynamic Memory last made of each running VM (the service's balancer, <see cref="VirtualizationHost.BalanceDynamicMemory"/>):
/// the guest's demand, the memory status Get-VM shows, why its memory is held still if it is, and what the
/// balancer remembers between rounds. Per worker (pid), as <see cref="LiveSamples"/>: a new worker never
/// shows an old balance.
/// </summary>
internal static class MemoryBalances
{
    private static readonly ConcurrentDictionary<Guid, Balance> Entries = new();

    /// <param name="HeldReason">Why Dynamic Memory does not move this VM's memory now; null when it does.</param>
    /// <param name="KernelKeepsBytes">The least the guest's kernel was seen to keep for itself (assigned - MemTotal).</param>
    /// <param name="StuckTarget">A target the guest did not reach, and when: not asked again for a while.</param>
    public sealed record Balance(int Pid, long DemandBytes, string Status, string? HeldReason, long KernelKeepsBytes, long? StuckTarget = null, DateTimeOffset StuckAt = default);

    public static void Record(VmRecord vm, Balance balance) => Entries[vm.Id] = balance;

    public static Balance? Find(VmRecord vm) =>
        vm.Pid is { } pid && Entries.TryGetValue(vm.Id, out var balance) && balance.Pid == pid ? balance : null;
}
