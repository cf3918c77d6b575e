using HyperNest.Model;
using HyperNest.State;

namespace HyperNest.Hosting;

/// <summary>
/// What the host API needs from the hypervisor that runs VM processes (QEMU in the product, a fake in
/// rule tests). It holds no rules: the host decides whether an action is allowed, the backend does it.
/// Every method takes the stored record, which carries the VM id and last known pid.
/// </summary>
public interface IVmBackend
{
    /// <summary>What this host can do: accelerator and why, processor, memory, QEMU version.</summary>
    HostCapabilities Capabilities { get; }

    /// <summary>
    /// Starts the VM's worker process (restoring <paramref name="savedStatePath"/> when given) and returns its pid.
    /// <paramref name="nics"/> are the VM's adapters in slot order, each on a tap the host already created.
    /// </summary>
    int Start(VmRecord vm, BootMedia boot, IReadOnlyList<NicAttachment> nics, string? savedStatePath, CancellationToken cancellationToken);

    /// <summary>The running worker's command line as one shell-quoted line (for the VM's event log), or null when it cannot be read.</summary>
    string? WorkerCommandLine(VmRecord vm);

    /// <summary>Plugs a SCSI hard drive into the running worker, as the guest sees a disk hot-added to its SCSI controller.</summary>
    void AttachDrive(VmRecord vm, DriveAttachment drive);

    /// <summary>Unplugs a hot-pluggable drive from the running worker; the file stays.</summary>
    void DetachDrive(VmRecord vm, DriveAttachment drive);

    /// <summary>Sets the link of the adapter in <paramref name="slot"/> up or down as the guest sees it (cable plugged or not).</summary>
    void SetLinkState(VmRecord vm, int slot, bool up);

    /// <summary>True when the record's pid is alive and is this VM's worker (not a reused pid).</summary>
    bool IsAlive(VmRecord vm);

    /// <summary>
    /// The pid of a live worker of this VM that its record may not know (the pid file QEMU writes as it
    /// starts), or null: a Start-VM killed between launching QEMU and recording it leaves one behind.
    /// </summary>
    int? FindWorker(VmRecord vm);

    /// <summary>
    /// The VMs for which <see cref="FindWorker"/> may find a worker (their runtime directory holds a pid
    /// file), from one look at the runtime directory: a listing of many Off VMs then looks at no VM's files.
    /// </summary>
    IReadOnlySet<Guid> WorkerCandidates();

    /// <summary>Running or Paused as the worker reports it; null when it cannot be asked (then it is treated as dead).</summary>
    VmState? QueryState(VmRecord vm);

    void Pause(VmRecord vm);

    void Resume(VmRecord vm);

    void Reset(VmRecord vm);

    /// <summary>Asks the guest OS to shut down: ACPI power button, and the guest agent when it answers.</summary>
    void RequestShutdown(VmRecord vm);

    /// <summary>Saves memory and device state to <paramref name="path"/>, then ends the worker.</summary>
    void SaveState(VmRecord vm, string path, CancellationToken cancellationToken);

    /// <summary>Ends the worker at once (power off).</summary>
    void Kill(VmRecord vm);

    /// <summary>
    /// Asks the guest to have <paramref name="pluggedBytes"/> of its hot-pluggable memory (vm.WorkerMemory)
    /// plugged, and waits until it has or stops getting closer; what is plugged then. A guest that cannot
    /// give all it was asked back (it uses the memory) is then asked for what it reached, so it stops trying.
    /// </summary>
    long ResizeMemory(VmRecord vm, long pluggedBytes, CancellationToken cancellationToken);

    /// <summary>
    /// The soft limit of the cgroup that holds every VM of the home (null: none), kept for the ones made later:
    /// under the host's memory pressure the kernel reclaims from the VMs first, never killing one for it.
    /// </summary>
    void SetVirtualMachineMemoryLimit(long? bytes);

    /// <summary>The guest's own MemTotal and MemAvailable, through the guest agent; null when it does not answer.</summary>
    GuestMemory? ReadGuestMemory(VmRecord vm);

