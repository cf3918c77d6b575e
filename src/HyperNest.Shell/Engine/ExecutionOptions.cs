namespace HyperNest.Shell.Engine;

/// <summary>How <see cref="ScriptExecutor"/> treats a failing statement.</summary>
public sealed record ExecutionOptions
{
    /// <summary>For -c and -File: the first failing statement ends the script.</summary>
    public static ExecutionOptions StopOnFailure { get; } = new() { StopAtFirstFailure = true };

    /// <summary>For the interactive prompt: report and go on with the next statement.</summary>
    public static ExecutionOptions ContinueOnFailure { get; } = new() { StopAtFirstFailure = false };

    public bool StopAtFirstFailure { get; init; } = true;
}
