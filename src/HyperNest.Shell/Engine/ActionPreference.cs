namespace HyperNest.Shell.Engine;

/// <summary>What to do with a non-terminating error or a warning (-ErrorAction, -WarningAction, $ErrorActionPreference).</summary>
public enum ActionPreference
{
    /// <summary>Ignore it entirely; the statement does not count as failed.</summary>
    SilentlyContinue,

    /// <summary>Stop the pipeline: the error becomes terminating.</summary>
    Stop,

    /// <summary>Print it and go on (the default).</summary>
    Continue,

    /// <summary>Like SilentlyContinue.</summary>
    Ignore,
}
