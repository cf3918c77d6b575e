namespace HyperNest.Model;

/// <summary>How much an event matters, with the names Get-WinEvent shows as LevelDisplayName.</summary>
public enum VmEventLevel
{
    Information,
    Warning,
    Error,
}

/// <summary>
/// One entry of a VM's event log (Get-VMEvent): what Hyper-V admins read in VMMS's Admin log with Get-WinEvent
/// (started, turned off, saved, the guest shut down, the worker crashed), and the QEMU command line each start
/// used. Property names follow Get-WinEvent's records where they exist (TimeCreated, Message).
/// </summary>
public sealed record VmEvent
{
    /// <summary>Grows with every event of the home: the order events happened in, also within one clock tick.</summary>
    public long RecordId { get; init; }

    public required DateTimeOffset TimeCreated { get; init; }

    public required VmEventLevel Level { get; init; }

    /// <summary>The VM's name when the event happened (a later Rename-VM does not rewrite the log).</summary>
    public required string VMName { get; init; }

    public required Guid VMId { get; init; }

    public required string Message { get; init; }
}
