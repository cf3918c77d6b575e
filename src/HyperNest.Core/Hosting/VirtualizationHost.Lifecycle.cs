using HyperNest.Model;
using HyperNest.State;

namespace HyperNest.Hosting;

/// <summary>Starting, stopping, pausing and waiting: the VM state machine.</summary>
public sealed partial class VirtualizationHost
{
    public VirtualMachine StartVm(string name)
    {
        using var _ = LockVm(name);
        var vm = Load(name);
        switch (vm.State)
        {
            case VmState.Running:
                return ToView(vm);
            case VmState.Paused:
                return ResumeVm(name);
            case VmState.Off or VmState.Saved:
                break;
            default:
                throw HostErrors.WrongState(vm.Name, "start", vm.State, "Wait until the current operation ends, then try again.");
        }

        if (vm.ExposeVirtualizationExtensions)
        {
            // The host may have changed since Set-VMProcessor (module reloaded, another hypervisor loaded).
            var nesting = NestedVirtualizationSupport.Evaluate(_backend.Capabilities);
            if (!nesting.Supported)
            {
                throw new HostException(
                    $"The virtual machine could not be started because this platform does not support nested virtualization. {nesting.FailureReason} " +
                    $"Fix the host, or turn nesting off with Set-VMProcessor -VMName '{vm.Name}' -ExposeVirtualizationExtensions $false.",
                    ErrorCategory.NotEnabled, "NestedVirtualizationNotSupported", vm.Name);
            }
        }

        WarnWhenNestedWithoutHardware(vm);
        using var transition = BeginTransition(vm, VmState.Starting);
        var (drives, adapters) = _store.Transact(tx => (tx.ListDrives(vm.Id), tx.ListAdapters(vm.Id)));
        var bootOrder = BootOrderRules.Effective(vm.BootOrder, drives, adapters);
        var boot = BootMediaFor(vm, drives, bootOrder) with { IntegrationDisk = _images.PrepareIntegrationDisk(Warn, CancellationToken.None) };
        var restoring = vm.State == VmState.Saved ? vm.SavedStatePath : null;
        var accelerator = _backend.Capabilities.Accelerator;
        // A restore needs the devices the state was saved with (null for a VM saved before runtime resize).
        // Generation 2 (OVMF) keeps fixed memory: a guest kernel booted by OVMF with hot-pluggable memory
        // panicked early in one full test run (a page fault walking its own memory map), never under SeaBIOS.
        var memory = restoring is not null
            ? vm.WorkerMemory
            : vm.Generation == 2 ? null : RuntimeMemory.LayoutFor(vm.MemoryStartupBytes, vm.DynamicMemoryEnabled ? RuntimeMemory.Minimum(vm) : null, _backend.Capabilities.MemoryCapacity, guestPlugsAtBoot: boot.KernelPath is not null);
        var assigned = restoring is not null ? RuntimeMemory.Assigned(vm) : vm.MemoryStartupBytes;
        // Stored before the worker starts: one adopted after a killed Start-VM (recovery) has this layout.
        vm = Update(vm.Id, current => current with { WorkerMemory = memory, MemoryAssignedBytes = assigned });
        using var journal = BeginOperation(OperationKind.StartVm, vm.Id, adapters.Select(a => NetAdapterCatalog.TapName(a.Id)));
        using var revert = NewRevert();
        var nics = PlugVmPorts(vm, revert, adapter => BootOrderRules.BootIndex(vm, bootOrder, adapter));
        int pid;
        try
        {
            pid = _backend.Start(vm, boot, nics, restoring, CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            var failed = HostErrors.Failed($"'{vm.Name}' failed to start: {ex.Message}", vm.Name, ex);
            RecordEvent(vm, VmEventLevel.Error, failed.Message);
            throw failed;
        }
        catch (HostException ex)
        {
            RecordEvent(vm, VmEventLevel.Error, ex.Message);
            throw;
        }

        var started = Update(vm.Id, current => current with
        {
            State = VmState.Running,
            Pid = pid,
            StartedAt = _clock.GetUtcNow(),
            StatusMessage = null,
            SavedStatePath = null,
            Accelerator = accelerator,
            WorkerMemory = memory,
            MemoryAssignedBytes = assigned,
        });
        revert.Success();
        ForgetStoppedAtHostShutdown(vm.Id);
        if (VirtualMachineMemoryLimit() is > 0 and var limit)
        {
            // The home's cgroup may be new with this VM.
            _backend.SetVirtualMachineMemoryLimit(limit);
        }

        RecordStart(started, restored: restoring is not null);
        if (restoring is not null)
        {
            DeleteFile(restoring);
            SynchronizeGuestTime(started);
        }

        if (nics.Count > 0)
        {
            ShowUnpluggedCables(started);
        }

        return ToView(started);
    }

    public VirtualMachine StopVm(string name, StopMode mode)
    {
        using var _ = LockVm(name);
        var vm = Load(name);
        switch (vm.State)
        {
            case VmState.Off:
                return ToView(vm);
            case VmState.Saved when mode == StopMode.TurnOff:
                return RemoveVmSavedState(name);
            case VmState.Saved:
                throw HostErrors.WrongState(vm.Name, "stop", vm.State, "A saved virtual machine is not running. Start-VM restores it; Stop-VM -TurnOff or Remove-VMSavedState discards its saved state.");
            case VmState.Paused when mode is StopMode.Shutdown or StopMode.Force:
                throw HostErrors.WrongState(vm.Name, "shut down", vm.State, "A paused guest cannot shut itself down: Resume-VM it first, or use Stop-VM -TurnOff or -Save.");
        }

        var shutdownService = IsServiceEnabled(vm, IntegrationServices.Shutdown);
        if (mode == StopMode.Shutdown && !shutdownService)
        {
            throw IntegrationErrors.ShutdownUnavailable(vm.Name);
        }

        using var transition = BeginTransition(vm, mode == StopMode.Save ? VmState.Saving : VmState.Stopping);
        switch (mode)
        {
            case StopMode.TurnOff:
            // Hyper-V's Stop-VM -Force turns a VM off when its Shutdown service is not available.
            case StopMode.Force when !shutdownService:
                _backend.Kill(vm);
                break;
            case StopMode.Save:
                // Under the home's folder for the VM (root-only), even for a VM made with New-VM -Path: the state
                // holds the guest's whole memory. The host opens it and QEMU writes through the descriptor.
                var statePath = Path.Combine(_paths.VmDirectory(vm.Id), "saved.state");
                Directory.CreateDirectory(Path.GetDirectoryName(statePath)!);
                _backend.SaveState(vm, statePath, CancellationToken.None);
                RecordEvent(vm, VmEventLevel.Information, $"'{vm.Name}' saved its state and stopped.");
                return ToView(MarkStopped(vm, VmState.Saved, statePath));
            case StopMode.Shutdown:
                _backend.RequestShutdown(vm);
                if (!_backend.WaitForExit(vm, ShutdownTimeout, CancellationToken.None))
                {
                    throw new HostException(
                        $"'{vm.Name}' did not shut down within {ShutdownTimeout.TotalSeconds:0} seconds. The guest may ignore shutdown requests: use Stop-VM -Force (power off after a grace period) or Stop-VM -TurnOff.",
                        ErrorCategory.OperationTimeout, "ShutdownTimedOut", vm.Name);
                }

                break;
            case StopMode.Force:
                _backend.RequestShutdown(vm);
                if (!_backend.WaitForExit(vm, ForceGracePeriod, CancellationToken.None))
                {
                    _backend.Kill(vm);
                }

                break;
        }

        RecordEvent(vm, VmEventLevel.Information, mode switch
        {
            StopMode.Shutdown => $"'{vm.Name}' was shut down by its guest operating system at HyperNest's request.",
            StopMode.Force => $"'{vm.Name}' was shut down, or turned off after {ForceGracePeriod.TotalSeconds:0} s (Stop-VM -Force).",
            _ => $"'{vm.Name}' was turned off.",
        });
        return ToView(MarkStopped(vm, VmState.Off, null));
    }

    private VmRecord MarkStopped(VmRecord vm, VmState state, string? savedStatePath)
    {
        _backend.CleanRuntime(vm);
        var stopped = Update(vm.Id, current => current with
        {
            State = state,
            Pid = null,
            StartedAt = null,
            StatusMessage = null,
            SavedStatePath = savedStatePath,
            WorkerMemory = state == VmState.Saved ? current.WorkerMemory : null,
            MemoryAssignedBytes = state == VmState.Saved ? current.MemoryAssignedBytes : null,
        });
        UnplugVmPorts(stopped);
        return stopped;
    }

    public VirtualMachine SuspendVm(string name)
    {
        using var _ = LockVm(name);
        var vm = Load(name);
        switch (vm.State)
        {
            case VmState.Paused:
                return ToView(vm);
            case VmState.Running:
                using (BeginTransition(vm, VmState.Pausing))
                {
                    _backend.Pause(vm);
                }

                var paused = Update(vm.Id, current => current with { State = VmState.Paused });
                LiveSamples.Forget(vm.Id);
                RecordEvent(vm, VmEventLevel.Information, $"'{vm.Name}' was paused.");
                return ToView(paused);
            default:
                throw HostErrors.WrongState(vm.Name, "pause", vm.State, "Only a running virtual machine can be paused: Start-VM it first.");
        }
    }

    public VirtualMachine ResumeVm(string name)
    {
        using var _ = LockVm(name);
        var vm = Load(name);
        switch (vm.State)
        {
            case VmState.Running:
                return ToView(vm);
            case VmState.Paused:
                using (BeginTransition(vm, VmState.Resuming))
                {
                    _backend.Resume(vm);
                }

                var resumed = Update(vm.Id, current => current with { State = VmState.Running });
                LiveSamples.Forget(vm.Id);
                RecordEvent(vm, VmEventLevel.Information, $"'{vm.Name}' was resumed.");
                SynchronizeGuestTime(resumed);
                return ToView(resumed);
            default:
                throw HostErrors.WrongState(vm.Name, "resume", vm.State, vm.State == VmState.Saved ? "A saved virtual machine is restored with Start-VM." : "Only a paused virtual machine can be resumed.");
        }
    }

    public VirtualMachine RestartVm(string name)
    {
        using var _ = LockVm(name);
        var vm = Load(name);
        if (vm.State != VmState.Running)
        {
            throw HostErrors.WrongState(vm.Name, "restart", vm.State, "Only a running virtual machine can be restarted: Start-VM it instead.");
        }

        _backend.Reset(vm);
        var restarted = Update(vm.Id, current => current with { StartedAt = _clock.GetUtcNow() });
        LiveSamples.Forget(vm.Id);
        RecordEvent(vm, VmEventLevel.Information, $"'{vm.Name}' was reset (Restart-VM).");
        return ToView(restarted);
    }

    /// <summary>How long one Wait-VM ping waits for the agent before the VM's state (and Ctrl+C) is looked at again.</summary>
    private static readonly TimeSpan HeartbeatAttempt = TimeSpan.FromSeconds(2);

    /// <summary>The pause after an attempt that failed at once (no socket yet), and the shortest attempt.</summary>
    private static readonly TimeSpan HeartbeatPause = TimeSpan.FromMilliseconds(100);

    /// <summary>Only while Running (or Starting); fails at once when the VM stops while waiting.</summary>
    public VirtualMachine WaitVm(string name, WaitForCondition condition, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        if (condition != WaitForCondition.Heartbeat)
        {
            throw HostErrors.InvalidArgument($"Wait-VM -For {condition} is not available yet; -For Heartbeat is.", name);
        }

        var deadline = timeout == Timeout.InfiniteTimeSpan ? DateTimeOffset.MaxValue : _clock.GetUtcNow() + timeout;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var vm = Load(name);
            if (vm.State != VmState.Running)
            {
                throw HostErrors.WrongState(vm.Name, "report a heartbeat", vm.State, vm.StatusMessage ?? "Start it with Start-VM, then wait.");
            }

            if (!IsServiceEnabled(vm, IntegrationServices.Heartbeat))
            {
                throw IntegrationErrors.HeartbeatDisabled(vm.Name);
            }

            // One ping that waits: QEMU keeps what is written to the agent's socket until the guest's agent opens its
            // port, so the agent answers the moment it starts (a one-second ping with a pause between attempts saw it
            // up to half a second late). QEMU ending closes the socket, which ends the attempt at once.
            var attempt = TimeSpan.FromTicks(Math.Clamp((deadline - _clock.GetUtcNow()).Ticks, HeartbeatPause.Ticks, HeartbeatAttempt.Ticks));
            if (AgentAnswers(vm, attempt))
            {
                return ToView(vm);
            }

            if (_clock.GetUtcNow() >= deadline)
            {
                throw new HostException(
                    $"'{vm.Name}' gave no heartbeat within {timeout.TotalSeconds:0} seconds: its guest agent does not answer. Get-VMConsole -VMName '{vm.Name}' shows how far the guest got.",
                    ErrorCategory.OperationTimeout, "WaitTimedOut", vm.Name);
            }

            Thread.Sleep(HeartbeatPause);
        }
    }

