using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace HyperNest.Service.Logging;

/// <summary>
/// Writes log entries to journald with its native protocol: one datagram per entry on journald's socket,
/// each field "NAME=value\n", or, for a value with a newline (a QEMU command line never has one, an error
/// message may), "NAME\n", its length as 64-bit little endian, the value and "\n". What systemd's
/// sd_journal_send does, without linking libsystemd.
/// </summary>
internal sealed class JournalWriter : IDisposable
{
    public const string DefaultSocket = "/run/systemd/journal/socket";

    private readonly Socket _socket;
    private readonly UnixDomainSocketEndPoint _journal;

    public JournalWriter(string socketPath = DefaultSocket)
    {
        _socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        _journal = new UnixDomainSocketEndPoint(socketPath);
    }

    /// <summary>
    /// True when systemd connected this process's stderr to the journal: JOURNAL_STREAM holds the
    /// "device:inode" of that stream (systemd.exec(5)); the inode is compared with what fd 2 is now.
    /// </summary>
    public static bool StderrIsTheJournal()
    {
        if (Environment.GetEnvironmentVariable("JOURNAL_STREAM") is not { } stream || stream.Split(':') is not [_, var inode])
        {
            return false;
        }

        try
        {
            return File.ResolveLinkTarget("/proc/self/fd/2", returnFinalTarget: false)?.FullName.EndsWith($"socket:[{inode}]", StringComparison.Ordinal) == true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    public void Write(LogEntry entry, string identifier) => _socket.SendTo(Encode(entry, identifier), _journal);

    public static byte[] Encode(LogEntry entry, string identifier)
    {
        using var datagram = new MemoryStream();
        Append(datagram, Api.ServiceEndpoint.LogMessageField, entry.Message);
        Append(datagram, "PRIORITY", ((int)entry.Priority).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Append(datagram, "SYSLOG_IDENTIFIER", identifier);
        foreach (var (name, value) in entry.Fields)
        {
            Append(datagram, name, value);
        }

        return datagram.ToArray();
    }

    private static void Append(Stream datagram, string name, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        datagram.Write(Encoding.ASCII.GetBytes(name));
        if (value.Contains('\n'))
        {
            Span<byte> length = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)bytes.Length);
            datagram.WriteByte((byte)'\n');
            datagram.Write(length);
        }
        else
        {
            datagram.WriteByte((byte)'=');
        }

        datagram.Write(bytes);
        datagram.WriteByte((byte)'\n');
    }

    public void Dispose() => _socket.Dispose();
}
