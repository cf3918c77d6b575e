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
        options ??= ExecutionOptions.StopOnFailure;
        var context = new ExecutionContext(session, script, sourceName);
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

        var runner = new ScriptRunner(context);
        var result = ExecutionResult.Success;
        foreach (var statement in ast.Statements)
        {
            context.BeginStatement();
            var output = new OutDefault(session.Out);
            try
            {
                runner.RunStatement(statement, output.Write);
            }
            catch (ShellException ex)
            {
                context.ReportError(ex.Record.Extent is null ? ex.Record with { Extent = statement.Extent } : ex.Record);
            }
            catch (OperationCanceledException) when (session.CancellationToken.IsCancellationRequested)
            {
                context.ReportError(new ErrorRecord("The pipeline has been stopped.", ErrorCategory.OperationStopped, "PipelineStopped") { Reason = "PipelineStoppedException" });
                output.Flush();
                return new ExecutionResult(false, 130);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                context.ReportError(new ErrorRecord(ex.Message, ErrorCategory.NotSpecified, ex.GetType().Name, null, null, ex) { Extent = statement.Extent });
            }
            finally
            {
                output.Flush();
            }

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

    private static bool IsAtEnd(string script, Extent extent, string errorId) =>
        errorId != "EmptyPipeElement" || string.IsNullOrWhiteSpace(script[extent.End..]);
}
