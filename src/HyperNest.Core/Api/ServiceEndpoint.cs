using HyperNest.Hosting;

namespace HyperNest.Api;

/// <summary>
/// Where one home's hypernestd listens and keeps its files: all in the home's runtime directory (0700),
/// so only the home's owner reaches the service.
/// </summary>
public sealed record ServiceEndpoint(HostPaths Paths)
{
    /// <summary>The API's version prefix; a client and a service agree on it or the client says so.</summary>
    public const string Version = "v1";

    /// <summary>
    /// Sent by clients with their network namespace: a home's switches, taps and NAT live in the service's
    /// namespace, so a client in another one is refused rather than served somewhere it does not look.
    /// </summary>
    public const string NetworkNamespaceHeader = "HyperNest-Network-Namespace";

    /// <summary>sockaddr_un holds 108 bytes including the terminating zero.</summary>
    private const int MaxSocketPathBytes = 107;

    public string SocketPath => Path.Combine(Paths.RuntimeRoot, "hypernestd.sock");

    /// <summary>Held (flock) by the running service: a second one started for the same home exits at once.</summary>
    public string InstanceLockPath => Path.Combine(Paths.RuntimeRoot, "hypernestd.lock");

    public string PidFilePath => Path.Combine(Paths.RuntimeRoot, "hypernestd.pid");

    /// <summary>The service's log where journald does not take it (containers, CI, tests, guests).</summary>
    public string LogPath => Path.Combine(Paths.Home, "logs", "hypernestd.log");

    /// <summary>The text of a log entry, in journald and in the log file's JSON lines (journald's own field name).</summary>
    public const string LogMessageField = "MESSAGE";

    /// <summary>The pid the service of this home wrote, or null when none runs (or it left no pid).</summary>
    public int? ServicePid()
    {
        try
        {
            return int.TryParse(File.ReadAllText(PidFilePath).Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void RequireUsableSocketPath()
    {
        if (System.Text.Encoding.UTF8.GetByteCount(SocketPath) > MaxSocketPathBytes)
        {
            throw new HostException(
                $"The service socket '{SocketPath}' is longer than the {MaxSocketPathBytes} bytes a Unix socket address holds. Use a shorter HYPERNEST_HOME.",
                ErrorCategory.InvalidArgument, "ServiceSocketPathTooLong", Paths.Home);
        }
    }
}
