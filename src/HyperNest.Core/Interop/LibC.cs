namespace HyperNest.Interop;

/// <summary>Native calls into the C library, one function group per file (LibC.*.cs).</summary>
internal static partial class LibC
{
    internal const string Library = "libc";
}
