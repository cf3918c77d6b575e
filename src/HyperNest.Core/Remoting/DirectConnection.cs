using System.Collections.Concurrent;
using System.Text;

namespace HyperNest.Remoting;

/// <summary>
/// The host's end of one VM's PowerShell Direct channel: one stream (the VM's virtio-serial port through
/// QEMU's socket) that carries every session of this process into that VM, each on its own channel number.
/// A reader thread hands each session its lines; a session whose guest side misbehaves (an over-long line,
/// its server gone) ends alone, and only the loss of the stream ends them all.
/// </summary>
public sealed class DirectConnection : IDisposable
{
    private readonly Stream _stream;
    private readonly string _vmName;
    private readonly object _writeLock = new();
    private readonly ConcurrentDictionary<int, IDirectSessionSink> _sessions = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Thread _reader;
    private int _nextChannel;
    private volatile string? _brokenReason;

    /// <summary>Raised once, when the stream is gone (the VM stopped, or this connection was disposed).</summary>
    public event Action<DirectConnection>? Closed;

    public DirectConnection(Stream stream, string vmName)
    {
        _stream = stream;
        _vmName = vmName;
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = "PowerShell Direct " + vmName };
        _reader.Start();
    }

    public bool IsBroken => _brokenReason is not null;

    /// <summary>
    /// Says hello and waits for the endpoint's ready. Throws <see cref="TimeoutException"/> when it does not come:
    /// the endpoint is not reading its port, or another process holds the VM's channel.
    /// </summary>
    public void Handshake(TimeSpan timeout)
    {
        Send(DirectMessage.Hello);
        if (!_ready.Task.Wait(timeout))
        {
            throw new TimeoutException($"the guest's PowerShell Direct endpoint did not answer within {timeout.TotalSeconds:0} seconds");
        }

        if (_brokenReason is { } reason)
        {
            throw new IOException(reason);
        }
    }

    /// <summary>Starts a session in the guest whose lines go to <paramref name="sink"/>; returns its channel number.</summary>
    public int OpenSession(IDirectSessionSink sink)
    {
        var channel = Interlocked.Increment(ref _nextChannel);
        _sessions[channel] = sink;
        Send(DirectMessage.Open(channel));
        return channel;
    }

    /// <summary>Sends one PSRP line of a session.</summary>
    public void SendLine(int channel, string line) => Send(DirectMessage.Data(channel, line));

    /// <summary>Ends a session from the host's side (its server in the guest is stopped); nothing when it already ended.</summary>
    public void CloseSession(int channel)
    {
        if (!_sessions.TryRemove(channel, out _))
        {
            return;
        }

        try
        {
            Send(DirectMessage.Close(channel));
        }
        catch (IOException)
        {
            // The stream is gone: so is the session in the guest.
        }
    }

    /// <summary>How many sessions are open on this connection.</summary>
    public int SessionCount => _sessions.Count;

    private void Send(DirectMessage message)
    {
        if (_brokenReason is { } reason)
        {
            throw new IOException(reason);
        }

        var bytes = Encoding.UTF8.GetBytes(message + "\n");
        lock (_writeLock)
        {
            try
            {
                _stream.Write(bytes);
                _stream.Flush();
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or System.Net.Sockets.SocketException)
            {
                Break($"the PowerShell Direct channel of virtual machine '{_vmName}' closed ({ex.Message})");
                throw new IOException(_brokenReason, ex);
            }
        }
    }

    private void ReadLoop()
    {
        var reader = new BoundedLineReader(_stream, DirectMessage.MaxLineBytes);
        var reason = $"virtual machine '{_vmName}' closed its PowerShell Direct channel: the VM stopped or restarted, or its endpoint ended";
        try
        {
            while (reader.ReadLine() is { } line)
            {
                Dispatch(line);
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or System.Net.Sockets.SocketException)
        {
            reason += $" ({ex.Message})";
        }

        Break(reason);
    }

    private void Dispatch(BoundedLine line)
    {
        if (line.IsOverlong)
        {
            // Only the session the line was for ends; the guest's server for it is stopped too.
            if (DirectMessage.ChannelOf(line.Head) is { } channel && _sessions.TryGetValue(channel, out var sink))
            {
                CloseSession(channel);
                sink.OnEnded($"virtual machine '{_vmName}' sent a reply line longer than {DirectMessage.MaxLineBytes / 1024 / 1024} MB; its session was ended");
            }

            return;
        }

        if (!DirectMessage.TryParse(line.Text!, out var message))
        {
            return;
        }

        switch (message.Verb)
        {
            case DirectVerb.Ready:
                _ready.TrySetResult();
                break;
            case DirectVerb.Data when _sessions.TryGetValue(message.Channel, out var sink):
                sink.OnLine(message.Payload);
                break;
            case DirectVerb.Close when _sessions.TryRemove(message.Channel, out var sink):
                sink.OnEnded($"the PowerShell session in virtual machine '{_vmName}' ended");
                break;
        }
    }

    private void Break(string reason)
    {
        lock (_writeLock)
        {
            if (_brokenReason is not null)
            {
                return;
            }

            _brokenReason = reason;
        }

        _ready.TrySetResult();
        foreach (var channel in _sessions.Keys)
        {
            if (_sessions.TryRemove(channel, out var sink))
            {
                sink.OnEnded(reason);
            }
        }

        Closed?.Invoke(this);
    }

    public void Dispose()
    {
        _stream.Dispose();
        Break($"the PowerShell Direct connection to virtual machine '{_vmName}' was closed by this process");
    }
}