    /// <summary>
    /// A VM on a host that is itself a VM without exposed virtualization extensions runs under TCG: it works
    /// but is slow, and the fix is on the parent host (the documents' Set-VMProcessor line).
    /// </summary>
    private void WarnWhenNestedWithoutHardware(VmRecord vm)
    {
        var caps = _backend.Capabilities;
        if (caps.Accelerator == AcceleratorKind.TCG && caps.Nesting.RunsInsideVirtualMachine)
        {
            Warning?.Invoke(this,
                $"'{vm.Name}' runs without hardware virtualization (TCG software emulation): this host is itself a virtual machine whose " +
                "processor does not expose virtualization extensions. On its parent host, turn this VM off and run " +
                "Set-VMProcessor -VMName <this VM> -ExposeVirtualizationExtensions $true, then start it again.");
        }
    }

    public IReadOnlyList<string> GetVmConsole(string name, int lastLines, bool raw = false)
    {
        var lines = _backend.ConsoleTail(Load(name), Math.Max(1, lastLines));
        return raw ? lines : [.. lines.Select(TerminalText.Printable)];
    }

    /// <summary>The VM's drives in controller order (the first hard drive is the system disk) and, for built images, the kernel to boot directly.</summary>
    private BootMedia BootMediaFor(VmRecord vm, IReadOnlyList<DriveRecord> drives, IReadOnlyList<Guid> bootOrder)
    {
        var systemDisk = drives.FirstOrDefault(d => d.Kind == DriveKind.HardDisk);
        var attachments = drives
            .Select(d => ToAttachment(d) with { IsSystemDisk = d == systemDisk, BootIndex = BootOrderRules.BootIndex(vm, bootOrder, d.Id) })
            .ToList();
        if (vm.ImageName is not { } imageName)
        {
            return new BootMedia(attachments, null, null, null);
        }

        var image = _images.FindBuilt(imageName)
            ?? throw HostErrors.Failed($"'{vm.Name}' boots the image \"{imageName}\", whose build for this HyperNest is missing from the cache. Run New-VMImage -Name {imageName} to rebuild it.", vm.Name);
        // SeaBIOS (generation 1) can enter the uncompressed kernel through its PVH note, which skips the
        // decompression that costs ~3 s under TCG; OVMF (generation 2) cannot load it, so it gets vmlinuz.
        var kernel = vm.Generation == 1 && image.PvhKernelPath is { } pvh ? pvh : image.KernelPath;
        return new BootMedia(attachments, kernel, image.InitrdPath, image.KernelCommandLine);
    }
}
