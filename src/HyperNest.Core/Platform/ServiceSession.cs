namespace HyperNest.Platform;

/// <summary>What a long-running service does to its own process at start.</summary>
public static class ServiceSession
{
    /// <summary>
    /// Leaves the starting client's session and terminal: a Ctrl+C or a closed terminal there must not stop
    /// the process that owns the VMs. A process that already leads its group (started so by systemd) stays.
    /// </summary>
    public static void DetachFromTerminal() => _ = Interop.LibC.SetSid();
}
