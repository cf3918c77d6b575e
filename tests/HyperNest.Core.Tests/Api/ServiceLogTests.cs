using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using HyperNest.Core.Tests.Qemu;
using HyperNest.Model;
using HyperNest.Service.Logging;

namespace HyperNest.Core.Tests.Api;

/// <summary>
/// hypernestd's structured log: journald's native protocol on a datagram socket (a socket of the test's
/// own stands in for /run/systemd/journal/socket, which nothing serves on these machines), JSON lines
/// otherwise, and a line instead whenever journald refuses an entry.
/// </summary>
public sealed class ServiceLogTests : IDisposable
{
    private readonly TestTempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    /// <summary>Reads one datagram of journald's native protocol into its fields.</summary>
    private static Dictionary<string, string> ParseJournalDatagram(byte[] datagram)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var at = 0;
        while (at < datagram.Length)
        {
            var end = Array.IndexOf(datagram, (byte)'\n', at);
            var line = datagram.AsSpan(at, end - at);
            var equals = line.IndexOf((byte)'=');
            if (equals >= 0)
            {
                fields[Encoding.ASCII.GetString(line[..equals])] = Encoding.UTF8.GetString(line[(equals + 1)..]);
                at = end + 1;
            }
            else
            {
                var length = (int)BinaryPrimitives.ReadUInt64LittleEndian(datagram.AsSpan(end + 1, 8));
                fields[Encoding.ASCII.GetString(line)] = Encoding.UTF8.GetString(datagram, end + 9, length);
                Assert.Equal((byte)'\n', datagram[end + 9 + length]);
                at = end + 10 + length;
            }
        }

        return fields;
    }

    private (Socket Journal, string Path) ListenAsJournal()
    {
        var path = _directory.File("journal.sock");
        var journal = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        journal.Bind(new UnixDomainSocketEndPoint(path));
        return (journal, path);
    }

    [Fact]
    public void ToJournald_AnEntryIsOneDatagram_WithItsFields_AndAMultiLineValueInTheBinaryForm()
    {
        var (journal, path) = ListenAsJournal();
        using var _ = journal;
        var lines = new StringWriter();
        using var log = new ServiceLog(lines, new JournalWriter(path), "/var/lib/hypernest");

        log.Error("api", "POST /v1/vms/web1/start: failed\nsecond line", ServiceLog.Field(LogFields.VmName, "web1"), ServiceLog.Field(LogFields.ErrorId, "InvalidState"));

        var buffer = new byte[65536];
        var fields = ParseJournalDatagram(buffer[..journal.Receive(buffer)]);
        Assert.Equal("POST /v1/vms/web1/start: failed\nsecond line", fields["MESSAGE"]);
        Assert.Equal("3", fields["PRIORITY"]);
        Assert.Equal("hypernestd", fields["SYSLOG_IDENTIFIER"]);
        Assert.Equal("api", fields[LogFields.Component]);
        Assert.Equal("web1", fields[LogFields.VmName]);
        Assert.Equal("InvalidState", fields[LogFields.ErrorId]);
        Assert.Equal("/var/lib/hypernest", fields[LogFields.Home]);
        Assert.Equal("", lines.ToString());
    }

    [Fact]
    public void WhenJournaldIsGone_TheEntryIsWrittenAsALine()
    {
        var lines = new StringWriter();
        using var log = new ServiceLog(lines, new JournalWriter(_directory.File("no-journal.sock")), "/h");

        log.Info("service", "hypernestd 42 stops");

        using var json = JsonDocument.Parse(lines.ToString());
        Assert.Equal("hypernestd 42 stops", json.RootElement.GetProperty("MESSAGE").GetString());
    }

    [Fact]
    public void ToAFile_EachEntryIsOneJsonLine_WithJournaldsFieldNames()
    {
        var lines = new StringWriter();
        var at = new DateTimeOffset(2026, 12, 4, 21, 0, 0, TimeSpan.Zero);
        var clock = new HyperNest.Core.Tests.Hosting.ShiftedClock { Offset = at - TimeProvider.System.GetUtcNow() };
        using var log = new ServiceLog(lines, null, "/h", clock);
        var id = Guid.NewGuid();

        log.VmEvent(new VmEvent { TimeCreated = clock.GetUtcNow(), Level = VmEventLevel.Warning, VMName = "web1", VMId = id, Message = "'web1' runs in: /usr/bin/qemu-system-x86_64 -name 'web1'" });
        log.Info("service", "second");

        var written = lines.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, written.Length);
        using var json = JsonDocument.Parse(written[0]);
        var root = json.RootElement;
        Assert.InRange(DateTimeOffset.Parse(root.GetProperty("TIME").GetString()!, System.Globalization.CultureInfo.InvariantCulture) - at, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        Assert.EndsWith("Z", root.GetProperty("TIME").GetString(), StringComparison.Ordinal);
        Assert.Equal(4, root.GetProperty("PRIORITY").GetInt32());
        Assert.Equal("'web1' runs in: /usr/bin/qemu-system-x86_64 -name 'web1'", root.GetProperty("MESSAGE").GetString());
        Assert.Equal("vm event", root.GetProperty(LogFields.Component).GetString());
        Assert.Equal(id.ToString("D"), root.GetProperty(LogFields.VmId).GetString());
        Assert.Equal("web1", root.GetProperty(LogFields.VmName).GetString());
        // Readable as it stands: quotes in a command line are not escaped to \u0027.
        Assert.Contains("runs in: /usr/bin/qemu-system-x86_64 -name 'web1'", written[0], StringComparison.Ordinal);
    }

    [Fact]
    public void StderrThatIsNotTheJournal_IsNotTakenForIt()
    {
        // The test runner's stderr is a pipe or a terminal, never the journal stream JOURNAL_STREAM names.
        Assert.False(JournalWriter.StderrIsTheJournal());
    }
}
