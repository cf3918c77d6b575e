using System.Runtime.InteropServices;
using HyperNest.Interop;

namespace HyperNest.Platform;

/// <summary>
/// How much CPU another process of ours gets. Linux schedules threads, not processes: a nice value belongs to one
/// thread (setpriority(2) given a thread id), and a new thread takes its creator's. So it is set on every thread
/// the process has, twice over, because a thread created during the first pass took its creator's old value.
/// </summary>
public static class ProcessScheduling
{
    /// <summary>
    /// Nice 19, the lowest priority that still runs (about 1/70 of the CPU beside one task at nice 0): for work done
    /// ahead of time (a spare PowerShell server warming up), which must not slow what runs now (an L2 booting in
    /// the L1). Not SCHED_IDLE: a SCHED_IDLE task that holds what others wait for (a file system's journal, a page
    /// it is reading in) gets no CPU to let it go while the CPU is busy.
    /// </summary>
    public const int Background = 19;

    /// <summary>This process's nice value (its main thread's).</summary>
    public static int OwnNice() => NiceOf(Environment.ProcessId);

    /// <summary>The nice value of <paramref name="processId"/>'s main thread.</summary>
    public static int NiceOf(int processId) =>
        ProcPidStat.Read(processId)?.Nice ?? throw new IOException($"/proc/{processId}/stat cannot be read: the process has ended");

    /// <summary>Sets the nice value of every thread of <paramref name="processId"/> (lowering it needs CAP_SYS_NICE).</summary>
    public static void SetNice(int processId, int nice)
    {
        for (var pass = 0; pass < 2; pass++)
        {
            string[] threads;
            try
            {
                threads = Directory.GetDirectories($"/proc/{processId}/task");
            }
            catch (DirectoryNotFoundException)
            {
                return; // the process has ended
            }

            foreach (var thread in threads)
            {
                if (int.TryParse(Path.GetFileName(thread), out var threadId) && LibC.SetPriority(LibC.PRIO_PROCESS, (uint)threadId, nice) != 0)
                {
                    // A thread that ended meanwhile (ESRCH) has nothing to set; anything else (EPERM) is said.
                    var error = Marshal.GetLastPInvokeError();
                    if (error != LibC.ESRCH)
                    {
                        throw new IOException($"setpriority({nice}) for thread {threadId} of process {processId} failed: {LibC.ErrorText(error)}");
                    }
                }
            }
        }
    }
}
