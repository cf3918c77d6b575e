using HyperNest.Shell.Engine;

namespace HyperNest.Cli;

/// <summary>The interactive prompt: reads statements (continuing lines that end in | or ` or leave { open), runs each, keeps going after errors.</summary>
internal sealed class InteractiveShell(ShellSession session)
{
    private static readonly string HistoryPath =
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".hypernest_history");

    public int Run()
    {
        var editor = new LineEditor(HistoryPath);
        var last = ExecutionResult.Success;
        while (true)
        {
            var text = ReadStatement(editor);
            if (text is null)
            {
                return last.ExitCode;
            }

            if (text.Trim() is "exit" or "quit")
            {
                return 0;
            }

            if (text.Trim().Length == 0)
            {
                continue;
            }

            editor.Remember(text);
            last = ScriptExecutor.Execute(text, session, ExecutionOptions.ContinueOnFailure, null);
        }
    }

    private static string? ReadStatement(LineEditor editor)
    {
        var line = editor.ReadLine($"HN {Environment.CurrentDirectory}> ");
        if (line is null)
        {
            return null;
        }

        var text = line;
        while (NeedsMore(text))
        {
            var more = editor.ReadLine(">> ");
            if (more is null || more.Length == 0)
            {
                break;
            }

            text += "\n" + more;
        }

        return text;
    }

    /// <summary>True when the statement so far cannot be complete: a trailing pipe or backtick, or an open script block.</summary>
    private static bool NeedsMore(string text)
    {
        var trimmed = text.TrimEnd();
        return trimmed.EndsWith('|') || trimmed.EndsWith('`') || trimmed.Count(c => c == '{') > trimmed.Count(c => c == '}');
    }
}
