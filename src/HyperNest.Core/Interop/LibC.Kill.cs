using System.Runtime.InteropServices;

namespace HyperNest.Interop;

internal static partial class LibC
{
    // <asm-generic/signal.h> (x86-64 and arm64 share these numbers).
    internal const int SIGKILL = 9;
    internal const int SIGTERM = 15;

    // <asm-generic/errno-base.h>
    internal const int ESRCH = 3;
    internal const int EPERM = 1;

    /// <summary>kill(2). Signal 0 checks that the pid exists without sending anything.</summary>
    [LibraryImport(Library, EntryPoint = "kill", SetLastError = true)]
    internal static partial int Kill(int pid, int signal);
}
