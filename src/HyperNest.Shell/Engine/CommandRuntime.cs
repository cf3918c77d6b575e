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

    public string ParameterSetName { get; } = parameterSetName;

    /// <summary>Canonical parameter names (the property names) the user bound, case-insensitive.</summary>
    public IReadOnlySet<string> BoundParameters { get; } = boundParameters;

    public void WriteObject(object? value) => writeObject(value);

    public void WriteError(ErrorRecord record) => writeError(record);
}
