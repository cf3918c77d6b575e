using System.Text.Json.Nodes;

namespace HyperNest.Qemu.Qmp;

/// <summary>An asynchronous QMP event, e.g. SHUTDOWN, STOP, RESUME, POWERDOWN.</summary>
public sealed record QmpEvent(string Name, JsonObject? Data, DateTimeOffset Timestamp)
{
    /// <summary>SHUTDOWN's QAPI ShutdownCause: "guest-shutdown", "host-qmp-quit", "host-signal", "guest-panic", ...</summary>
    public string? ShutdownReason => Name == QmpEventNames.Shutdown ? Data?["reason"]?.GetValue<string>() : null;

    /// <summary>SHUTDOWN's "guest": true when the guest OS itself powered off or reset.</summary>
    public bool GuestInitiated => Data?["guest"]?.GetValue<bool>() ?? false;
}

/// <summary>Event names HyperNest waits for.</summary>
public static class QmpEventNames
{
    public const string Shutdown = "SHUTDOWN";
    public const string Stop = "STOP";
    public const string Resume = "RESUME";
    public const string Powerdown = "POWERDOWN";
    public const string Reset = "RESET";
    public const string MigrationStatus = "MIGRATION";
    public const string DeviceDeleted = "DEVICE_DELETED";
}
