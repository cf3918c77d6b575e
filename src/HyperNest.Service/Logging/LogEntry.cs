namespace HyperNest.Service.Logging;

/// <summary>Syslog's priorities, the numbers journald's PRIORITY field takes.</summary>
internal enum LogPriority
{
    Error = 3,
    Warning = 4,
    Information = 6,
}

/// <summary>
/// One line of the service's log: its text and the fields a reader filters by (journalctl
/// HYPERNEST_VM_NAME=web1, or a JSON reader of the file). Field names follow journald's rules: upper-case
/// letters, digits and underscores, not starting with an underscore (those are journald's own).
/// </summary>
internal sealed record LogEntry(DateTimeOffset Time, LogPriority Priority, string Message, IReadOnlyList<KeyValuePair<string, string>> Fields);

/// <summary>The fields HyperNest's log lines carry, named once.</summary>
internal static class LogFields
{
    /// <summary>The API call, as "METHOD /path?query".</summary>
    public const string Operation = "HYPERNEST_OPERATION";

    /// <summary>"done" or "failed".</summary>
    public const string Outcome = "HYPERNEST_OUTCOME";

    public const string DurationMs = "HYPERNEST_DURATION_MS";

    /// <summary>The Hyper-V style error id of a failed call (VmNotFound, InvalidState, …).</summary>
    public const string ErrorId = "HYPERNEST_ERROR_ID";

    public const string VmId = "HYPERNEST_VM_ID";

    public const string VmName = "HYPERNEST_VM_NAME";

    /// <summary>What wrote the line: api, supervisor, sampler, memory balancer, recovery, automatic start, vm event, service.</summary>
    public const string Component = "HYPERNEST_COMPONENT";

    /// <summary>The home the service owns: one journal holds the lines of every home's service.</summary>
    public const string Home = "HYPERNEST_HOME";
}
