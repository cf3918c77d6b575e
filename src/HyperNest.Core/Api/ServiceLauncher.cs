using System.Diagnostics;
using System.Net.Sockets;
using HyperNest.Hosting;
using HyperNest.Network.Linux;

namespace HyperNest.Api;

/// <summary>
/// Starts a home's hypernestd where no init system started it (containers, CI, tests, guests): the first
/// client runs it detached from its terminal and session (Ctrl+C in the shell must not stop the VMs' owner),
/// with the client's paths (home, image cache, resolver file) and environment.
/// Two clients starting it at once are fine: the second service finds the first one's lock and exits.
/// </summary>
public class ServiceLauncher
{
    public const string ExecutableName = "hypernestd";

    /// <summary>Tells the service its network namespace shares /etc with another one (see MachineNamespaces).</summary>
    public const string EtcSharedOption = "--etc-shared-with-another-network-namespace";

    /// <summary>Under TCG (a guest running HyperNest, an L2 inside an L1) the runtime and Kestrel take up to a minute to start.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(300);

    public virtual void Start(ServiceEndpoint endpoint)
    {
        var command = FindServiceCommand();
        Directory.CreateDirectory(Path.GetDirectoryName(endpoint.LogPath)!);
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        // sh backgrounds the service and exits: the service is nobody's child and holds no terminal.
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("log=$1; shift; \"$@\" </dev/null >>\"$log\" 2>&1 &");
        start.ArgumentList.Add("sh");
        start.ArgumentList.Add(endpoint.LogPath);
        foreach (var part in command)
        {
            start.ArgumentList.Add(part);
        }

        // The client's paths are the service's: the home it owns, the image cache, the resolver file the DNS cmdlets write.
        foreach (var (option, value) in ServiceArguments(endpoint.Paths))
        {
            start.ArgumentList.Add(option);
            start.ArgumentList.Add(value);
        }

        // Whether this namespace shares the machine's /etc with another is read from the process's ancestry
        // (MachineNamespaces), which the detached service no longer has: this client says it.
        if (MachineNamespaces.SharesEtcWithAnotherNetworkNamespace())
        {
            start.ArgumentList.Add(EtcSharedOption);
        }
        using var shell = Process.Start(start) ?? throw new InvalidOperationException("/bin/sh did not start.");
        shell.WaitForExit();
    }

    public static IEnumerable<(string Option, string Value)> ServiceArguments(HostPaths paths) =>
    [
        ("--home", paths.Home),
        ("--cache", paths.Cache),
        ("--resolv-conf", paths.ResolverConfiguration),
    ];

    public Socket WaitUntilListening(ServiceEndpoint endpoint, Func<Socket?> tryConnect)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (tryConnect() is { } socket)
            {
                return socket;
            }

            Thread.Sleep(50);
        }

        throw new HostException(
            $"hypernestd did not start listening on '{endpoint.SocketPath}' within {StartTimeout.TotalSeconds:0} s. Its log '{endpoint.LogPath}' ends: {LogTail(endpoint.LogPath)}",
            ErrorCategory.ResourceUnavailable, "ServiceDidNotStart", endpoint.SocketPath);
    }

    /// <summary>
    /// The service beside HyperNest's own assemblies (the published folder, which any pwsh importing the
    /// module loads them from): its hypernestd executable, or in a build's output (tests) its assembly run
    /// by the dotnet host.
    /// </summary>
    public static IReadOnlyList<string> FindServiceCommand()
    {
        var folder = Path.GetDirectoryName(typeof(ServiceLauncher).Assembly.Location) ?? AppContext.BaseDirectory;
        var executable = Path.Combine(folder, ExecutableName);
        if (File.Exists(executable))
        {
            return [executable];
        }

        var assembly = Path.Combine(folder, ExecutableName + ".dll");
        if (File.Exists(assembly))
        {
            var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath ? hostPath : "dotnet";
            return [dotnet, assembly];
        }

        throw new HostException(
            $"hypernestd is not installed beside this program (looked for '{executable}'). Install HyperNest with ./run.sh, which puts both in /usr/local/lib/hypernest.",
            ErrorCategory.NotInstalled, "ServiceNotInstalled", executable);
    }

    /// <summary>A log line's text: the service writes JSON lines (its MESSAGE field); the runtime may print plain ones.</summary>
    private static string MessageOf(string line)
    {
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(line);
            return json.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && json.RootElement.TryGetProperty(ServiceEndpoint.LogMessageField, out var message) ? message.ToString() : line;
        }
        catch (System.Text.Json.JsonException)
        {
            return line;
        }
    }

    private static string LogTail(string path)
    {
        try
        {
            var lines = File.ReadLines(path).TakeLast(5).Select(MessageOf).ToList();
            return lines.Count == 0 ? "(empty)" : string.Join(" | ", lines);
        }
        catch (IOException)
        {
            return "(no log)";
        }
    }
}
