using System.Runtime.InteropServices;
using HyperNest.Interop;

namespace HyperNest.Qemu;

/// <summary>Ends a QEMU process that QMP can no longer end: SIGTERM, then SIGKILL after a grace period.</summary>
public static class QemuProcessTerminator
{
    /// <summary>
    /// Returns true when the process is gone (or was never this VM's). Signals are only sent while the pid
    /// still belongs to this VM, so a reused pid is never killed.
    /// </summary>
    public static async Task<bool> TerminateAsync(int pid, Guid vmId, TimeSpan grace, CancellationToken cancellationToken = default)
    {
        // QEMU handles SIGTERM like "quit" (it logs "terminating on signal 15") and flushes its block layer.
        if (!Signal(pid, vmId, LibC.SIGTERM))
        {
            return true;
        }

        if (await WaitForExitAsync(pid, vmId, grace, cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        Signal(pid, vmId, LibC.SIGKILL);
        return await WaitForExitAsync(pid, vmId, TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Polls until the process is no longer alive as this VM's QEMU.</summary>
    public static async Task<bool> WaitForExitAsync(int pid, Guid vmId, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (QemuProcessInspector.IsAlive(pid, vmId))
        {
            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private static bool Signal(int pid, Guid vmId, int signal)
    {
        if (!QemuProcessInspector.IsAlive(pid, vmId))
        {
            return false;
        }

        if (LibC.Kill(pid, signal) == 0)
        {
            return true;
        }

        var errno = Marshal.GetLastPInvokeError();
        if (errno == LibC.ESRCH)
        {
            return false;
        }

        throw new IOException($"kill({pid}, {signal}) failed: {LibC.ErrorText(errno)}");
    }
}
