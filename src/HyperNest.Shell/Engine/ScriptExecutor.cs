using HyperNest.Hosting;
using HyperNest.Shell.Formatting;
using HyperNest.Shell.Language;

namespace HyperNest.Shell.Engine;

/// <summary>
/// The entry point of the shell: parses a script and runs its statements, formatting each statement's
/// output with Out-Default to the session's output and printing errors PowerShell-style.
/// </summary>
public static class ScriptExecutor
{
    /// <summary>
    /// Runs <paramref name="script"/>. A parse error runs nothing. With <see cref="ExecutionOptions.StopOnFailure"/>
    /// (the default, for -c and -File) the first failing statement ends the run.
    /// </summary>
    public static ExecutionResult Execute(string script, ShellSession session, string? sourceName = null, ExecutionOptions? options = null)
    {
        var output = new OutDefault(session.Out, session.ConsoleWidth);
        return Run(script, session, sourceName, options ?? ExecutionOptions.StopOnFailure, output.Write, output.Flush, null, outputIsConsole: true);
    }

    /// <summary>
    /// Runs <paramref name="script"/> and returns the objects it outputs instead of formatting them (for
    /// tests and for callers that render objects themselves). Errors are still printed to the session.
    /// </summary>
    public static InvocationResult Invoke(string script, ShellSession session, string? sourceName = null, ExecutionOptions? options = null)
    {
        var objects = new List<object?>();
        var errors = new List<ErrorRecord>();
        var result = Run(script, session, sourceName, options ?? ExecutionOptions.StopOnFailure, objects.Add, () => { }, errors, outputIsConsole: false);
        return new InvocationResult(objects, errors, result);
    }

    private static ExecutionResult Run(
        string script, ShellSession session, string? sourceName, ExecutionOptions options, Action<object?> write, Action flush, List<ErrorRecord>? errors, bool outputIsConsole)
    {
        var context = new ExecutionContext(session, script, sourceName, errors);
        ScriptAst ast;
        try
        {
            ast = Parser.Parse(script);
        }
        catch (ShellException ex)
        {
            context.ReportError(ex.Record);
            return new ExecutionResult(false, 1);
        }

        var runner = new ScriptRunner(context) { TopLevelOutputIsConsole = outputIsConsole && session.ExternalProgramsUseConsole };
        var result = ExecutionResult.Success;
        foreach (var statement in ast.Statements)
        {
            context.BeginStatement();
            session.ResetStatementCancellation();
            try
            {
                runner.RunTopLevel(statement, write, flush);
            }
            catch (ShellException ex)
            {
                context.ReportError(ex.Record.Extent is null ? ex.Record with { Extent = statement.Extent } : ex.Record);
            }
            catch (ExitException ex)
            {
                return new ExecutionResult(ex.ExitCode == 0, ex.ExitCode) { Exited = true };
            }
            catch (OperationCanceledException) when (session.CancellationToken.IsCancellationRequested)
            {
                context.ReportError(new ErrorRecord("The pipeline has been stopped.", ErrorCategory.OperationStopped, "PipelineStopped") { Reason = "PipelineStoppedException" });
                return new ExecutionResult(false, 130);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                context.ReportError(new ErrorRecord(ex.Message, ErrorCategory.NotSpecified, ex.GetType().Name, null, null, ex) { Extent = statement.Extent });
            }
            finally
            {
                flush();
            }

            session.Variables["?"] = !context.StatementFailed;
            if (context.StatementFailed)
            {
                result = new ExecutionResult(false, context.FailedExitCode ?? 1);
                if (options.StopAtFirstFailure)
                {
                    break;
                }
            }
        }

        return result;
    }

    /// <summary>True when <paramref name="script"/> stops too early (open quote, brace or parenthesis, trailing '|' or backtick); a prompt reads another line.</summary>
    public static bool IsIncomplete(string script)
    {
        if (EndsWithContinuation(script))
        {
            return true;
        }

        try
        {
            Parser.Parse(script);
            return false;
        }
        catch (ShellException ex)
        {
            return ParseError.IncompleteInputIds.Contains(ex.Record.ErrorId) && ex.Record.Extent is { } extent && IsAtEnd(script, extent, ex.Record.ErrorId);
        }
    }

    private static bool EndsWithContinuation(string script) => script.TrimEnd('\r', '\n').EndsWith('`');

    private static bool IsAtEnd(string script, Extent extent, string errorId) =>
        errorId != "EmptyPipeElement" || string.IsNullOrWhiteSpace(script[extent.End..]);
}
