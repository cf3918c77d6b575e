namespace HyperNest.Shell.Engine;

/// <summary>
/// A read-eval-print loop: reads a statement (more lines while it is incomplete: open quote or brace,
/// trailing '|' or backtick), runs it, reports errors and goes on. Ends at end of input or 'exit'.
/// </summary>
public static class InteractiveShell
{
    public const string Prompt = "PS HyperNest> ";
    public const string ContinuationPrompt = ">> ";

    /// <summary>Runs until <paramref name="input"/> ends or the user types exit; returns the exit code ($LASTEXITCODE or exit's argument).</summary>
    public static int Run(ShellSession session, TextReader input, string prompt = Prompt)
    {
        while (ReadStatement(session, input, prompt) is { } script)
        {
            if (string.IsNullOrWhiteSpace(script))
            {
                continue;
            }

            var result = ScriptExecutor.Execute(script, session, options: ExecutionOptions.ContinueOnFailure);
            if (result.Exited)
            {
                return result.ExitCode;
            }
        }

        return session.LastExitCode;
    }

    /// <summary>Reads one complete statement, prompting for continuation lines; null at end of input.</summary>
    public static string? ReadStatement(ShellSession session, TextReader input, string prompt = Prompt)
    {
        session.Out.Write(prompt);
        session.Out.Flush();
        var text = input.ReadLine();
        if (text is null)
        {
            return null;
        }

        while (ScriptExecutor.IsIncomplete(text))
        {
            session.Out.Write(ContinuationPrompt);
            session.Out.Flush();
            var more = input.ReadLine();
            if (more is null || more.Length == 0)
            {
                break;
            }

            text += "\n" + more;
        }

        return text;
    }
}
