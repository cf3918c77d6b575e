using System.Runtime.InteropServices;

namespace HyperNest.Interop;

internal static partial class LibC
{
    // <sys/resource.h>
    internal const int PRIO_PROCESS = 0;

    /// <summary>setpriority(2) with PRIO_PROCESS and a thread id: that one thread's nice value (Linux schedules threads).</summary>
    [LibraryImport(Library, EntryPoint = "setpriority", SetLastError = true)]
    internal static partial int SetPriority(int which, uint threadId, int nice);
}
