namespace HyperNest.Qemu.GuestAgent;

/// <summary>guest-exec-status: whether the process ended, how, and its captured output (decoded from base64).</summary>
public sealed record GuestExecStatus(
    bool Exited,
    int? ExitCode,
    int? Signal,
    byte[] StandardOutput,
    byte[] StandardError,
    bool OutputTruncated,
    bool ErrorTruncated);
