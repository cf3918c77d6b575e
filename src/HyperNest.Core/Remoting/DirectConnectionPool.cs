namespace HyperNest.Remoting;

/// <summary>
/// This process's PowerShell Direct connections, one per VM: QEMU's socket for the VM's port takes one
/// client at a time, so every session of the process into that VM shares it. A connection is closed when
/// its last session ends, so another process can reach the VM.
/// </summary>
public static class DirectConnectionPool
{
    private static readonly Dictionary<Guid, DirectConnection> Connections = [];

    /// <summary>
    /// Opens a session into the VM on its shared connection, connecting (and shaking hands) first when the
    /// process has none; <paramref name="connect"/> gives the new stream.
    /// </summary>
    public static DirectSessionLease OpenSession(Guid vmId, string vmName, Func<Stream> connect, TimeSpan handshakeTimeout, IDirectSessionSink sink)
    {
        lock (Connections)
        {
            if (!Connections.TryGetValue(vmId, out var connection) || connection.IsBroken)
            {
                connection = new DirectConnection(connect(), vmName);
                try
                {
                    connection.Handshake(handshakeTimeout);
                }
                catch
                {
                    connection.Dispose();
                    throw;
                }

                Connections[vmId] = connection;
                connection.Closed += closed => Forget(vmId, closed);
            }

            return new DirectSessionLease(connection, connection.OpenSession(sink), () => Release(vmId, connection));
        }
    }

    private static void Release(Guid vmId, DirectConnection connection)
    {
        lock (Connections)
        {
            if (connection.SessionCount == 0)
            {
                Forget(vmId, connection);
                connection.Dispose();
            }
        }
    }

    private static void Forget(Guid vmId, DirectConnection connection)
    {
        lock (Connections)
        {
            if (Connections.TryGetValue(vmId, out var current) && ReferenceEquals(current, connection))
            {
                Connections.Remove(vmId);
            }
        }
    }
}

/// <summary>One session's hold on a shared <see cref="DirectConnection"/>: its channel, and the way to give it back.</summary>
public sealed class DirectSessionLease(DirectConnection connection, int channel, Action release) : IDisposable
{
    private int _disposed;

    public void SendLine(string line) => connection.SendLine(channel, line);

    /// <summary>Ends the session in the guest and closes the connection when it was the last.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            connection.CloseSession(channel);
            release();
        }
    }
}
