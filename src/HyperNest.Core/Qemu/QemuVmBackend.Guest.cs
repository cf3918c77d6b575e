using System.Text;
using HyperNest.Hosting;
using HyperNest.Model;
using HyperNest.Qemu.GuestAgent;
using HyperNest.Qemu.Qmp;
using HyperNest.State;

namespace HyperNest.Qemu;

/// <summary>
/// The guest-agent side of the backend: guest-exec and guest-file-*. Like Heartbeat, each call connects,
/// acts and disconnects. An error answer of the agent becomes a <see cref="HostException"/> carrying its
/// text; a silent agent surfaces as <see cref="TimeoutException"/> or <see cref="IOException"/> for the host API to word.
/// </summary>
public sealed partial class QemuVmBackend
{
    /// <summary>Raw bytes per guest-file-write: base64 makes the JSON line a third longer, well under qemu-ga's message limit.</summary>
    private const int FileChunkBytes = 48 * 1024;

    /// <summary>The agent on a slow TCG guest can take a while to answer one file chunk.</summary>
    private static readonly TimeSpan FileCommandTimeout = TimeSpan.FromMinutes(2);

    public GuestCommandResult GuestExecute(VmRecord vm, string path, IReadOnlyList<string> arguments, byte[]? standardInput, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var status = WithGuestAgent(vm, path, agent => agent.RunAsync(path, arguments, timeout, standardInput, cancellationToken), cancellationToken);
        var error = Encoding.UTF8.GetString(status.StandardError);
        if (status.OutputTruncated || status.ErrorTruncated)
        {
            error += $"{Environment.NewLine}(the guest agent cut the program's output short: it keeps at most 16 MB of each stream)";
        }

        // A program killed by a signal has no exit code; shells report 128 + the signal number.
        var exitCode = status.ExitCode ?? (status.Signal is { } signal ? 128 + signal : -1);
        return new GuestCommandResult(exitCode, Encoding.UTF8.GetString(status.StandardOutput), error);
    }

    public Stream? ConnectPowerShellDirect(VmRecord vm)
    {
        if (WithQmp(vm, qmp => qmp.IsChardevFrontendOpenAsync(QemuCommandLine.PowerShellDirectChardev)) != true)
        {
            return null;
        }

        var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
        try
        {
            socket.Connect(new System.Net.Sockets.UnixDomainSocketEndPoint(Runtime(vm).PowerShellDirectSocket));
            return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void SetGuestTime(VmRecord vm, DateTimeOffset time) =>
        WithGuestAgent(vm, "the guest's clock", async agent =>
        {
            agent.CommandTimeout = TimeSpan.FromSeconds(5);
            await agent.SetTimeAsync(time).ConfigureAwait(false);
            return true;
        }, CancellationToken.None);

    public void GuestWriteFile(VmRecord vm, string guestPath, Stream content, CancellationToken cancellationToken)
    {
        WithGuestAgent(vm, guestPath, async agent =>
        {
            agent.CommandTimeout = FileCommandTimeout;
            var handle = await agent.FileOpenAsync(guestPath, "wb", cancellationToken).ConfigureAwait(false);
            try
            {
                var buffer = new byte[FileChunkBytes];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    var chunk = buffer.AsMemory(0, read);
                    while (!chunk.IsEmpty)
                    {
                        var written = await agent.FileWriteAsync(handle, chunk, cancellationToken).ConfigureAwait(false);
                        if (written <= 0)
                        {
                            throw new HostException(
                                $"Virtual machine '{vm.Name}' wrote nothing of a {chunk.Length}-byte piece of {guestPath}: is its disk full?",
                                ErrorCategory.WriteError, "GuestFileWriteFailed", vm.Name);
                        }

                        chunk = chunk[written..];
                    }
                }
            }
            finally
            {
                await agent.FileCloseAsync(handle, CancellationToken.None).ConfigureAwait(false);
            }

            return true;
        }, cancellationToken);
    }

    private T WithGuestAgent<T>(VmRecord vm, string subject, Func<GuestAgentClient, Task<T>> action, CancellationToken cancellationToken)
    {
        try
        {
            return Run(async () =>
            {
                await using var agent = await GuestAgentClient.ConnectAsync(Runtime(vm).GuestAgentSocket, ConnectTimeout, cancellationToken).ConfigureAwait(false);
                return await action(agent).ConfigureAwait(false);
            });
        }
        catch (QmpException ex)
        {
            throw GuestErrors.AgentRefused(vm.Name, $"{ex.Command} for {subject}", ex.Description, ex);
        }
    }
}
