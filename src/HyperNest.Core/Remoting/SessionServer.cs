using System.Diagnostics;
using System.Text;

namespace HyperNest.Remoting;

/// <summary>
/// One PowerShell server in the guest (<c>hypernest -s</c>, PowerShell's out-of-process server mode, as
/// pwsh -s serves SSH remoting): PSRP lines in on its stdin, out on its stdout. Started before a session
/// asks for it, so the engine is loaded and warmed up by then (<see cref="WarmUpVariable"/>).
/// </summary>
public sealed class SessionServer : IDisposable
{
    /// <summary>Set for servers the endpoint starts: the server warms its engine up before it reads its first line.</summary>
    public const string WarmUpVariable = "HYPERNEST_SESSION_SERVER";

    /// <summary>
    /// Set to 0 for the servers the endpoint starts, which turns .NET's tiered compilation off in them. With it
    /// on, the methods a session uses often are compiled again, optimized, on a background thread while the
    /// session's command runs; in an L1 under TCG that thread took 40 % of the guest's one vCPU for the first
    /// 10 s of each session (iperf3 through Invoke-Command: 1415 Mbit/s with it, 2712 without, against 2686
    /// through the guest agent). HyperNest and PowerShell are published ReadyToRun, so the code runs as compiled
    /// ahead of time instead, and warm round trips got shorter too (0.7-0.9 s against 1.1-1.3 s; docs/benchmarks.md).
    /// </summary>
    public const string TieredCompilationVariable = "DOTNET_TieredCompilation";

    /// <summary>
    /// The variables only the server process is meant to have: it removes them from its environment when it
    /// starts, so neither its sessions nor what they start inherit them.
    /// </summary>
    public static readonly IReadOnlyList<string> ServerOnlyVariables = [WarmUpVariable, TieredCompilationVariable];

    /// <summary>
    /// True in a PowerShell Direct session server inside a guest. Its cmdlets run the host API in the
    /// session instead of through the guest's hypernestd: started cold under TCG, the service costs a tiny
    /// guest 60-80 s and an L2 minutes before the first cmdlet answers (measured), until guests start it at
    /// their boot.
    /// </summary>
    public static bool IsThisProcess { get; set; }

    /// <summary>
    /// Run in every session's runspace when it opens: the process's environment and directory as the server
    /// started (<see cref="SessionServerState"/>), then aliases. PowerShell's own Invoke-Command, New-PSSession and
    /// Enter-PSSession are cmdlets of a module that is always loaded, so command lookup never autoloads
    /// HyperNest for them; aliases (which win over cmdlets) send them to HyperNest's -VMName proxies, so
    /// an L1 session reaches its own L2s, as on the host. HyperNest itself still loads only when used.
    /// </summary>
    public const string SessionStartCommand =
        "[HyperNest.Remoting.SessionServerState]::Restore(); " +
        "Set-Alias -Name Invoke-Command -Value HyperNest\\Invoke-Command; " +
        "Set-Alias -Name New-PSSession -Value HyperNest\\New-PSSession; " +
        "Set-Alias -Name Enter-PSSession -Value HyperNest\\Enter-PSSession";

    /// <summary>The guest agent's PATH lacks /usr/local/bin, where the guest's hypernest is; a session has the usual one.</summary>
    private const string SessionPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private static readonly TimeSpan ExitGrace = TimeSpan.FromSeconds(5);

    /// <summary>
    /// What the server writes when the client closed its runspace pool cleanly (PSRP's CloseAck for the
    /// session itself, whose PSGuid is empty): the server is idle again and can serve the next session.
    /// </summary>
    private const string SessionClosedLine = "<CloseAck PSGuid='00000000-0000-0000-0000-000000000000'";

    private volatile bool _sessionClosedCleanly;

    private readonly Process _process;
    private readonly object _inputLock = new();

    private SessionServer(Process process) => _process = process;

    public bool HasExited => _process.HasExited;

    /// <summary>The channel of the session it serves; 0 while it waits for one.</summary>
    public volatile int Channel;

    /// <summary>How many sessions it has been given.</summary>
    public int SessionsServed { get; private set; }

    /// <summary>Whether its current session ended with PSRP's own close, leaving the server fit for another.</summary>
    public bool SessionClosedCleanly => _sessionClosedCleanly;

    /// <summary>Gives the server a session.</summary>
    public void Assign(int channel)
    {
        _sessionClosedCleanly = false;
        SessionsServed++;
        Channel = channel;
    }

    /// <summary>Watches what the server writes for the end of its session.</summary>
    public void Saw(string line)
    {
        if (line.StartsWith(SessionClosedLine, StringComparison.Ordinal))
        {
            _sessionClosedCleanly = true;
        }
    }

    public int ProcessId => _process.Id;

    public static SessionServer Start(string executable)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            WorkingDirectory = "/root",
        };
        foreach (var argument in new[] { "-s", "-NoLogo", "-NoProfile", "-Command", SessionStartCommand })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PATH"] = SessionPath;
        start.Environment["HOME"] = "/root";
        start.Environment["TERM"] = "dumb";
        start.Environment[WarmUpVariable] = "1";
        start.Environment[TieredCompilationVariable] = "0";
        return new SessionServer(Process.Start(start) ?? throw new IOException($"could not start {executable}"));
    }

    /// <summary>The server's stdout, for the endpoint's pump.</summary>
    public Stream Output => _process.StandardOutput.BaseStream;

    /// <summary>Writes one PSRP line to the server; false when it is gone.</summary>
    public bool WriteLine(string line)
    {
        try
        {
            lock (_inputLock)
            {
                _process.StandardInput.Write(line);
                _process.StandardInput.Write('\n');
                _process.StandardInput.Flush();
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Closes its stdin (the server's cue to end), and kills it when it has not ended in a few seconds.</summary>
    public void Dispose()
    {
        try
        {
            lock (_inputLock)
            {
                _process.StandardInput.Close();
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
        {
        }

        var process = _process;
        _ = Task.Run(() =>
        {
            try
            {
                if (!process.WaitForExit(ExitGrace))
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit();
                }
            }
            catch (InvalidOperationException)
            {
            }
            finally
            {
                process.Dispose();
            }
        });
    }
}
