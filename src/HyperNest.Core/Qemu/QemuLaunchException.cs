namespace HyperNest.Qemu;

/// <summary>QEMU refused to start; <see cref="QemuError"/> is QEMU's own message (e.g. "qemu-system-x86_64: -blockdev ...: Could not open ...").</summary>
public sealed class QemuLaunchException : Exception
{
    public QemuLaunchException(string message, string qemuError, int? exitCode)
        : base(string.IsNullOrWhiteSpace(qemuError) ? message : message + ": " + qemuError.Trim())
    {
        QemuError = qemuError.Trim();
        ExitCode = exitCode;
    }

    public string QemuError { get; }

    public int? ExitCode { get; }
}
