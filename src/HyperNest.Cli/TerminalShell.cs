using HyperNest.Shell.Engine;

namespace HyperNest.Cli;

/// <summary>
/// The interactive prompt on a terminal: the engine's read-eval-print loop, with a line editor that
/// keeps history (~/.hypernest_history). Without a terminal the engine's plain loop reads stdin.
/// </summary>
internal static class TerminalShell
{
    private static readonly string HistoryPath =
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".hypernest_history");

    public static int Run(ShellSession session)
    {
        if (Console.IsInputRedirected)
        {
            return InteractiveShell.Run(session, Console.In);
        }

        var editor = new LineEditor(HistoryPath);
        while (ReadStatement(editor) is { } script)
        {
            if (string.IsNullOrWhiteSpace(script))
            {
                continue;
            }

            editor.Remember(script);
            var result = ScriptExecutor.Execute(script, session, options: ExecutionOptions.ContinueOnFailure);
            if (result.Exited)
            {
                return result.ExitCode;
            }
        }

        return session.LastExitCode;
    }

    private static string? ReadStatement(LineEditor editor)
    {
        var text = editor.ReadLine(InteractiveShell.Prompt);
        while (text is not null && ScriptExecutor.IsIncomplete(text))
        {
            var more = editor.ReadLine(InteractiveShell.ContinuationPrompt);
            if (string.IsNullOrEmpty(more))
            {
                break;
            }

            text += "\n" + more;
        }

        return text;
    }
}
