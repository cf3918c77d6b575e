using System.Collections.Concurrent;
using System.Text;
using HyperNest.Platform;

namespace HyperNest.Remoting;

/// <summary>
/// The guest's end of PowerShell Direct (<c>hypernest -PowerShellDirectEndpoint</c>, started by the guest's
/// init at boot): it reads the host's lines from the VM's PowerShell Direct port and runs one PowerShell
/// server per session, keeping one spare server started and warm so a session does not wait for an engine.
/// A server whose session closed cleanly (PSRP's own close) becomes the spare again, up to
/// <see cref="MaxSessionsPerServer"/> sessions: a new engine costs tens of seconds of one vCPU under TCG.
/// Hyper-V's PowerShell Direct runs over VMBus sockets; this is the same idea over a virtio-serial port.
/// </summary>
/// <param name="spareDelay">How long after a session took the spare the next one starts (<see cref="DefaultSpareDelay"/>).</param>
public sealed class PowerShellDirectEndpoint(Stream port, TextWriter log, Func<SessionServer> startServer, TimeSpan? spareDelay = null)
{
    /// <summary>
    /// The spare waits this long after a session took the last one. A new engine takes the one vCPU (TCG)
    /// from the session for tens of seconds, and most sessions (an Invoke-Command -VMName) end within a few
    /// seconds and give their warm server back: only a session still open by then gets a spare started.
    /// </summary>
    public static readonly TimeSpan DefaultSpareDelay = TimeSpan.FromSeconds(10);

    private readonly TimeSpan _spareDelay = spareDelay ?? DefaultSpareDelay;

    /// <summary>A server serves at most this many sessions, so what one leaves in the process (loaded assemblies, caches) stays bounded.</summary>
    public const int MaxSessionsPerServer = 25;

    /// <summary>With the host not connected, reading the port returns at once (virtio_console's rule); poll gently.</summary>
    private static readonly TimeSpan DisconnectedPoll = TimeSpan.FromMilliseconds(200);

    private readonly ConcurrentDictionary<int, SessionServer> _sessions = new();
    private readonly object _writeLock = new();
    private readonly object _spareLock = new();
    private SessionServer? _spare;
    private Timer? _spareTimer;

    /// <summary>The endpoint as the guest runs it: on the named port, servers being this executable in server mode.</summary>
    public static int Run(string portPath, TextWriter log)
    {
        if (!File.Exists(portPath))
        {
            log.WriteLine($"hypernest: no PowerShell Direct port at {portPath}: the VM was started without it (restart it with this HyperNest)");
            return 1;
        }

        using var port = new FileStream(portPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, bufferSize: 0);
        var executable = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        new PowerShellDirectEndpoint(port, log, () => SessionServer.Start(executable)).Serve(CancellationToken.None);
        return 0;
    }

    /// <summary>Serves until cancelled (or, for a stream that ends for good, until it ends when <paramref name="untilEnd"/>).</summary>
    public void Serve(CancellationToken cancellationToken, bool untilEnd = false)
    {
        ScheduleSpare(TimeSpan.Zero);
        while (!cancellationToken.IsCancellationRequested)
        {
            var reader = new BoundedLineReader(port, DirectMessage.MaxLineBytes);
            while (reader.ReadLine() is { } line)
            {
                Handle(line);
            }

            // The host went away: its sessions are gone with it.
            EndAllSessions();
            if (untilEnd)
            {
                break;
            }

            Thread.Sleep(DisconnectedPoll);
        }

        lock (_spareLock)
        {
            _spareTimer?.Dispose();
            _spare?.Dispose();
            _spare = null;
        }
    }

    private void Handle(BoundedLine line)
    {
        if (line.IsOverlong)
        {
            // Only the session the line was for ends (when its head names one).
            if (DirectMessage.ChannelOf(line.Head) is { } channel)
            {
                EndSession(channel, tellHost: true);
            }

            return;
        }

        if (!DirectMessage.TryParse(line.Text!, out var message))
        {
            // Not a channel line: nothing to attribute it to, so nothing else changes.
            return;
        }

        switch (message.Verb)
        {
            case DirectVerb.Hello:
                EndAllSessions();
                Send(DirectMessage.Ready);
                break;
            case DirectVerb.Open:
                OpenSession(message.Channel);
                break;
            case DirectVerb.Data when _sessions.TryGetValue(message.Channel, out var server):
                if (!server.WriteLine(message.Payload))
                {
                    EndSession(message.Channel, tellHost: true);
                }

                break;
            case DirectVerb.Close:
                EndSession(message.Channel, tellHost: false);
                break;
        }
    }

    private void OpenSession(int channel)
    {
        SessionServer server;
        try
        {
            server = TakeServer();
        }
        catch (Exception ex)
        {
            log.WriteLine($"hypernest: could not start a PowerShell server for session {channel}: {ex.Message}");
            Send(DirectMessage.Close(channel));
            return;
        }

        if (!_sessions.TryAdd(channel, server))
        {
            ReturnOrStop(server);
            return;
        }

        server.Assign(channel);
        SetPriority(server, spare: false);
        ScheduleSpare(_spareDelay);
    }

