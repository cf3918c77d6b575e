using System.Collections.Concurrent;
using HyperNest.Model;
using HyperNest.State;

namespace HyperNest.Hosting;

/// <summary>
/// What this process last saw of each running VM's worker, per worker (pid), so Get-VM in hypernestd
/// answers from it instead of probing every VM on the call path (a QMP round trip for the run state,
/// `info registers` for NestedHypervisorActive and an agent ping each: 77 ms per running VM; /proc and the
/// VM's cgroups for CPUUsage and MemoryDemand, 0.4 ms each, and a VM busy
/// saving made every probe wait its timeout). The service's sampler refreshes them every few seconds and
/// its hosts use them whatever their age (VirtualizationHost.AnswerFromLiveSamples); a host without a
/// sampler beside it (a guest's PowerShell Direct session) probes as before.
/// </summary>
/// <remarks>
/// A change to a VM's run state made by HyperNest calls <see cref="Forget"/> once the change is done; a
/// sample taken meanwhile carries the generation it started at and is dropped, so no probe that began
/// before a Suspend-VM can store "Running" after it. A new worker (another pid) never matches an old sample.
/// </remarks>
internal static class LiveSamples
{
    /// <summary>A heartbeat seen this recently is shown without asking again (its short ping, inside an L1 busy under TCG, timed out right after Wait-VM had seen the agent answer).</summary>
    public static readonly TimeSpan HeartbeatFresh = TimeSpan.FromSeconds(5);

    private static readonly ConcurrentDictionary<Guid, (int Pid, DateTimeOffset At)> Answers = new();
    private static readonly ConcurrentDictionary<Guid, Entry> Entries = new();

    /// <summary>
    /// The run state, whether a hypervisor runs inside, whether the agent answered, and the worker's CPU and
    /// memory use (CPUUsage over the interval since the previous sample), as probed at <see cref="At"/>.
    /// </summary>
    public sealed record Sample(int Pid, DateTimeOffset At, VmState State, bool? HypervisorActive, bool Heartbeat, ProcessUsage Usage);

    private sealed record Entry(long Generation, Sample? Sample);

    public static void Answered(VmRecord vm, DateTimeOffset now)
    {
        if (vm.Pid is { } pid)
        {
            Answers[vm.Id] = (pid, now);
        }
    }

    public static bool AnsweredRecently(VmRecord vm, DateTimeOffset now) =>
        vm.Pid is { } pid && Answers.TryGetValue(vm.Id, out var answer) && answer.Pid == pid && now - answer.At < HeartbeatFresh;

    /// <summary>Taken before a probe begins; <see cref="Record"/> stores the probe's sample only if no change came in between.</summary>
    public static long Generation(Guid vmId) => Entries.TryGetValue(vmId, out var entry) ? entry.Generation : 0;

    public static void Record(Guid vmId, long generation, Sample sample) =>
        Entries.AddOrUpdate(
            vmId,
            _ => new Entry(generation, generation == 0 ? sample : null),
            (_, current) => current.Generation == generation ? current with { Sample = sample } : current);

    /// <summary>The last sample of this VM's current worker, or null (not sampled yet, or changed since).</summary>
    public static Sample? Find(VmRecord vm) =>
        vm.Pid is { } pid && Entries.TryGetValue(vm.Id, out var entry) && entry.Sample is { } sample && sample.Pid == pid ? sample : null;

    /// <summary>The VM's run state changed (or its guest restarted): what was seen of it before no longer holds.</summary>
    public static void Forget(Guid vmId)
    {
        Answers.TryRemove(vmId, out _);
        Entries.AddOrUpdate(vmId, _ => new Entry(1, null), (_, current) => new Entry(current.Generation + 1, null));
    }
}
