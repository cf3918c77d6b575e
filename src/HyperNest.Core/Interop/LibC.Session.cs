using System.Runtime.InteropServices;

namespace HyperNest.Interop;

internal static partial class LibC
{
    /// <summary>setsid(2): a new session without a controlling terminal; fails (EPERM) for a group leader.</summary>
    [LibraryImport(Library, EntryPoint = "setsid", SetLastError = true)]
    internal static partial int SetSid();
}