    private SessionServer TakeServer()
    {
        lock (_spareLock)
        {
            var spare = _spare;
            _spare = null;
            if (spare is not null && !spare.HasExited)
            {
                return spare;
            }

            spare?.Dispose();
        }

        return StartServer();
    }

    /// <summary>Starts a server and the pump that carries its output, for the server's whole life.</summary>
    private SessionServer StartServer()
    {
        var server = startServer();
        var pump = new Thread(() => Pump(server)) { IsBackground = true, Name = "server " + server.ProcessId };
        pump.Start();
        return server;
    }

    /// <summary>
    /// A server whose session closed cleanly waits as the spare; any other is stopped. It is warm (it just
    /// served a session), while a spare that has served none may still be starting its engine: the warm one
    /// stays and the other is stopped, so back-to-back calls never wait for an engine.
    /// </summary>
    private void ReturnOrStop(SessionServer server)
    {
        server.Channel = 0;
        if (server.SessionClosedCleanly && !server.HasExited && server.SessionsServed < MaxSessionsPerServer)
        {
            SessionServer? replaced;
            lock (_spareLock)
            {
                if (_spare is { HasExited: false, SessionsServed: > 0 })
                {
                    replaced = server;
                }
                else
                {
                    replaced = _spare;
                    _spare = server;
                }
            }

            replaced?.Dispose();
            return;
        }

        server.Dispose();
    }

    private void ScheduleSpare(TimeSpan delay)
    {
        lock (_spareLock)
        {
            _spareTimer?.Dispose();
            _spareTimer = new Timer(_ => StartSpare(), null, delay, Timeout.InfiniteTimeSpan);
        }
    }

    private void StartSpare()
    {
        lock (_spareLock)
        {
            if (_spare is { HasExited: false })
            {
                return;
            }

            try
            {
                _spare?.Dispose();
                _spare = StartServer();
                SetPriority(_spare, spare: true);
            }
            catch (Exception ex)
            {
                _spare = null;
                log.WriteLine($"hypernest: could not start a spare PowerShell server: {ex.Message}");
            }
        }
    }

    /// <summary>
    /// A spare warms its engine up at nice 19, in CPU time the rest of the guest leaves: at the endpoint's nice 5
    /// it took a third of an L1's one vCPU while the session that took the last spare booted an L2 (the session
    /// took another third; measured). A server given a session runs at the endpoint's own priority again, as does
    /// what its session starts (an L2's QEMU takes its nice value). Not higher: at nice 5 HyperNest's work stays
    /// behind the guest's own (its agent among them), and nice 0 made the nested benchmark no faster.
    /// </summary>
    private void SetPriority(SessionServer server, bool spare)
    {
        try
        {
            ProcessScheduling.SetNice(server.ProcessId, spare ? ProcessScheduling.Background : ProcessScheduling.OwnNice());
        }
        catch (IOException ex)
        {
            log.WriteLine($"hypernest: PowerShell server {server.ProcessId} keeps its priority: {ex.Message}");
        }
    }

    /// <summary>
    /// The server's lines go to the host on the channel of the session it serves (lines of an idle server, which
    /// writes none, are dropped); when the server ends, so does its session.
    /// </summary>
    private void Pump(SessionServer server)
    {
        var reader = new BoundedLineReader(server.Output, DirectMessage.MaxLineBytes - 32);
        try
        {
            while (reader.ReadLine() is { } line)
            {
                var channel = server.Channel;
                if (channel == 0)
                {
                    continue;
                }

                if (line.IsOverlong)
                {
                    // Its session cannot be followed any more: end it, and the server with it.
                    EndSession(channel, tellHost: true);
                    return;
                }

                server.Saw(line.Text!);
                Send(DirectMessage.Data(channel, line.Text!));
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
        }

        if (server.Channel is var ended and not 0 && _sessions.TryGetValue(ended, out var still) && ReferenceEquals(still, server))
        {
            EndSession(ended, tellHost: true);
        }
    }

    private void EndSession(int channel, bool tellHost)
    {
        if (_sessions.TryRemove(channel, out var server))
        {
            ReturnOrStop(server);
        }

        if (tellHost)
        {
            Send(DirectMessage.Close(channel));
        }
    }

    private void EndAllSessions()
    {
        foreach (var channel in _sessions.Keys)
        {
            EndSession(channel, tellHost: false);
        }
    }

    private void Send(DirectMessage message)
    {
        var bytes = Encoding.UTF8.GetBytes(message + "\n");
        try
        {
            lock (_writeLock)
            {
                port.Write(bytes);
                port.Flush();
            }
        }
        catch (IOException ex)
        {
            // The host is not connected: what it would have read is moot; its sessions end when it reconnects.
            log.WriteLine($"hypernest: PowerShell Direct: could not write to the host ({ex.Message})");
        }
    }
}
