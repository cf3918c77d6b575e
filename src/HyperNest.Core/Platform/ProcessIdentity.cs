namespace HyperNest.Platform;

/// <summary>
/// A process, told apart from a later one that got the same pid by its start time (clock ticks since
/// boot, field 22 of /proc/&lt;pid&gt;/stat): pids are reused, so a pid alone cannot say a journal entry's
/// owner is still at work.
/// </summary>
public readonly record struct ProcessIdentity(int Pid, long StartTicks)
{
    public static ProcessIdentity Current { get; } = Of(Environment.ProcessId) ?? new ProcessIdentity(Environment.ProcessId, 0);

    /// <summary>The process with this pid now, or null when there is none.</summary>
    public static ProcessIdentity? Of(int pid) =>
        ProcPidStat.Read(pid) is { HasEnded: false } stat ? new ProcessIdentity(pid, stat.StartTicksSinceBoot) : null;

    /// <summary>True while this very process runs (same pid, same start time, not a zombie).</summary>
    public bool IsRunning() => Of(Pid) == this;
}
