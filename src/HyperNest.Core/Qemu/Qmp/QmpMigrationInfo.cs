namespace HyperNest.Qemu.Qmp;

/// <summary>
/// query-migrate: Status is QAPI's MigrationStatus ("none", "setup", "active", "completed", "failed",
/// "cancelled", ...); ErrorDescription is set when it failed.
/// </summary>
public sealed record QmpMigrationInfo(string Status, long? TransferredBytes, long? TotalBytes, string? ErrorDescription)
{
    public bool IsCompleted => Status == "completed";

    public bool IsFailed => Status is "failed" or "cancelled";

    public bool IsFinished => Status is "completed" or "failed" or "cancelled" or "none";
}
