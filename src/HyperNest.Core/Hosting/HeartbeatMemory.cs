using System.Collections.Concurrent;
using HyperNest.State;

namespace HyperNest.Hosting;

/// <summary>
/// The last time each VM's guest agent answered, per worker, remembered for the life of this process (the
/// service's, which outlives commands). Get-VM shows a heartbeat the service saw in the last
/// <see cref="Fresh"/> instead of asking again: its short ping, inside an L1 busy under TCG, timed out
/// right after Wait-VM had seen the agent answer. Waits never use it (they ask the agent themselves); a reset
/// or stop forgets it, and a new worker (another pid) never matches it.
/// </summary>
internal static class HeartbeatMemory
{
    public static readonly TimeSpan Fresh = TimeSpan.FromSeconds(5);

    private static readonly ConcurrentDictionary<Guid, (int Pid, DateTimeOffset At)> Answers = new();

    public static void Answered(VmRecord vm, DateTimeOffset now)
    {
        if (vm.Pid is { } pid)
        {
            Answers[vm.Id] = (pid, now);
        }
    }

    public static bool AnsweredRecently(VmRecord vm, DateTimeOffset now) =>
        vm.Pid is { } pid && Answers.TryGetValue(vm.Id, out var answer) && answer.Pid == pid && now - answer.At < Fresh;

    public static void Forget(Guid vmId) => Answers.TryRemove(vmId, out _);
}
