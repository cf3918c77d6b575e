namespace HyperNest.Shell.Engine;

/// <summary>How a script ended: exit code 0 when every statement succeeded; else the failing external program's code, or 1.</summary>
public readonly record struct ExecutionResult(bool Succeeded, int ExitCode)
{
    /// <summary>The script ran 'exit'; an interactive shell should end too.</summary>
    public bool Exited { get; init; }

    public static ExecutionResult Success { get; } = new(true, 0);
}
