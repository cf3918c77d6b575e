using System.Management.Automation.Internal;
using System.Management.Automation.Remoting;
using System.Management.Automation.Remoting.Client;
using HyperNest.Model;
using HyperNest.Remoting;

namespace HyperNest.PowerShell.Remoting;

/// <summary>
/// The client transport of one PowerShell Direct session: PSRP's out-of-process messages (one XML line each)
/// go out as this session's lines on the VM's shared connection (<see cref="DirectConnectionPool"/>), and the
/// guest server's lines come back into PowerShell's remoting client. A session that ends on the guest's side
/// (VM stopped, server died, over-long reply) becomes a transport error for this session only, so a
/// command in flight fails at once instead of hanging.
/// </summary>
internal sealed class VmSessionTransportManager(Guid runspacePoolInstanceId, PSRemotingCryptoHelper cryptoHelper, PowerShellDirectTarget target, TimeSpan handshakeTimeout)
    : ClientSessionTransportManagerBase(runspacePoolInstanceId, cryptoHelper), IDirectSessionSink
{
    private DirectSessionLease? _lease;
    private volatile string? _endedReason;

    public override void CreateAsync()
    {
        try
        {
            _lease = DirectConnectionPool.OpenSession(target.VmId, target.VmName, target.Connect, handshakeTimeout, this);
        }
        catch (Exception ex) when (ex is HyperNest.Hosting.HostException or IOException or TimeoutException)
        {
            throw new PSRemotingTransportException(ex is HyperNest.Hosting.HostException
                ? ex.Message
                : $"Cannot connect to virtual machine '{target.VmName}' with PowerShell Direct: {ex.Message}. Another HyperNest process may be using the VM's PowerShell Direct channel (one process at a time), or the guest is too busy to answer; try again.", ex);
        }

        SetMessageWriter(new LineWriter(this));
        // PowerShell's client queues the session's first messages; the transport starts the sending.
        SendOneItem();
    }

    protected override void CleanupConnection()
    {
        _lease?.Dispose();
        _lease = null;
    }

    void IDirectSessionSink.OnLine(string line) => HandleOutputDataReceived(line);

    void IDirectSessionSink.OnEnded(string reason)
    {
        _endedReason = reason;
        RaiseErrorHandler(new TransportErrorOccuredEventArgs(new PSRemotingTransportException(reason), TransportMethodEnum.ReceiveShellOutputEx));
    }

    private void Send(string line)
    {
        // PowerShell's client sends <Close …/> and then waits a minute for the server's CloseAck unless the
        // write fails: with the guest's side gone, fail it, so closing a broken session is immediate.
        if (_endedReason is { } reason)
        {
            if (line.StartsWith("<Close ", StringComparison.Ordinal))
            {
                throw new IOException(reason);
            }

            return;
        }

        try
        {
            (_lease ?? throw new IOException($"the PowerShell Direct session into virtual machine '{target.VmName}' is closed")).SendLine(line);
        }
        catch (IOException ex)
        {
            _endedReason = ex.Message;
            RaiseErrorHandler(new TransportErrorOccuredEventArgs(new PSRemotingTransportException(ex.Message, ex), TransportMethodEnum.SendShellInputEx));
        }
    }

    /// <summary>PSRP writes each message with WriteLine; every complete line becomes one channel line.</summary>
    private sealed class LineWriter(VmSessionTransportManager owner) : TextWriter
    {
        private readonly System.Text.StringBuilder _pending = new();

        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value)
        {
            lock (_pending)
            {
                if (value == '\n')
                {
                    var line = _pending.ToString().TrimEnd('\r');
                    _pending.Clear();
                    owner.Send(line);
                }
                else
                {
                    _pending.Append(value);
                }
            }
        }

        public override void Write(string? value)
        {
            foreach (var c in value ?? "")
            {
                Write(c);
            }
        }

        public override void WriteLine(string? value)
        {
            lock (_pending)
            {
                if (_pending.Length == 0 && value is not null && !value.Contains('\n'))
                {
                    owner.Send(value.TrimEnd('\r'));
                    return;
                }

                Write(value);
                Write('\n');
            }
        }
    }
}
