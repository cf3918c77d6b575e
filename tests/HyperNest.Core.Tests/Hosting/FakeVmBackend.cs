using HyperNest.Hosting;
using HyperNest.Model;
using HyperNest.State;

namespace HyperNest.Core.Tests.Hosting;

/// <summary>A backend whose "worker processes" are entries in a dictionary, so rule tests run without QEMU.</summary>
internal sealed class FakeVmBackend : IVmBackend
{
    private readonly Dictionary<int, VmState> _processes = [];
    private readonly Dictionary<Guid, int> _pidByVm = [];
    private int _nextPid = 1000;

    public HostCapabilities Capabilities { get; set; } = new(AcceleratorKind.TCG, "test: no vmx/svm", "AuthenticAMD", "Fake CPU", 2, 4L << 30, "QEMU emulator version 7.2.0");

    public bool GuestObeysShutdown { get; set; } = true;

    public bool AgentAnswers { get; set; } = true;

    public List<(Guid Vm, BootMedia Boot, string? SavedState)> Starts { get; } = [];

    /// <summary>Drives hot-plugged into each running worker, by VM (what QMP device_add/device_del would leave).</summary>
    public Dictionary<Guid, List<DriveAttachment>> LiveDrives { get; } = [];

    /// <summary>Set to make the worker refuse hot-plug, as QEMU does when its SCSI controller is missing.</summary>
    public bool RefuseHotPlug { get; set; }

    /// <summary>The adapters each start got, by VM.</summary>
    public Dictionary<Guid, IReadOnlyList<NicAttachment>> Nics { get; } = [];

    /// <summary>Link state per VM and slot as the guest would see it (set_link).</summary>
    public Dictionary<(Guid Vm, int Slot), bool> Links { get; } = [];

    public void AttachDrive(VmRecord vm, DriveAttachment drive)
    {
        if (RefuseHotPlug)
        {
            throw new InvalidOperationException("QEMU refused it (Bus 'hn-scsi0.0' not found).");
        }

        (LiveDrives.TryGetValue(vm.Id, out var drives) ? drives : LiveDrives[vm.Id] = []).Add(drive);
    }

    public void DetachDrive(VmRecord vm, DriveAttachment drive) => LiveDrives.GetValueOrDefault(vm.Id)?.RemoveAll(d => d.Id == drive.Id);

    /// <summary>Told before and after a worker starts, and before a VM's runtime files go (a <see cref="KillPoint"/> kills there).</summary>
    public Action<string>? Changing { get; set; }

    /// <summary>When set, Start throws it (QEMU refusing to start).</summary>
    public Exception? StartFailure { get; set; }

    public int Start(VmRecord vm, BootMedia boot, IReadOnlyList<NicAttachment> nics, string? savedStatePath, CancellationToken cancellationToken)
    {
        Changing?.Invoke(nameof(Start));
        if (StartFailure is { } failure)
        {
            throw failure;
        }

        Starts.Add((vm.Id, boot, savedStatePath));
        Nics[vm.Id] = nics;
        var pid = _nextPid++;
        _processes[pid] = VmState.Running;
        _pidByVm[vm.Id] = pid;
        Changing?.Invoke("Started");
        return pid;
    }

    public string? WorkerCommandLine(VmRecord vm) => vm.Pid is { } pid && _processes.ContainsKey(pid) ? $"fake-qemu -name guest=hn-{vm.Id:D}" : null;

    /// <summary>What a Start-VM killed after launching QEMU leaves: a live worker its record does not know.</summary>
    public int LaunchOrphan(Guid vmId)
    {
        var pid = _nextPid++;
        _processes[pid] = VmState.Running;
        _pidByVm[vmId] = pid;
        return pid;
    }

    public void SetLinkState(VmRecord vm, int slot, bool up) => Links[(vm.Id, slot)] = up;

    /// <summary>What each running guest's agent reports: addresses by MAC.</summary>
    public Dictionary<Guid, Dictionary<string, IReadOnlyList<string>>> GuestAddresses { get; } = [];

