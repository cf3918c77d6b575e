using System.Runtime.InteropServices;

namespace HyperNest.Interop;

internal static partial class LibC
{
    /// <summary>The C library's text for an errno, e.g. "Permission denied".</summary>
    internal static string ErrorText(int errno) => Marshal.GetPInvokeErrorMessage(errno);
}
