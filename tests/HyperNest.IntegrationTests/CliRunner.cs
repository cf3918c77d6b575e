using System.Diagnostics;

namespace HyperNest.IntegrationTests;

/// <summary>Runs the real hypernest executable (the built Cli assembly) with a private HYPERNEST_HOME.</summary>
internal static class CliRunner
{
    public sealed record Outcome(int ExitCode, string Output, string Errors);

    private static string CliAssembly => Path.Combine(AppContext.BaseDirectory, "hypernest.dll");

    public static Outcome Run(string home, params string[] arguments) => RunAsync(home, arguments).GetAwaiter().GetResult();

    /// <summary>Runs hypernest with <paramref name="input"/> as its standard input (closed after it).</summary>
    public static Outcome RunWithInput(string home, string input, params string[] arguments) => RunAsync(home, arguments, input).GetAwaiter().GetResult();

    public static async Task<Outcome> RunAsync(string home, string[] arguments, string? input = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = input is not null,
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
        // Namespaces share the machine's /etc: no CLI test may write its resolv.conf.
        info.Environment["HYPERNEST_RESOLV_CONF"] = Path.Combine(home, "resolv.conf");
        using var process = Process.Start(info)!;
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Outcome(process.ExitCode, await output, await errors);
    }
}
