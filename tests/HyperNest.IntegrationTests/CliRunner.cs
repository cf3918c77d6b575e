using System.Diagnostics;

namespace HyperNest.IntegrationTests;

/// <summary>Runs the real hypernest executable (the built Cli assembly) with a private HYPERNEST_HOME.</summary>
internal static class CliRunner
{
    public sealed record Outcome(int ExitCode, string Output, string Errors);

    private static string CliAssembly => Path.Combine(AppContext.BaseDirectory, "hypernest.dll");

    public static Outcome Run(string home, params string[] arguments) => RunAsync(home, arguments).GetAwaiter().GetResult();

    public static async Task<Outcome> RunAsync(string home, string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(CliAssembly);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["HYPERNEST_HOME"] = home;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Outcome(process.ExitCode, await output, await errors);
    }
}
