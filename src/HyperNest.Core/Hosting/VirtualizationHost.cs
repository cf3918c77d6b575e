using HyperNest.Model;
using HyperNest.State;

namespace HyperNest.Hosting;

/// <summary>
/// The one host API (see <see cref="IVirtualizationHost"/>): every Hyper-V rule lives in this class's
/// partial files, grouped by concern. Like Podman's syncContainer, each action first reconciles the
/// stored record with the live worker process, then checks its precondition, then acts.
/// </summary>
public sealed partial class VirtualizationHost : IVirtualizationHost
{
    private readonly StateStore _store;
    private readonly IVmBackend _backend;
    private readonly IImageStore _images;
    private readonly IDiskTool _disks;
    private readonly INetworkBackend _network;
    private readonly HostPaths _paths;
    private readonly TimeProvider _clock;

    public VirtualizationHost(HostPaths paths, StateStore store, IVmBackend backend, IImageStore images, IDiskTool disks, INetworkBackend network, TimeProvider? clock = null)
    {
        _network = network;
        _paths = paths;
        _store = store;
        _backend = backend;
        _images = images;
        _disks = disks;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>How long Stop-VM waits for a guest to shut itself down before it gives up (or, with -Force, powers off).</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromMinutes(2);

    public TimeSpan ForceGracePeriod { get; init; } = TimeSpan.FromSeconds(30);

    public event EventHandler<string>? Warning;

    public void Dispose() => _store.Dispose();

    /// <summary>
    /// One store read however many VMs there are (cached by the store until something changes), and one
    /// look at the runtime directory for workers nobody recorded instead of one per VM: with 1000 VMs the
    /// per-VM reads and looks were most of GET /v1/vms.
    /// </summary>
    public IReadOnlyList<VirtualMachine> GetVms()
    {
        var inventory = _store.ReadInventory();
        var adaptersByVm = inventory.Adapters.ToLookup(a => a.VmId);
        var drivesByVm = inventory.Drives.ToLookup(d => d.VmId);
        var workerCandidates = _backend.WorkerCandidates();
        return inventory.Vms
            .Select(vm => vm.State is VmState.Off or VmState.Saved && !workerCandidates.Contains(vm.Id) ? vm : Reconcile(vm))
            .Select(vm => ToView(vm, adaptersByVm[vm.Id].ToList(), inventory.Switches, drivesByVm[vm.Id].ToList(), inventory.IntegrationServiceChoices.GetValueOrDefault(vm.Id)))
            .ToList();
    }

    public VirtualMachine GetVm(string name) => ToView(Load(name));

    public VirtualMachine GetVm(Guid id) =>
        ToView(Reconcile(_store.Transact(tx => tx.FindVm(id)) ?? throw HostErrors.VmIdNotFound(id)));

    /// <summary>
    /// Every change to one VM holds its lock, so two processes never interleave on it (a Remove-VM racing a
    /// Start-VM would otherwise delete the disk under the QEMU the Start-VM just launched). Order: a VM's
    /// lock before the network lock. Only the id is looked up here (no reconcile, so no probe of the worker):
    /// the caller loads the VM once it holds the lock.
    /// </summary>
    private HostLock LockVm(string name) => HostLock.ForVm(_paths, FindVmId(name));

    /// <summary>The VM's id from the store alone: no reconcile, so no probe of its worker.</summary>
    private Guid FindVmId(string name) => (_store.Transact(tx => tx.FindVm(name)) ?? throw HostErrors.VmNotFound(name)).Id;

    /// <summary>Finds the VM by name and reconciles it with its worker process.</summary>
    private VmRecord Load(string name) =>
        Reconcile(_store.Transact(tx => tx.FindVm(name)) ?? throw HostErrors.VmNotFound(name));

    /// <summary>
    /// Brings the stored state in line with reality: a Running/Paused VM whose worker died (killed from
    /// outside, crashed) becomes Off with a Status that says so; a live worker's run state is re-read; an
    /// Off or Saved VM with a live worker nobody recorded is adopted.
    /// </summary>
    private VmRecord Reconcile(VmRecord vm)
    {
        if (VmTransitions.SeenBy(vm.Id, this) is not null)
        {
            // Another call is changing it (a worker Stop-VM just killed is no crash): that call records the outcome.
            return vm;
        }

        if (vm.State is VmState.Off or VmState.Saved)
        {
            return AdoptOrphanWorker(vm);
        }

        if (vm.State is not (VmState.Running or VmState.Paused))
        {
            return vm;
        }

        // The pid check is a /proc read; the run state comes from the service's sample when it has one.
        var live = _backend.IsAlive(vm) ? Sampled(vm)?.State ?? _backend.QueryState(vm) : null;
        if (live == vm.State)
        {
            return vm;
        }

        var ended = false;
        var reconciled = Update(vm.Id, current =>
        {
            if (current.State is not (VmState.Running or VmState.Paused) || current.Pid != vm.Pid)
            {
                return current;
            }

            if (live is { } state)
            {
                return current with { State = state };
            }

            ended = true;
            return WorkerEnded(current, new WorkerExit(WorkerExitKind.Unexpected));
        });
        if (ended)
        {
            RecordWorkerEnd(reconciled, new WorkerExit(WorkerExitKind.Unexpected));
        }

        if (reconciled.State == VmState.Off)
        {
            // Outside the transaction above: removing the ports reads the store again.
            UnplugVmPorts(reconciled);
        }

        return reconciled;
    }

    /// <summary>
    /// A Start-VM killed after it launched QEMU but before it recorded the pid leaves a guest running that
    /// its record calls Off: Stop-VM would do nothing and Remove-VM would delete the disk under it. Such a
    /// worker is adopted (Running, or Paused, with its pid), never ignored. A worker whose Start-VM is still
    /// at work (its VM lock is held by another process) is left for that Start-VM to record.
    /// </summary>
    private VmRecord AdoptOrphanWorker(VmRecord vm)
    {
        if (_backend.FindWorker(vm) is not { } pid)
        {
            return vm;
        }

        using var vmLock = HostLock.TryForVm(_paths, vm.Id);
        if (vmLock is null)
        {
            return vm;
        }

        var live = _backend.QueryState(vm with { Pid = pid }) ?? VmState.Running;
        var adoptedNow = false;
        var adopted = Update(vm.Id, current =>
        {
            if (current.State is not (VmState.Off or VmState.Saved))
            {
                return current;
            }

            adoptedNow = true;
            return current with
            {
                State = live,
                Pid = pid,
                StartedAt = current.StartedAt ?? _clock.GetUtcNow(),
                SavedStatePath = null,
                StatusMessage = $"HyperNest found this virtual machine's worker (QEMU, pid {pid}) running although its record said {current.State}: the command that started it was interrupted. It was adopted at {_clock.GetUtcNow():u}.",
            };
        });
        if (vm.SavedStatePath is { } consumed && adopted.SavedStatePath is null)
        {
            // The worker was restored from it, as an uninterrupted Start-VM would have finished.
            DeleteFile(consumed);
        }

        if (adoptedNow)
        {
            RecordEvent(adopted, VmEventLevel.Warning, adopted.StatusMessage!);
        }

        return adopted;
    }

    /// <summary>Pings the guest agent; an answer is remembered for Get-VM (<see cref="LiveSamples"/>).</summary>
    private bool AgentAnswers(VmRecord vm, TimeSpan timeout)
    {
        var answered = _backend.Heartbeat(vm, timeout);
        if (answered)
        {
            LiveSamples.Answered(vm, _clock.GetUtcNow());
        }

        return answered;
    }

    /// <summary>
    /// True in hypernestd, whose sampler keeps <see cref="LiveSamples"/> current: views answer from the
    /// samples of any age instead of probing the worker on the call path.
    /// </summary>
    public bool AnswerFromLiveSamples { get; init; }

    private LiveSamples.Sample? Sampled(VmRecord vm) => AnswerFromLiveSamples ? LiveSamples.Find(vm) : null;

    /// <summary>For a view: an answer seen in the last seconds or at the last sample, else (nothing sampled yet) a short ping.</summary>
    private bool ShowsHeartbeat(VmRecord vm) =>
        LiveSamples.AnsweredRecently(vm, _clock.GetUtcNow())
        || (Sampled(vm) is { } sample ? sample.Heartbeat : AgentAnswers(vm, TimeSpan.FromMilliseconds(300)));

    /// <summary>NestedHypervisorActive of a running VM: from its sample, else asked of QEMU (`info registers`).</summary>
    private bool HypervisorActive(VmRecord vm) => HypervisorState(vm) == true;

    /// <summary>As <see cref="HypervisorActive"/>, null when QEMU could not be asked (a rule that depends on it must not guess).</summary>
    private bool? HypervisorState(VmRecord vm) => Sampled(vm) is { } sample ? sample.HypervisorActive : _backend.HypervisorActive(vm);

    /// <summary>Re-reads the record inside an exclusive transaction, applies <paramref name="change"/> and stores the result.</summary>
    private VmRecord Update(Guid id, Func<VmRecord, VmRecord> change) => _store.Transact(tx =>
    {
        var current = tx.FindVm(id) ?? throw HostErrors.Failed($"The virtual machine {id} was removed by another HyperNest process while this one worked on it.");
        var next = change(current);
        if (next != current)
        {
            tx.UpdateVm(next);
        }

        return next;
    });

    /// <summary>Until the scope ends, other calls see the VM in <paramref name="state"/> (<see cref="VmTransitions"/>).</summary>
    private IDisposable BeginTransition(VmRecord vm, VmState state) => VmTransitions.Begin(vm.Id, state, this, Owner);

    private VirtualMachine ToView(VmRecord vm)
    {
        var (adapters, switches, drives, services) = _store.Transact(tx => (tx.ListAdapters(vm.Id), tx.ListSwitches(), tx.ListDrives(vm.Id), tx.ListIntegrationServiceChoices()));
        return ToView(vm, adapters, switches, drives, services.GetValueOrDefault(vm.Id));
    }

    /// <summary><paramref name="drives"/> in controller order; <paramref name="services"/> the VM's integration-service choices (null: defaults).</summary>
    private VirtualMachine ToView(VmRecord vm, IReadOnlyList<NetworkAdapterRecord> adapters, IReadOnlyList<SwitchRecord> switches, IReadOnlyList<DriveRecord> drives, IReadOnlyDictionary<string, bool>? services)
    {
        var hardDrives = drives.Where(d => d.Kind == DriveKind.HardDisk).Select(d => ToHardDiskView(vm, d)).ToList();
        var running = vm.State is VmState.Running or VmState.Paused;
        var usage = !running ? default : Sampled(vm)?.Usage ?? _backend.SampleUsage(vm);
        var balance = running && vm.DynamicMemoryEnabled ? MemoryBalances.Find(vm) : null;
        // A disabled Heartbeat service is not asked, and Hyper-V reports its status as Disabled.
        var heartbeatEnabled = IntegrationServices.IsEnabled(services, IntegrationServices.Heartbeat);
        var heartbeat = heartbeatEnabled && vm.State == VmState.Running && ShowsHeartbeat(vm);
        return new VirtualMachine
        {
            Name = vm.Name,
            Id = vm.Id,
            State = VmTransitions.SeenBy(vm.Id, this) ?? vm.State,
            CPUUsage = usage.CpuPercent,
            MemoryAssigned = running ? RuntimeMemory.Assigned(vm) : 0,
            MemoryStartup = vm.MemoryStartupBytes,
            MemoryDemand = !running ? 0 : balance?.DemandBytes ?? Math.Min(usage.ResidentBytes, RuntimeMemory.Assigned(vm)),
            MemoryStatus = balance?.Status ?? "",
            MemoryMinimum = RuntimeMemory.Minimum(vm),
            MemoryMaximum = RuntimeMemory.Maximum(vm),
            DynamicMemoryEnabled = vm.DynamicMemoryEnabled,
            Uptime = running && vm.StartedAt is { } started ? Truncate(_clock.GetUtcNow() - started) : TimeSpan.Zero,
            Status = StatusText(vm, heartbeat || !heartbeatEnabled),
            Version = vm.Version.ToString(),
            Generation = vm.Generation,
            ProcessorCount = vm.ProcessorCount,
            Heartbeat = !heartbeatEnabled ? "Disabled" : heartbeat ? "OkApplicationsUnknown" : "NoContact",
            Image = vm.ImageName,
            HardDrivePath = hardDrives.FirstOrDefault()?.Path,
            Path = _paths.VmDirectory(vm),
            Accelerator = running ? vm.Accelerator : null,
            NestedHypervisorActive = running && HypervisorActive(vm),
            CreationTime = vm.CreatedAt,
            Notes = vm.Notes,
            AutomaticStartAction = vm.AutomaticStartAction,
            AutomaticStopAction = vm.AutomaticStopAction,
            AutomaticStartDelay = vm.AutomaticStartDelay,
            AutomaticCheckpointsEnabled = vm.AutomaticCheckpointsEnabled,
            NetworkAdapters = adapters.OrderBy(a => a.Slot).Select(a => ToAdapterView(vm, a, switches)).ToList(),
            // The integration disk HyperNest attaches at start is HyperNest's own and not listed.
            HardDrives = hardDrives,
            DVDDrives = drives.Where(d => d.Kind == DriveKind.Dvd).Select(d => ToDvdView(vm, d)).ToList(),
        };
    }

    private static string StatusText(VmRecord vm, bool heartbeat) => vm.State switch
    {
        VmState.Running when !heartbeat => "Running, no contact with the guest yet (its guest agent does not answer)",
        _ when vm.StatusMessage is { } message => message,
        _ => "Operating normally",
    };

    private static TimeSpan Truncate(TimeSpan span) => TimeSpan.FromSeconds(Math.Max(0, Math.Floor(span.TotalSeconds)));
}
