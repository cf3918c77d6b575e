using HyperNest.Model;
using HyperNest.State;

namespace HyperNest.Qemu;

/// <summary>The guest-agent side of the backend: guest-exec and guest-file-*.</summary>
public sealed partial class QemuVmBackend
{
    public GuestCommandResult GuestExecute(VmRecord vm, string path, IReadOnlyList<string> arguments, byte[]? standardInput, TimeSpan timeout, CancellationToken cancellationToken) =>
        throw new NotImplementedException("guest-exec is being wired (issue 3).");

    public void GuestWriteFile(VmRecord vm, string guestPath, Stream content, CancellationToken cancellationToken) =>
        throw new NotImplementedException("guest-file-write is being wired (issue 3).");
}
