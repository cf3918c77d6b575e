using System.Diagnostics;

namespace HyperNest.IntegrationTests;

/// <summary>
/// A bash script run in a brand-new network namespace, as after a reboot (no bridges, addresses, tables;
/// another kernel identity), with a HyperNest home; `hypernest` there is the built CLI.
/// </summary>
internal static class FreshNamespace
{
    public sealed record Outcome(int ExitCode, string Output, string Errors)
    {
        public override string ToString() => $"exit {ExitCode}\n{Output}\n{Errors}";
    }

    /// <summary>The built CLI, as the scripts' `hypernest` function runs it.</summary>
    public static string Cli => Path.Combine(AppContext.BaseDirectory, "hypernest.dll");

    /// <param name="ownMountNamespace">Also a mount namespace of its own (unshare --mount), for a script that mounts a /run or /sys of its own.</param>
    public static Outcome Run(string home, string resolverFile, string script, bool ownMountNamespace = false)
    {
        var info = new ProcessStartInfo("unshare") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] namespaces = ownMountNamespace ? ["--net", "--mount"] : ["--net"];
        foreach (var argument in (string[])[.. namespaces, "--", "bash", "-c", $"ip link set lo up; hypernest() {{ dotnet '{Cli}' \"$@\"; }}; {script}"])
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["HYPERNEST_HOME"] = home;
        info.Environment["HYPERNEST_RESOLV_CONF"] = resolverFile;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
        }

        return new Outcome(process.ExitCode, output.GetAwaiter().GetResult(), errors.GetAwaiter().GetResult());
    }
}
