using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace HyperNest.Qemu;

/// <summary>
/// A connected unix socket that carries one JSON document per line, as QMP and the guest agent do.
/// Reads return raw line bytes so the guest agent can look for its 0xFF sync delimiter.
/// </summary>
internal sealed class JsonLineStream : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    // guest-exec-status carries the command's whole captured output, base64, on one line.
    private const int MaxLineBytes = 64 * 1024 * 1024;

    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    private JsonLineStream(Socket socket)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
    }

    /// <summary>Connects, retrying while the socket does not exist yet or refuses, until the token fires.</summary>
    public static async Task<JsonLineStream> ConnectAsync(string socketPath, CancellationToken cancellationToken)
    {
        while (true)
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken).ConfigureAwait(false);
                return new JsonLineStream(socket);
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.AddressNotAvailable or SocketError.ConnectionRefused)
            {
                socket.Dispose();
                await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
    }

    public async Task WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        await _stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes <paramref name="bytes"/> with <paramref name="descriptor"/> attached (SCM_RIGHTS), for QMP's getfd
    /// and add-fd. The caller serializes writes, as for <see cref="WriteAsync"/>.
    /// </summary>
    public async Task WriteWithDescriptorAsync(ReadOnlyMemory<byte> bytes, SafeHandle descriptor, CancellationToken cancellationToken)
    {
        while (true)
        {
            var sent = Interop.LibC.SendWithDescriptor(_socket.SafeHandle, bytes.Span, descriptor);
            if (sent >= 0)
            {
                // The descriptor went with the first byte; the rest of a partial send is plain data.
                await WriteAsync(bytes[(int)sent..], cancellationToken).ConfigureAwait(false);
                return;
            }

            if (sent is not (-Interop.LibC.EAGAIN or -Interop.LibC.EINTR))
            {
                throw new IOException($"sending a file descriptor on the socket failed: {Interop.LibC.ErrorText((int)-sent)}");
            }

            await Task.Delay(5, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The next line without its terminator, or null at end of stream.</summary>
    public async Task<byte[]?> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                var line = _buffer.AsSpan(_start, newline - _start).TrimEnd((byte)'\r').ToArray();
                _start = newline + 1;
                return line;
            }

            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                if (_buffer.Length >= MaxLineBytes)
                {
                    throw new InvalidDataException($"a line longer than {MaxLineBytes} bytes arrived on the socket");
                }

                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return null;
            }

            _end += read;
        }
    }

    public void Shutdown()
    {
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        Shutdown();
        await _stream.DisposeAsync().ConfigureAwait(false);
    }
}
