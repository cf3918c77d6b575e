using System.Diagnostics;
using System.Text;
using HyperNest.Hosting;
using HyperNest.Qemu.GuestAgent;
using HyperNest.State;

namespace HyperNest.Qemu;

/// <summary>Runtime memory resize through the VM's virtio-mem device.</summary>
public sealed partial class QemuVmBackend
{
    /// <summary>
    /// A guest plugs 512 MiB in about 0.1 s and unplugs it in about 0.5 s under TCG (measured); one that holds
    /// the memory makes no progress and its driver retries for ever: after this long without progress it is
    /// asked for what it has.
    /// </summary>
    private static readonly TimeSpan ResizeStall = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan ResizeLimit = TimeSpan.FromSeconds(60);

    public long ResizeMemory(VmRecord vm, long pluggedBytes, CancellationToken cancellationToken) => WithQmp(vm, async qmp =>
    {
        var device = QemuCommandLine.HotplugMemoryDevice;
        await qmp.SetRequestedMemoryAsync(device, pluggedBytes, cancellationToken).ConfigureAwait(false);
        var plugged = await qmp.QueryPluggedMemoryAsync(device, cancellationToken).ConfigureAwait(false);
        var total = Stopwatch.StartNew();
        var sinceProgress = Stopwatch.StartNew();
        while (plugged != pluggedBytes && sinceProgress.Elapsed < ResizeStall && total.Elapsed < ResizeLimit)
        {
            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            var now = await qmp.QueryPluggedMemoryAsync(device, cancellationToken).ConfigureAwait(false);
            if (now != plugged)
            {
                sinceProgress.Restart();
            }

            plugged = now;
        }

        if (plugged != pluggedBytes)
        {
            await qmp.SetRequestedMemoryAsync(device, plugged, cancellationToken).ConfigureAwait(false);
        }

        return plugged;
    });

    public void SetVirtualMachineMemoryLimit(long? bytes) => QemuCgroups.SetSoftLimit(paths.Home, bytes);

    /// <summary>/proc/meminfo is about 1.5 KB; a guest that answers more is not believed.</summary>
    private const int MemInfoLimit = 16 * 1024;

    /// <summary>Read through the agent's file commands: no process is started in the guest.</summary>
    public GuestMemory? ReadGuestMemory(VmRecord vm)
    {
        try
        {
            var text = Run(async () =>
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await using var agent = await GuestAgentClient.ConnectAsync(Runtime(vm).GuestAgentSocket, ConnectTimeout, timeout.Token).ConfigureAwait(false);
                var handle = await agent.FileOpenAsync("/proc/meminfo", "r", timeout.Token).ConfigureAwait(false);
                try
                {
                    return Encoding.ASCII.GetString(await agent.FileReadAsync(handle, MemInfoLimit, timeout.Token).ConfigureAwait(false));
                }
                finally
                {
                    // Its own time: qemu-ga keeps a handle open across connections, so one left open by a read
                    // that timed out would stay until the agent restarts.
                    using var closing = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                    await agent.FileCloseAsync(handle, closing.Token).ConfigureAwait(false);
                }
            });
            return GuestMemory.FromMemInfo(text);
        }
        catch (Exception ex) when (IsUnreachable(ex) || ex is InvalidDataException or FormatException)
        {
            return null;
        }
    }
}
