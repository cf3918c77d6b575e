using HyperNest.Shell.Formatting;
using HyperNest.Shell.Language;

namespace HyperNest.Shell.Engine;

/// <summary>One run of a script: its text (for error positions), the session, and whether the current statement failed.</summary>
internal sealed class ExecutionContext(ShellSession session, string script, string? sourceName, List<ErrorRecord>? errors = null)
{
    public ShellSession Session { get; } = session;

    /// <summary>The text being run; error positions and script blocks refer to it.</summary>
    public string Script { get; } = script;

    public bool StatementFailed { get; private set; }

    /// <summary>Exit code of the external program that failed the statement, if one did.</summary>
    public int? FailedExitCode { get; private set; }

    public void BeginStatement()
    {
        StatementFailed = false;
        FailedExitCode = null;
    }

    public void ReportError(ErrorRecord record)
    {
        StatementFailed = true;
        var positioned = record.Position is null && record.Extent is { } extent
            ? record with { Position = ScriptPosition.From(Script, extent, sourceName) }
            : record;
        errors?.Add(positioned);
        Session.Error.Write(ErrorFormatter.Format(positioned));
        Session.Error.Flush();
    }

    public void ReportExitCode(int exitCode)
    {
        Session.LastExitCode = exitCode;
        if (exitCode != 0)
        {
            StatementFailed = true;
            FailedExitCode = exitCode;
        }
    }
}
