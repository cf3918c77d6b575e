using HyperNest.Model;

namespace HyperNest.State;

/// <summary>One drive of a VM as the state store keeps it: where it hangs (controller and location) and what file it holds.</summary>
public sealed record DriveRecord
{
    public required Guid Id { get; init; }

    public required Guid VmId { get; init; }

    public required DriveKind Kind { get; init; }

    public required ControllerType ControllerType { get; init; }

    public int ControllerNumber { get; init; }

    public int ControllerLocation { get; init; }

    /// <summary>The disk or ISO file; null for an empty DVD drive.</summary>
    public string? Path { get; init; }

    /// <summary>QEMU's name for the file's format ("qcow2", "raw"), read when the drive was attached.</summary>
    public string Format { get; init; } = "qcow2";

    /// <summary>HyperNest created the file (New-VM -Image/-NewVHDPath), so Remove-VM deletes it; never true for a file the user named.</summary>
    public bool Owned { get; init; }
}
