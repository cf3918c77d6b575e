using System.Runtime.InteropServices;
using HyperNest.Interop;

namespace HyperNest.Platform;

/// <summary>The real /proc, /sys and /dev of this machine.</summary>
public sealed class LinuxHostProbeSources : IHostProbeSources
{
    public static LinuxHostProbeSources Instance { get; } = new();

    public string? ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public bool Exists(string path) => Path.Exists(path);

    public bool TryOpenReadWrite(string path, out string? error)
    {
        // open(2) directly: a character device must not be stat'ed or buffered like a regular file,
        // and KVM's own check is exactly "can this process open /dev/kvm O_RDWR".
        var fd = LibC.Open(path, LibC.O_RDWR | LibC.O_CLOEXEC);
        if (fd < 0)
        {
            error = LibC.ErrorText(Marshal.GetLastPInvokeError());
            return false;
        }

        LibC.Close(fd);
        error = null;
        return true;
    }
}
