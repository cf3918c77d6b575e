using System.Runtime.InteropServices;

namespace HyperNest.Interop;

internal static partial class LibC
{
    // <asm-generic/fcntl.h>
    internal const int O_RDONLY = 0x0;
    internal const int O_RDWR = 0x2;
    internal const int O_CLOEXEC = 0x80000;

    /// <summary>open(2) without O_CREAT, so the variadic mode argument is never read.</summary>
    [LibraryImport(Library, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Open(string path, int flags);

    [LibraryImport(Library, EntryPoint = "close", SetLastError = true)]
    internal static partial int Close(int fd);
}
