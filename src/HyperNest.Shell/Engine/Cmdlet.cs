using HyperNest.Hosting;

namespace HyperNest.Shell.Engine;

/// <summary>
/// Base of every cmdlet. The engine binds parameters, then calls BeginProcessing once, ProcessRecord once
/// per pipeline input (once when there is no pipeline input), and EndProcessing once. A cmdlet only
/// translates parameters to the host API and writes result objects; it holds no rules of its own.
/// A <see cref="HostException"/> thrown from ProcessRecord becomes a non-terminating error record for
/// that input; <see cref="ThrowTerminatingError"/> stops the pipeline.
/// </summary>
public abstract class Cmdlet
{
    private CommandRuntime? _runtime;

    /// <summary>Set by the engine before BeginProcessing.</summary>
    internal CommandRuntime Runtime
    {
        get => _runtime ?? throw new InvalidOperationException("The cmdlet is not running in a pipeline.");
        set => _runtime = value;
    }

    /// <summary>The host API (created on first use so Get-Help and parsing need no state directory).</summary>
    protected IVirtualizationHost Host => Runtime.Session.Host;

    protected ShellSession Session => Runtime.Session;

    /// <summary>The name the cmdlet was invoked as, e.g. "Get-VM".</summary>
    protected string CommandName => Runtime.CommandName;

    /// <summary>The parameter set the binder chose.</summary>
    public string ParameterSetName => Runtime.ParameterSetName;

    protected CancellationToken CancellationToken => Runtime.Session.CancellationToken;

    /// <summary>True when the user gave the parameter (by name, position or pipeline).</summary>
    protected bool IsBound(string parameterName) => Runtime.BoundParameters.Contains(parameterName);

    protected internal virtual void BeginProcessing()
    {
    }

    protected internal virtual void ProcessRecord()
    {
    }

    protected internal virtual void EndProcessing()
    {
    }

    protected void WriteObject(object? value) => Runtime.WriteObject(value);

    protected void WriteObjects<T>(IEnumerable<T> values)
    {
        foreach (var value in values)
        {
            Runtime.WriteObject(value);
        }
    }

    /// <summary>Prints "WARNING: message" unless -WarningAction (or $WarningPreference) silences warnings.</summary>
    protected void WriteWarning(string message) => Runtime.WriteWarning(message);

    /// <summary>Prints "VERBOSE: message" when -Verbose is given or the session is verbose.</summary>
    protected void WriteVerbose(string message) => Runtime.WriteVerbose(message);

    protected void WriteProgress(ProgressUpdate update) => Runtime.Session.WriteProgress(update);

    /// <summary>Runs a script block's statements with $_ set to <paramref name="input"/> and returns what they output.</summary>
    protected IReadOnlyList<object?> InvokeScript(ScriptBlock block, object? input) => Runtime.InvokeScript(block, input);

    /// <summary>Writes a non-terminating error; the statement counts as failed.</summary>
    protected void WriteError(ErrorRecord record) => Runtime.WriteError(record);

    protected void WriteError(HostException ex) => Runtime.WriteError(ErrorRecord.FromHostException(ex, CommandName));

    /// <summary>Stops the whole pipeline with this error.</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    protected void ThrowTerminatingError(ErrorRecord record) => throw new ShellException(record with { CommandName = record.CommandName ?? CommandName });

    /// <summary>A terminating InvalidArgument error about a parameter, for checks the binder cannot express.</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    protected void ThrowParameterError(string message, string errorId = "InvalidParameter") =>
        ThrowTerminatingError(new ErrorRecord(message, ErrorCategory.InvalidArgument, errorId, null, CommandName));
}
