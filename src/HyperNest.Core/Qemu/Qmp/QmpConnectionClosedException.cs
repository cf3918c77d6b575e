namespace HyperNest.Qemu.Qmp;

/// <summary>The socket closed (QEMU exited, or the peer hung up) before the answer came.</summary>
public sealed class QmpConnectionClosedException : IOException
{
    public QmpConnectionClosedException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