    public IReadOnlyDictionary<string, IReadOnlyList<string>> GuestIpAddresses(VmRecord vm, TimeSpan timeout) =>
        AgentAnswers && IsAlive(vm) && GuestAddresses.TryGetValue(vm.Id, out var addresses) ? addresses : new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Plugged hot-pluggable memory, by VM (what ResizeMemory reached).</summary>
    public Dictionary<Guid, long> PluggedMemory { get; } = [];

    /// <summary>The guest uses this much of its plugged memory and cannot give it back; null: none.</summary>
    public long? GuestHoldsPlugged { get; set; }

    /// <summary>The guest has no virtio-mem driver: nothing it is asked to plug or unplug happens.</summary>
    public bool GuestIgnoresMemoryRequests { get; set; }

    public long ResizeMemory(VmRecord vm, long pluggedBytes, CancellationToken cancellationToken)
    {
        var now = PluggedMemory.TryGetValue(vm.Id, out var plugged) ? plugged : vm.WorkerMemory!.PluggedFor(vm.MemoryAssignedBytes ?? vm.MemoryStartupBytes);
        var reached = GuestIgnoresMemoryRequests ? now : Math.Max(pluggedBytes, Math.Min(now, GuestHoldsPlugged ?? 0));
        return PluggedMemory[vm.Id] = reached;
    }

    /// <summary>The soft limit last set on the cgroup of all VMs.</summary>
    public long? VirtualMachineMemoryLimit { get; private set; }

    public void SetVirtualMachineMemoryLimit(long? bytes) => VirtualMachineMemoryLimit = bytes;

    /// <summary>What the guest's /proc/meminfo says; null: its agent does not answer.</summary>
    public GuestMemory? GuestMemory { get; set; }

    /// <summary>Per VM, before <see cref="GuestMemory"/>.</summary>
    public Dictionary<Guid, GuestMemory> GuestMemories { get; } = [];

    public GuestMemory? ReadGuestMemory(VmRecord vm) => GuestMemories.GetValueOrDefault(vm.Id) ?? GuestMemory;

    /// <summary>What kill -9 from outside does.</summary>
    public void KillFromOutside(Guid vmId) => _processes.Remove(_pidByVm[vmId]);

    public bool IsAlive(VmRecord vm) => vm.Pid is { } pid && _processes.ContainsKey(pid);

    /// <summary>Every VM that ever had a worker: like QEMU's pid file, the fake's record of a pid outlives the worker.</summary>
    public IReadOnlySet<Guid> WorkerCandidates() => _pidByVm.Keys.ToHashSet();

    public int? FindWorker(VmRecord vm) => _pidByVm.TryGetValue(vm.Id, out var pid) && _processes.ContainsKey(pid) ? pid : null;

    /// <summary>How many times the worker was asked something live (run state, agent ping, hypervisor inside).</summary>
    public int Probes { get; set; }

    public VmState? QueryState(VmRecord vm)
    {
        Probes++;
        return vm.Pid is { } pid && _processes.TryGetValue(pid, out var state) ? state : null;
    }

    public void Pause(VmRecord vm)
    {
        Changing?.Invoke(nameof(Pause));
        _processes[vm.Pid!.Value] = VmState.Paused;
    }

    public void Resume(VmRecord vm) => _processes[vm.Pid!.Value] = VmState.Running;

    public void Reset(VmRecord vm)
    {
    }

    public void RequestShutdown(VmRecord vm)
    {
        if (GuestObeysShutdown)
        {
            _processes.Remove(vm.Pid!.Value);
        }
    }

    public void SaveState(VmRecord vm, string path, CancellationToken cancellationToken)
    {
        Changing?.Invoke(nameof(SaveState));
        File.WriteAllText(path, "state");
        _processes.Remove(vm.Pid!.Value);
    }

    /// <summary>Every guest-set-time, by VM.</summary>
    public List<(Guid Vm, DateTimeOffset Time)> GuestTimes { get; } = [];

