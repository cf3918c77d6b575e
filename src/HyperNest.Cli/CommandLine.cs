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
        Exit code: 0 when every statement succeeded, otherwise non-zero.
        """;

    public static int Run(string[] args)
    {
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
