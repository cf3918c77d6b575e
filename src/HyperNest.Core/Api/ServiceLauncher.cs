using System.Diagnostics;
using System.Net.Sockets;
using HyperNest.Hosting;

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

    /// <summary>Under TCG (a guest running HyperNest) the runtime and Kestrel take seconds to start.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    public virtual void Start(ServiceEndpoint endpoint)
    {
        var command = FindServiceCommand();
        Directory.CreateDirectory(Path.GetDirectoryName(endpoint.LogPath)!);
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        // sh backgrounds the service and exits once it listens (or has exited): the service is then nobody's
        // child and holds no terminal, but while it starts its ancestry is this client's, which is how it
        // learns whether it shares /etc with another network namespace (MachineNamespaces).
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(
            "log=$1; socket=$2; shift 2; \"$@\" </dev/null >>\"$log\" 2>&1 & service=$!; tries=0; " +
            "while [ ! -S \"$socket\" ] && kill -0 $service 2>/dev/null && [ $tries -lt 1800 ]; do sleep 0.05; tries=$((tries + 1)); done");
        start.ArgumentList.Add("sh");
        start.ArgumentList.Add(endpoint.LogPath);
        start.ArgumentList.Add(endpoint.SocketPath);
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

    private static string LogTail(string path)
    {
        try
        {
            var lines = File.ReadLines(path).TakeLast(5).ToList();
            return lines.Count == 0 ? "(empty)" : string.Join(" | ", lines);
        }
        catch (IOException)
        {
            return "(no log)";
        }
    }
}
