namespace HyperNest.Qemu;

/// <summary>
/// A running VM's QEMU process as HyperNest identifies it: the pid alone is not enough (pids are
/// reused), so the pid, the VM's GUID that QEMU's command line carries, and the process start time.
/// Store all three; <see cref="QemuProcessInspector.IsAlive(QemuProcess)"/> checks them.
/// </summary>
public sealed record QemuProcess(Guid VmId, int Pid, DateTimeOffset StartTime);
