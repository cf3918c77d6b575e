using System.ComponentModel;
using HyperNest.Hosting;
using HyperNest.Processes;

namespace HyperNest.Network.Linux;

/// <summary>Runs iproute2's ip and bridge, and nft; a failure becomes a <see cref="NetworkBackendException"/> with the tool's words.</summary>
internal static class NetworkTool
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>They live in /usr/sbin, which a non-login root shell or a service's PATH may lack.</summary>
    private static readonly string[] SystemDirectories = ["/usr/sbin", "/sbin", "/usr/bin", "/bin"];

    public static string Ip(params string[] arguments) => Run("ip", arguments, standardInput: null);

    /// <summary>Runs a delete; returns false when the object was already gone (see <see cref="AlreadyGone"/>).</summary>
    public static bool IpDelete(params string[] arguments) => RunDelete("ip", arguments);

    public static string Nft(string[] arguments, string? standardInput = null) => Run("nft", arguments, standardInput);

    /// <summary>iproute2's bridge (VLANs of bridge ports); -batch - reads its commands from <paramref name="standardInput"/> and stops at the first failure.</summary>
    public static string Bridge(string[] arguments, string? standardInput = null) => Run("bridge", arguments, standardInput);

    public static bool NftDelete(params string[] arguments) => RunDelete("nft", arguments);

    /// <summary>How a command appears in an error message: arguments with spaces or quotes are quoted.</summary>
    public static string CommandLine(string tool, IEnumerable<string> arguments) =>
        string.Join(' ', arguments.Prepend(tool).Select(a => a.Length == 0 || a.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'')
            ? "\"" + a.Replace("\"", "\\\"", StringComparison.Ordinal) + "\""
            : a));

    private static string Run(string tool, string[] arguments, string? standardInput)
    {
        var result = Execute(tool, arguments, standardInput);
        if (!result.Succeeded)
        {
            throw Failure(tool, arguments, result);
        }

        return result.StandardOutput;
    }

    private static bool RunDelete(string tool, string[] arguments)
    {
        var result = Execute(tool, arguments, standardInput: null);
        if (result.Succeeded)
        {
            return true;
        }

        return AlreadyGone.IsAlreadyGone(result.StandardError) ? false : throw Failure(tool, arguments, result);
    }

    private static ExternalProcess.Result Execute(string tool, string[] arguments, string? standardInput)
    {
        try
        {
            return ExternalProcess.Run(Locate(tool), arguments, Timeout, standardInput);
        }
        catch (Win32Exception e)
        {
            throw new NetworkBackendException($"'{tool}' could not be started ({e.Message}); is {(tool == "nft" ? "nftables" : "iproute2")} installed?", e);
        }
        catch (TimeoutException e)
        {
            throw new NetworkBackendException($"'{CommandLine(tool, arguments)}' did not finish: {e.Message}", e);
        }
    }

    private static NetworkBackendException Failure(string tool, string[] arguments, ExternalProcess.Result result)
    {
        var words = result.StandardError.Trim() is { Length: > 0 } stderr ? stderr : result.StandardOutput.Trim();
        return new NetworkBackendException($"'{CommandLine(tool, arguments)}' failed (exit {result.ExitCode}): {words}");
    }

    public static bool IsInstalled(string tool) => SystemDirectories.Any(directory => File.Exists(Path.Combine(directory, tool)));

    private static string Locate(string tool) =>
        SystemDirectories.Select(directory => Path.Combine(directory, tool)).FirstOrDefault(File.Exists) ?? tool;
}
