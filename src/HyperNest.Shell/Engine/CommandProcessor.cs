namespace HyperNest.Shell.Engine;

/// <summary>
/// One element of a running pipeline. The runner calls Begin on all, then ProcessWithoutInput on the
/// first, then End on each in order; objects written flow to <see cref="Downstream"/> as they are made.
/// </summary>
internal abstract class CommandProcessor
{
    public Action<object?> Downstream { get; set; } = _ => { };

    public abstract void Begin();

    /// <summary>One object from the previous command.</summary>
    public abstract void Process(object? input);

    /// <summary>Runs the first command of a pipeline, which has no input.</summary>
    public abstract void ProcessWithoutInput();

    public abstract void End();
}
