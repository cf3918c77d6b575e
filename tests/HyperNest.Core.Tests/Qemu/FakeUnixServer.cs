using System.Net.Sockets;
using System.Text;

namespace HyperNest.Core.Tests.Qemu;

/// <summary>A one-client unix socket server that answers each line it receives through a test-supplied script.</summary>
internal sealed class FakeUnixServer : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly Task _serve;
    private readonly CancellationTokenSource _stop = new();

    /// <param name="onConnect">Bytes sent right after accepting (QMP's greeting).</param>
    /// <param name="respond">Given a received line (bytes without '\n'), the bytes to send back.</param>
    public FakeUnixServer(string path, byte[] onConnect, Func<byte[], byte[]> respond)
    {
        _listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        _listener.Bind(new UnixDomainSocketEndPoint(path));
        _listener.Listen(1);
        _serve = Task.Run(() => ServeAsync(onConnect, respond));
    }

    public List<string> Received { get; } = [];

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose();
        try
        {
            await _serve;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException or IOException)
        {
        }

        _stop.Dispose();
    }

    private async Task ServeAsync(byte[] onConnect, Func<byte[], byte[]> respond)
    {
        using var client = await _listener.AcceptAsync(_stop.Token);
        await using var stream = new NetworkStream(client);
        await stream.WriteAsync(onConnect, _stop.Token);
        var pending = new List<byte>();
        var buffer = new byte[4096];
        while (true)
        {
            var read = await stream.ReadAsync(buffer, _stop.Token);
            if (read == 0)
            {
                return;
            }

            pending.AddRange(buffer.AsSpan(0, read).ToArray());
            int newline;
            while ((newline = pending.IndexOf((byte)'\n')) >= 0)
            {
                var line = pending.GetRange(0, newline).ToArray();
                pending.RemoveRange(0, newline + 1);
                lock (Received)
                {
                    Received.Add(Encoding.UTF8.GetString(line));
                }

                var reply = respond(line);
                if (reply.Length > 0)
                {
                    await stream.WriteAsync(reply, _stop.Token);
                }
            }
        }
    }
}
