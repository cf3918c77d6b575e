using HyperNest.Hosting;
using HyperNest.Shell.Engine;

namespace HyperNest.Cli;

/// <summary>
/// The hypernest executable: `hypernest` (interactive), `hypernest -c '<line>'`, `hypernest -File x.ps1`.
/// -c and -File stop at the first failing statement and exit non-zero, as pwsh does.
/// </summary>
internal static class CommandLine
{
    private const string Usage = """
        Usage:
          hypernest                      interactive shell (prompt, history)
          hypernest -c '<commands>'      run commands and exit
          hypernest -File <script.ps1>   run a script file and exit
          hypernest -Version             print the version
          hypernest -RestoreNetwork      re-apply the stored switches, addresses, NATs and DNS (boot hook)
        Exit code: 0 when every statement succeeded, otherwise non-zero.
        """;

    public static int Run(string[] args)
    {
        // Before the shell session: the guest boot hook runs this with no console, and it needs
        // nothing of the shell (no prompt, no Ctrl+C handling).
        if (args is [var only] && only.ToLowerInvariant() is "-restorenetwork" or "--restore-network")
        {
            return RestoreNetwork(HostFactory.CreateDefault, Console.Error);
        }

        using var session = new ShellSession(HostFactory.CreateDefault, Console.Out, Console.Error)
        {
            ExternalProgramsUseConsole = !Console.IsOutputRedirected,
            ConsoleWidth = Console.IsOutputRedirected ? null : Console.WindowWidth,
        };

        // Ctrl+C stops the running statement, not the shell (as in pwsh).
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            session.CancelCurrentStatement();
        };
        if (args.Length == 0)
        {
            session.InteractiveProgress = !Console.IsErrorRedirected;
            return TerminalShell.Run(session);
        }

        switch (args[0].ToLowerInvariant())
        {
            case "-c" or "-command" or "--command" when args.Length >= 2:
                return Execute(session, string.Join(' ', args[1..]), "<command line>");
            case "-file" or "--file" when args.Length >= 2:
                return RunFile(session, args[1]);
            case "-version" or "--version":
                Console.Out.WriteLine(typeof(CommandLine).Assembly.GetName().Version?.ToString(3));
                return 0;
            case "-h" or "-help" or "--help" or "-?":
                Console.Out.WriteLine(Usage);
                return 0;
            default:
                Console.Error.WriteLine($"hypernest: '{string.Join(' ', args)}' is not understood.");
                Console.Error.WriteLine(Usage);
                return 2;
        }
    }

    /// <summary>
    /// hypernest -RestoreNetwork: re-applies the stored network configuration after a reboot. Any
    /// failure (no state, a half-implemented backend, a command that fails) is printed and exits 1,
    /// so the boot log says why the network is not back.
    /// </summary>
    internal static int RestoreNetwork(Func<IVirtualizationHost> createHost, TextWriter errors)
    {
        try
        {
            using var host = createHost();
            host.RestoreNetwork();
            return 0;
        }
        catch (Exception ex)
        {
            errors.WriteLine($"hypernest: -RestoreNetwork failed: {ex.Message}");
            return 1;
        }
    }

    private static int RunFile(ShellSession session, string path)
    {
        string script;
        try
        {
            script = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"hypernest: the script file '{path}' cannot be read: {ex.Message}");
            return 2;
        }

        return Execute(session, script, Path.GetFullPath(path));
    }

    private static int Execute(ShellSession session, string script, string sourceName) =>
        ScriptExecutor.Execute(script, session, sourceName, ExecutionOptions.StopOnFailure).ExitCode;
}
