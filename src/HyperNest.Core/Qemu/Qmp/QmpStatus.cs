namespace HyperNest.Qemu.Qmp;

/// <summary>
/// query-status: QAPI's RunState as a string ("running", "paused", "inmigrate", "postmigrate",
/// "shutdown", "prelaunch", "internal-error", "guest-panicked", ...). Kept as text: QEMU adds states.
/// </summary>
public sealed record QmpStatus(string Status, bool Running)
{
    public bool IsPaused => Status == "paused";
}
