using System.Runtime.InteropServices;

namespace HyperNest.Interop;

internal static partial class LibC
{
    // <bits/confname.h>: the unit of the utime/stime/starttime fields of /proc/<pid>/stat.
    internal const int _SC_CLK_TCK = 2;

    [LibraryImport(Library, EntryPoint = "sysconf", SetLastError = true)]
    internal static partial nint SysConf(int name);
}
