using HyperNest.Model;

namespace HyperNest.Hosting;

/// <summary>
/// Every action HyperNest can take on this host, in one list. Every rule and precondition lives behind
/// this interface (never in the cmdlets or a web API, which only translate to it). Each action names
/// its lifecycle precondition; a refused action throws <see cref="HostException"/> and changes nothing.
/// Every call first reconciles the stored state of the VMs it touches with their live QEMU processes.
/// </summary>
public interface IVirtualizationHost : IDisposable
{
    /// <summary>The host's processor, memory, accelerator (KVM or TCG, and why) and supported versions.</summary>
    VmHost GetHost();

    IReadOnlyList<VmHostSupportedVersion> GetSupportedVersions();

    /// <summary>All VMs, ordered by name, each reconciled with its process.</summary>
    IReadOnlyList<VirtualMachine> GetVms();

    /// <summary>One VM by exact (case-insensitive) name; throws ObjectNotFound.</summary>
    VirtualMachine GetVm(string name);

    /// <summary>Creates a VM (Off). Refused: duplicate name, bad name, unsupported version or generation, bad memory size.</summary>
    VirtualMachine NewVm(NewVmRequest request, IProgress<ProgressUpdate>? progress = null);

    /// <summary>Starts an Off VM, or restores a Saved one. Running: no-op. Paused: refused (use Resume-VM).</summary>
    VirtualMachine StartVm(string name);

    /// <summary>Stops a Running or Paused VM as <paramref name="mode"/> says. Off: no-op. Saved: only TurnOff (discards state).</summary>
    VirtualMachine StopVm(string name, StopMode mode);

    /// <summary>Pauses a Running VM.</summary>
    VirtualMachine SuspendVm(string name);

    /// <summary>Resumes a Paused VM.</summary>
    VirtualMachine ResumeVm(string name);

    /// <summary>Resets a Running VM (hard reset, like Restart-VM -Force).</summary>
    VirtualMachine RestartVm(string name);

    /// <summary>Deletes the VM's configuration and the disks HyperNest created for it. Only while Off or Saved.</summary>
    void RemoveVm(string name);

    /// <summary>Renames a VM (any state). Refused if the new name is taken or invalid.</summary>
    VirtualMachine RenameVm(string name, string newName);

    VmProcessor GetVmProcessor(string name);

    /// <summary>Changes processor settings. Only while Off.</summary>
    VmProcessor SetVmProcessor(string name, SetProcessorRequest request);

    VmMemory GetVmMemory(string name);

    /// <summary>Changes memory settings. Startup memory only while Off (runtime resize comes later).</summary>
    VmMemory SetVmMemory(string name, SetMemoryRequest request);

    /// <summary>Upgrades the configuration version. Only while Off; never downgrades.</summary>
    VirtualMachine UpdateVmVersion(string name, VmConfigurationVersion? target = null);

    /// <summary>Deletes a Saved VM's saved state; the VM becomes Off.</summary>
    VirtualMachine RemoveVmSavedState(string name);

    /// <summary>Waits until the condition holds; throws OperationTimeout when it does not in time.</summary>
    VirtualMachine WaitVm(string name, WaitForCondition condition, TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>The last lines of the VM's serial console.</summary>
    IReadOnlyList<string> GetVmConsole(string name, int lastLines);

    VirtualHardDisk NewVhd(NewVhdRequest request);

    VirtualHardDisk GetVhd(string path);

    /// <summary>Grows (or shrinks, when the file system allows) a disk. Refused while a running VM uses it.</summary>
    VirtualHardDisk ResizeVhd(string path, long sizeBytes);

    /// <summary>
    /// Runs HyperNest's shell inside a Running guest (Invoke-Command -VMName: PowerShell Direct over the
    /// guest agent); the script's output comes back. Refused when the VM is not running or its agent does not answer.
    /// </summary>
    GuestCommandResult InvokeCommand(string vmName, string script, TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>Copies a host file into a Running guest (Copy-VMFile -FileSource Host).</summary>
    void CopyFileToGuest(string vmName, string sourcePath, string destinationPath, bool createFullPath, bool force, CancellationToken cancellationToken = default);

    /// <summary>Raised for things the user should know that are not errors (e.g. a VM runs without hardware virtualization).</summary>
    event EventHandler<string>? Warning;

    IReadOnlyList<VmImage> GetImages();

    /// <summary>Builds an image (cached by its recipe hash); returns at once when it is already built unless <paramref name="force"/>.</summary>
    VmImage NewImage(string name, bool force, IProgress<ProgressUpdate>? progress = null);
}
