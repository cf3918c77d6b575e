namespace HyperNest.Shell.Engine;

/// <summary>A terminating error raised by the language, binder or a cmdlet; carries its error record.</summary>
public sealed class ShellException(ErrorRecord record) : Exception(record.Message)
{
    public ErrorRecord Record { get; } = record;
}
