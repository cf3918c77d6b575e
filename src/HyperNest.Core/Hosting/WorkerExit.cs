namespace HyperNest.Hosting;

/// <summary>How a VM's worker ended, as its own events told the supervisor.</summary>
public enum WorkerExitKind
{
    /// <summary>No shutdown event before the channel closed: killed (SIGKILL) or crashed.</summary>
    Unexpected,

    /// <summary>The guest OS powered the VM off (QEMU's SHUTDOWN with guest: true).</summary>
    GuestShutdown,

    /// <summary>The guest kernel panicked (pvpanic) and QEMU ended.</summary>
    GuestPanic,

    /// <summary>QEMU was told to end by a signal (SIGTERM, SIGINT, SIGHUP) from outside HyperNest.</summary>
    HostSignal,

    /// <summary>QEMU was told to quit over QMP (HyperNest's own Stop-VM, or another QMP client).</summary>
    HostQuit,
}

/// <summary>The kind, and QEMU's own reason word when it gave one (its ShutdownCause, e.g. "guest-shutdown").</summary>
public sealed record WorkerExit(WorkerExitKind Kind, string? Reason = null)
{
    public static WorkerExit FromShutdownCause(string? cause) => cause switch
    {
        null => new WorkerExit(WorkerExitKind.Unexpected),
        "guest-shutdown" => new WorkerExit(WorkerExitKind.GuestShutdown, cause),
        "guest-panic" => new WorkerExit(WorkerExitKind.GuestPanic, cause),
        "host-signal" => new WorkerExit(WorkerExitKind.HostSignal, cause),
        "host-qmp-quit" or "host-qmp-system-reset" => new WorkerExit(WorkerExitKind.HostQuit, cause),
        _ => new WorkerExit(WorkerExitKind.Unexpected, cause),
    };
}
