namespace HyperNest.Shell.Engine;

/// <summary>What a running cmdlet sees of its pipeline: where its objects and errors go, and how it was bound.</summary>
internal sealed class CommandRuntime(
    ShellSession session,
    string commandName,
    string parameterSetName,
    IReadOnlySet<string> boundParameters,
    Action<object?> writeObject,
    Action<ErrorRecord> writeError)
{
    public ShellSession Session { get; } = session;

    public string CommandName { get; } = commandName;

    /// <summary>The binder may choose again for each pipeline input.</summary>
    public string ParameterSetName { get; set; } = parameterSetName;

    /// <summary>Canonical parameter names (the property names) the user bound, case-insensitive.</summary>
    public IReadOnlySet<string> BoundParameters { get; } = boundParameters;

    /// <summary>Runs a script block in the current script, with $_ set to the input (ForEach-Object).</summary>
    public Func<ScriptBlock, object?, List<object?>> InvokeScript { get; set; } =
        (_, _) => throw new InvalidOperationException("Script blocks can only run inside a pipeline.");

    /// <summary>The common parameters given to this command (-Verbose, -ErrorAction, -WarningAction...).</summary>
    public CommonParameters Common { get; set; } = new();

    public void WriteObject(object? value) => writeObject(value);

    public void WriteWarning(string message)
    {
        if (Preferences.Effective(Common.WarningAction, Session, "WarningPreference") is not (ActionPreference.SilentlyContinue or ActionPreference.Ignore))
        {
            Session.WriteWarning(message);
        }
    }

    public void WriteVerbose(string message)
    {
        if (Common.Verbose || Session.VerboseEnabled)
        {
            Session.Error.WriteLine($"VERBOSE: {message}");
        }
    }

    public void WriteError(ErrorRecord record) => writeError(record);
}
