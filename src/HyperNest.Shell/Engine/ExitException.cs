namespace HyperNest.Shell.Engine;

/// <summary>Raised by the 'exit [code]' statement; ends the script (or the interactive shell) with that code.</summary>
internal sealed class ExitException(int exitCode) : Exception($"exit {exitCode}")
{
    public int ExitCode { get; } = exitCode;
}
