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

    public static Outcome Run(string home, string resolverFile, string script)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "hypernest.dll");
        var info = new ProcessStartInfo("unshare") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--net", "--", "bash", "-c", $"ip link set lo up; hypernest() {{ dotnet '{cli}' \"$@\"; }}; {script}" })
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
