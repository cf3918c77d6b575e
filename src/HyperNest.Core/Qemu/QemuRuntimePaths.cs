namespace HyperNest.Qemu;

/// <summary>
/// The files one running VM needs, all in a root-only directory named by the VM's GUID (never by its
/// user-chosen name), so they are safe to place in QEMU's comma-separated option syntax.
/// </summary>
public sealed record QemuRuntimePaths(string Directory, string QmpSocket, string GuestAgentSocket, string SerialLog, string PidFile, string QemuLog)
{
    /// <summary>QEMU's socket for the VM's PowerShell Direct port (see <see cref="Images.GuestContract.PowerShellDirectPortName"/>).</summary>
    public string PowerShellDirectSocket => Path.Combine(Directory, "psdirect.sock");

    /// <summary>
    /// A second QMP monitor only hypernestd's supervisor holds (QEMU serves one client per monitor, and the
    /// host API's own QMP calls must never wait behind it): QEMU's events, and EOF when QEMU ends.
    /// </summary>
    public string EventsSocket => Path.Combine(Directory, EventsSocketName);

    public const string EventsSocketName = "events.qmp";

    public static QemuRuntimePaths ForVm(string runtimeRoot, Guid vmId)
    {
        var directory = Path.Combine(runtimeRoot, vmId.ToString("D"));
        return new QemuRuntimePaths(
            directory,
            Path.Combine(directory, "qmp.sock"),
            Path.Combine(directory, "qga.sock"),
            Path.Combine(directory, "serial.log"),
            Path.Combine(directory, "qemu.pid"),
            Path.Combine(directory, "qemu.log"));
    }

    /// <summary>Creates the directory (0700) and removes what a previous run left, so a stale pid is never read.</summary>
    public void Prepare()
    {
        Platform.OwnerOnly.Directory(Directory, tightenExisting: true);
        foreach (var stale in new[] { QmpSocket, EventsSocket, GuestAgentSocket, PowerShellDirectSocket, PidFile, QemuLog })
        {
            File.Delete(stale);
        }
    }
}