    /// <summary>Waits up to <paramref name="timeout"/> for the worker to exit; true when it did.</summary>
    bool WaitForExit(VmRecord vm, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>True when the guest agent answers a ping within <paramref name="timeout"/> (Hyper-V's heartbeat).</summary>
    bool Heartbeat(VmRecord vm, TimeSpan timeout);

    /// <summary>
    /// The guest's IP addresses by MAC ("02:48:4e:…" lower-case), as its agent reports them
    /// (guest-network-get-interfaces); empty when the agent does not answer within <paramref name="timeout"/>.
    /// </summary>
    IReadOnlyDictionary<string, IReadOnlyList<string>> GuestIpAddresses(VmRecord vm, TimeSpan timeout);

    /// <summary>CPU usage in percent of the host since the previous sample, and resident memory in bytes.</summary>
    ProcessUsage SampleUsage(VmRecord vm);

    /// <summary>The last lines the guest wrote to its serial console.</summary>
    IReadOnlyList<string> ConsoleTail(VmRecord vm, int lines);

    /// <summary>The VMs whose worker offers an event channel to supervise (hypernestd watches each of them).</summary>
    IReadOnlyList<Guid> SupervisableWorkers();

    /// <summary>
    /// Follows the worker's events until it ends, and says how it ended (the guest powered off, a signal, a
    /// crash). Throws IOException or TimeoutException when its event channel cannot be opened.
    /// </summary>
    Task<WorkerExit> WatchWorkerAsync(Guid vmId, CancellationToken cancellationToken);

    /// <summary>Removes sockets, pid file and logs of a VM that is gone.</summary>
    void CleanRuntime(VmRecord vm);

    /// <summary>
    /// Removes what workers that ended unseen left outside the VMs' runtime directories (a worker killed with the
    /// service leaves its cgroups empty); returns what it removed, for the recovery log.
    /// </summary>
    IReadOnlyList<string> RemoveLeftoversOfEndedWorkers();

    /// <summary>
    /// True while a hypervisor inside the guest has hardware virtualization switched on (EFER.SVME or
    /// CR4.VMXE on any vCPU); null when the worker cannot be asked.
    /// </summary>
    bool? HypervisorActive(VmRecord vm);

    /// <summary>Runs a program inside the guest through the guest agent and waits for it.</summary>
    GuestCommandResult GuestExecute(VmRecord vm, string path, IReadOnlyList<string> arguments, byte[]? standardInput, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>
    /// Connects to the VM's PowerShell Direct port; null when no guest program has the port open (no endpoint
    /// runs in the guest), or the worker has no such port (started by an older HyperNest).
    /// </summary>
    Stream? ConnectPowerShellDirect(VmRecord vm);

    /// <summary>Sets the guest's clock to <paramref name="time"/> through the guest agent (guest-set-time); throws when the agent refuses or is silent.</summary>
    void SetGuestTime(VmRecord vm, DateTimeOffset time);

    /// <summary>Writes <paramref name="content"/> to <paramref name="guestPath"/> inside the guest through the guest agent.</summary>
    void GuestWriteFile(VmRecord vm, string guestPath, Stream content, CancellationToken cancellationToken);
}

/// <summary>The host facts Get-VMHost shows and the rules use.</summary>
public sealed record HostCapabilities(
    AcceleratorKind Accelerator,
    string AcceleratorReason,
    string ProcessorVendor,
    string ProcessorModel,
    int LogicalProcessorCount,
    long MemoryCapacity,
    string QemuVersion)
{
    /// <summary>Facts the nested-virtualization rules read; none by default (a host that cannot nest with KVM).</summary>
    public HostNestingFacts Nesting { get; init; } = HostNestingFacts.None;
}

/// <summary>
/// The raw facts behind nested virtualization: the CPU's vmx/ept/svm/npt flags, whether /dev/kvm opens,
/// the kvm_intel/kvm_amd "nested" parameter and where it lives, and kernel modules of other hypervisors
/// that hold the virtualization extensions for themselves.
/// </summary>
public sealed record HostNestingFacts(
    IReadOnlyList<string> CpuFlags,
    bool KvmUsable,
    string? NestedParameter,
    string? NestedParameterPath,
    IReadOnlyList<string> ConflictingHypervisorModules)
{
    public static HostNestingFacts None { get; } = new([], false, null, null, []);

    /// <summary>The CPU reports the "hypervisor" flag: this host is itself a virtual machine.</summary>
    public bool RunsInsideVirtualMachine { get; init; }
}

/// <summary>One VM network adapter at start: the tap the host created for it and the MAC the guest sees ("02:48:4e:00:00:01").</summary>
public sealed record NicAttachment(string TapName, string MacAddress)
{
    /// <summary>Its place in the firmware's boot order (1 first); null when the VM keeps the default order.</summary>
    public int? BootIndex { get; init; }
}

/// <summary>
/// One drive at start (or hot-plug): where it hangs and what it holds. The system disk is the first hard
/// drive in controller order; the guest images boot from it as the first virtio disk.
/// </summary>
public sealed record DriveAttachment(Guid Id, DriveKind Kind, ControllerType ControllerType, int ControllerNumber, int ControllerLocation, string? Path, string Format)
{
    public bool IsSystemDisk { get; init; }

    /// <summary>Its place in the firmware's boot order (1 first); null when the VM keeps the default order.</summary>
    public int? BootIndex { get; init; }
}

/// <summary>What the VM starts with: its drives, optionally with a kernel booted directly (built images).</summary>
public sealed record BootMedia(IReadOnlyList<DriveAttachment> Drives, string? KernelPath, string? InitrdPath, string? KernelCommandLine)
{
    /// <summary>HyperNest's read-only disk for the guest, attached after every other device; null when the host has none.</summary>
    public IntegrationDisk? IntegrationDisk { get; init; }
}

public readonly record struct ProcessUsage(int CpuPercent, long ResidentBytes);
