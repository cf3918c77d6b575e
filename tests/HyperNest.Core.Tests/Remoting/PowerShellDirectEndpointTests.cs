using System.IO.Pipes;
using System.Runtime.Versioning;
using System.Text;
using HyperNest.Platform;
using HyperNest.Remoting;

namespace HyperNest.Core.Tests.Remoting;

/// <summary>
/// The guest's endpoint with scripted servers (a shell loop that echoes each line with its pid and nice value and
/// answers PSRP's close with CloseAck): which server serves which session, and at what priority (run as root,
/// as the guest's endpoint is: giving a session's server back the endpoint's nice needs CAP_SYS_NICE).
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class PowerShellDirectEndpointTests : IDisposable
{
    private const string CloseAck = "<CloseAck PSGuid='00000000-0000-0000-0000-000000000000' />";

    private readonly string _directory = Directory.CreateTempSubdirectory("hn-endpoint-").FullName;
    private readonly AnonymousPipeServerStream _hostToGuest = new(PipeDirection.Out);
    private readonly AnonymousPipeServerStream _guestToHost = new(PipeDirection.Out);
    private readonly StreamReader _hostIn;
    private readonly Thread _serving;
    private readonly List<SessionServer> _servers = [];

    public PowerShellDirectEndpointTests()
    {
        var server = Path.Combine(_directory, "server");
        File.WriteAllText(server, $$"""
            #!/bin/sh
            while IFS= read -r line; do
              case "$line" in
                "<Close "*) printf '%s\n' "{{CloseAck}}" ;;
                *) printf 'pid=%s nice=%s %s\n' "$$" "$(cut -d' ' -f19 /proc/$$/stat)" "$line" ;;
              esac
            done
            """);
        File.SetUnixFileMode(server, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        var guestReads = new AnonymousPipeClientStream(PipeDirection.In, _hostToGuest.ClientSafePipeHandle);
        _hostIn = new StreamReader(new AnonymousPipeClientStream(PipeDirection.In, _guestToHost.ClientSafePipeHandle), Encoding.UTF8);
        var endpoint = new PowerShellDirectEndpoint(new DuplexStream(guestReads, _guestToHost), TextWriter.Null, () =>
        {
            var started = SessionServer.Start(server);
            lock (_servers)
            {
                _servers.Add(started);
            }

            return started;
        }, spareDelay: TimeSpan.FromMilliseconds(100));
        _serving = new Thread(() => endpoint.Serve(CancellationToken.None, untilEnd: true)) { IsBackground = true };
        _serving.Start();
    }

    public void Dispose()
    {
        _hostToGuest.Dispose();
        _serving.Join(TimeSpan.FromSeconds(10));
        lock (_servers)
        {
            _servers.ForEach(s => s.Dispose());
        }

        _hostIn.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private void HostSends(string line)
    {
        _hostToGuest.Write(Encoding.UTF8.GetBytes(line + "\n"));
        _hostToGuest.Flush();
    }

    private string HostReads() => _hostIn.ReadLine() ?? throw new EndOfStreamException("the endpoint ended");

    /// <summary>Opens a session and returns the pid of the server that answers on it.</summary>
    private string OpenAndAsk(int channel) => OpenAndAskFull(channel).Split(' ')[2];

    /// <summary>Opens a session and returns the server's whole answer ("data N pid=P nice=V who").</summary>
    private string OpenAndAskFull(int channel)
    {
        HostSends($"open {channel}");
        HostSends($"data {channel} who");
        var answer = HostReads();
        Assert.StartsWith($"data {channel} pid=", answer);
        return answer;
    }

    private void CloseCleanly(int channel)
    {
        HostSends($"data {channel} <Close PSGuid='00000000-0000-0000-0000-000000000000' />");
        Assert.Equal($"data {channel} {CloseAck}", HostReads());
        HostSends($"close {channel}");
    }

    [Fact]
    public void ServerBackFromACleanSession_IsKeptOverASpareThatStartedMeanwhile_AndServesTheNextSession()
    {
        HostSends("hello");
        Assert.Equal("ready", HostReads());
        var first = OpenAndAsk(1);

        // The session outlives the spare delay: a fresh spare starts while it runs.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (ServersStarted() < 2 && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(20);
        }

        Assert.Equal(2, ServersStarted());
        CloseCleanly(1);

        Assert.Equal(first, OpenAndAsk(2));
    }

    [Fact]
    public void ServerOfASessionThatDidNotCloseCleanly_IsNotReused()
    {
        HostSends("hello");
        Assert.Equal("ready", HostReads());
        var first = OpenAndAsk(1);
        HostSends("close 1");

        Assert.NotEqual(first, OpenAndAsk(2));
    }

    [Fact]
    public void Spare_WarmsUpAtNice19_AndItsSessionRunsAtTheEndpointsNice()
    {
        HostSends("hello");
        Assert.Equal("ready", HostReads());
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (ServersStarted() < 1 && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(20);
        }

        SessionServer spare;
        lock (_servers)
        {
            spare = _servers[0];
        }

        // The endpoint lowers the spare right after starting it.
        while (ProcessScheduling.NiceOf(spare.ProcessId) != 19 && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(20);
        }

        Assert.Equal(19, ProcessScheduling.NiceOf(spare.ProcessId));

        var answer = OpenAndAskFull(1);
        Assert.Equal($"pid={spare.ProcessId}", answer.Split(' ')[2]);
        Assert.Equal($"nice={ProcessScheduling.NiceOf(Environment.ProcessId)}", answer.Split(' ')[3]);
    }

    private int ServersStarted()
    {
        lock (_servers)
        {
            return _servers.Count;
        }
    }
}
