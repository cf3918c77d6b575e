namespace HyperNest.Shell.Engine;

/// <summary>What <see cref="ScriptExecutor.Invoke"/> returns: the output objects, the error records, and how the run ended.</summary>
public sealed record InvocationResult(IReadOnlyList<object?> Output, IReadOnlyList<ErrorRecord> Errors, ExecutionResult Result)
{
    public bool Succeeded => Result.Succeeded;
}
