using HyperNest.Model;

namespace HyperNest.Qemu;

/// <summary>
/// Everything needed to start one VM's QEMU process. Plain data; <see cref="QemuCommandLine"/> turns it
/// into argv and rejects what cannot be expressed safely. The VM's user-chosen name is deliberately absent:
/// QEMU only ever sees "hn-&lt;guid&gt;".
/// </summary>
public sealed record QemuLaunchSpec
{
    public required Guid VmId { get; init; }

    /// <summary>1: i440FX ("pc") with SeaBIOS. 2: Q35 with OVMF (UEFI), needs <see cref="OvmfVarsPath"/>.</summary>
    public required int Generation { get; init; }

    /// <summary>The memory the guest starts with: with <see cref="HotplugMemory"/>, its base plus what is plugged at start.</summary>
    public required long MemoryBytes { get; init; }

    /// <summary>Boot memory and a virtio-mem region the host can plug and unplug at run time; null: fixed memory.</summary>
    public State.MemoryLayout? HotplugMemory { get; init; }

    public required int ProcessorCount { get; init; }

    public required AcceleratorKind Accelerator { get; init; }

    public bool ExposeVirtualizationExtensions { get; init; }

    /// <summary>The system disk: the first virtio-blk device, which the guest images boot from as /dev/vda.</summary>
    public QemuDisk? Disk { get; init; }

    /// <summary>Every other drive, on the PIIX IDE buses or the virtio-scsi controller (<see cref="QemuDriveDevices"/>).</summary>
    public IReadOnlyList<QemuDrive> Drives { get; init; } = [];

    /// <summary>
    /// HyperNest's read-only integration disk (serial <see cref="Images.GuestContract.IntegrationDiskSerial"/>),
    /// the last device on the command line so it never shifts the PCI slots, and so the vdX names, of the VM's own devices.
    /// </summary>
    public QemuDisk? IntegrationDisk { get; init; }

    public QemuDirectKernelBoot? KernelBoot { get; init; }

    /// <summary>Network adapters in slot order; each becomes a virtio-net device on its tap.</summary>
    public IReadOnlyList<QemuNetworkAdapter> NetworkAdapters { get; init; } = [];

    /// <summary>The VM's own writable copy of OVMF_VARS (generation 2 only), see <see cref="QemuFirmware.CreateVarsFile"/>.</summary>
    public string? OvmfVarsPath { get; init; }

    public required QemuRuntimePaths Runtime { get; init; }

    /// <summary>A file written by Stop-VM -Save (QMP migrate); QEMU loads it at start instead of booting.</summary>
    public string? IncomingStateFile { get; init; }

    /// <summary>Cgroup directories QEMU is placed in before it runs (<see cref="QemuCgroups"/>); empty: it stays in the launcher's.</summary>
    public IReadOnlyList<string> CgroupDirectories { get; init; } = [];

    /// <summary>The unprivileged user QEMU drops to before the guest runs (<see cref="QemuConfinement"/>); null keeps the launching user.</summary>
    public string? RunAsUser { get; init; } = QemuConfinement.UserName;

    /// <summary>The process name QEMU shows and /proc/&lt;pid&gt;/cmdline carries; the pid-reuse guard looks for it.</summary>
    public string GuestName => QemuGuestName.For(VmId);
}