    public void SetGuestTime(VmRecord vm, DateTimeOffset time) => GuestTimes.Add((vm.Id, time));

    /// <summary>Stop-VM -TurnOff and a forced power-off, by VM.</summary>
    public List<Guid> Kills { get; } = [];

    public void Kill(VmRecord vm)
    {
        Kills.Add(vm.Id);
        _processes.Remove(vm.Pid!.Value);
    }

    public bool WaitForExit(VmRecord vm, TimeSpan timeout, CancellationToken cancellationToken) => !IsAlive(vm);

    public bool Heartbeat(VmRecord vm, TimeSpan timeout) => AgentAnswers && QueryState(vm) == VmState.Running;

    /// <summary>What <see cref="SampleUsage"/> reports: the worker's CPU percent (its resident memory is the VM's startup memory).</summary>
    public int CpuPercent { get; set; } = 3;

    public ProcessUsage SampleUsage(VmRecord vm)
    {
        Probes++;
        return new(CpuPercent, vm.MemoryStartupBytes);
    }

    /// <summary>What the fake guest printed on its console, oldest first.</summary>
    public List<string> Console { get; } = ["[    0.000000] Linux version fake"];

    public IReadOnlyList<string> ConsoleTail(VmRecord vm, int lines) => [.. Console.TakeLast(lines)];

    public void CleanRuntime(VmRecord vm) => Changing?.Invoke(nameof(CleanRuntime));

    public IReadOnlyList<string> RemoveLeftoversOfEndedWorkers() => [];

    /// <summary>The fake's workers have no event channel: the supervisor's rule is tested through ObserveWorkerExit.</summary>
    public IReadOnlyList<Guid> SupervisableWorkers() => [];

    public Task<WorkerExit> WatchWorkerAsync(Guid vmId, CancellationToken cancellationToken) =>
        Task.FromException<WorkerExit>(new IOException("the fake backend's workers have no event channel"));

    /// <summary>What the guest's CPU state says; tests set it to mimic a hypervisor starting inside.</summary>
    public bool HypervisorInGuest { get; set; }

    public bool? HypervisorActive(VmRecord vm)
    {
        Probes++;
        return IsAlive(vm) ? HypervisorInGuest : null;
    }

    /// <summary>Every guest-exec, in order.</summary>
    public List<(Guid Vm, string Path, IReadOnlyList<string> Arguments)> GuestExecutions { get; } = [];

    /// <summary>What the guest answers to a program; tests replace it (or throw from it, as a silent agent would).</summary>
    public Func<string, IReadOnlyList<string>, GuestCommandResult> GuestProgram { get; set; } = (_, _) => new(0, "", "");

    /// <summary>Files written into guests, by guest path.</summary>
    public Dictionary<string, byte[]> GuestFiles { get; } = [];

    public GuestCommandResult GuestExecute(VmRecord vm, string path, IReadOnlyList<string> arguments, byte[]? standardInput, TimeSpan timeout, CancellationToken cancellationToken)
    {
        GuestExecutions.Add((vm.Id, path, arguments));
        return GuestProgram(path, arguments);
    }

    /// <summary>What ConnectPowerShellDirect gives: the guest's endpoint, or null when none runs.</summary>
    public Stream? PowerShellDirectPort { get; set; }

    /// <summary>Thrown by ConnectPowerShellDirect when set (the VM's socket is gone).</summary>
    public Exception? PowerShellDirectFailure { get; set; }

    /// <summary>When set, answers ConnectPowerShellDirect instead of <see cref="PowerShellDirectPort"/> (an endpoint that comes up later).</summary>
    public Func<Stream?>? PowerShellDirectPortFor { get; set; }

    public Stream? ConnectPowerShellDirect(VmRecord vm) =>
        PowerShellDirectFailure is { } failure ? throw failure : PowerShellDirectPortFor?.Invoke() ?? PowerShellDirectPort;

    public void GuestWriteFile(VmRecord vm, string guestPath, Stream content, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        content.CopyTo(copy);
        GuestFiles[guestPath] = copy.ToArray();
    }
}
