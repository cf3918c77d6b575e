using System.Globalization;
using HyperNest.Hosting;
using HyperNest.Images;
using HyperNest.Model;
using HyperNest.Platform;
using HyperNest.Qemu.GuestAgent;
using HyperNest.Qemu.Qmp;
using HyperNest.State;

namespace HyperNest.Qemu;

/// <summary>
/// The host API's backend on real QEMU: one process per VM, in a session of its own, driven over QMP and the guest
/// agent. QEMU accepts one QMP client at a time, so every action connects, acts and disconnects.
/// The host API is synchronous (cmdlets are), so the async clients are awaited here.
/// </summary>
public sealed partial class QemuVmBackend(HostPaths paths) : IVmBackend
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);
    private const long ConsoleTailMinBytes = 64 * 1024;
    private const long ConsoleTailMaxBytes = 16 * 1024 * 1024;
    private const int ConsoleLineMaxChars = 4096;
    private readonly Lazy<HostCapabilities> _capabilities = new(ProbeCapabilities);

    public HostCapabilities Capabilities => _capabilities.Value;

    public int Start(VmRecord vm, BootMedia boot, IReadOnlyList<NicAttachment> nics, string? savedStatePath, CancellationToken cancellationToken)
    {
        if (!QemuConfinement.UserExists())
        {
            throw new HostException($"'{vm.Name}' cannot be started: {QemuConfinement.MissingUserMessage}", ErrorCategory.ResourceUnavailable, "StartFailed", vm.Name);
        }

        var runtime = Runtime(vm);
        string? varsPath = null;
        if (vm.Generation == 2)
        {
            // Each generation 2 VM keeps its own UEFI variable store, as a Hyper-V VM keeps its NVRAM.
            varsPath = Path.Combine(paths.VmDirectory(vm), "OVMF_VARS.fd");
            if (!File.Exists(varsPath))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(varsPath)!);
                QemuFirmware.CreateVarsFile(varsPath);
            }
        }

        var (systemDisk, drives) = ToQemuDrives(boot.Drives);
        var tools = IntegrationDiskLink.Choose(paths.VmDirectory(vm), boot.IntegrationDisk, restoring: savedStatePath is not null);
        var spec = new QemuLaunchSpec
        {
            VmId = vm.Id,
            Generation = vm.Generation,
            MemoryBytes = vm.WorkerMemory is { } layout ? layout.BaseBytes + layout.PluggedFor(vm.MemoryAssignedBytes ?? vm.MemoryStartupBytes) : vm.MemoryStartupBytes,
            HotplugMemory = vm.WorkerMemory,
            ProcessorCount = vm.ProcessorCount,
            Accelerator = Capabilities.Accelerator,
            ExposeVirtualizationExtensions = vm.ExposeVirtualizationExtensions,
            Disk = systemDisk,
            Drives = drives,
            IntegrationDisk = tools is null
                ? null
                : new QemuDisk(tools.Path, QemuDiskFormat.Raw, ReadOnly: true, HostDevice: tools.IsBlockDevice, Serial: GuestContract.IntegrationDiskSerial),
            KernelBoot = boot.KernelPath is { } kernel ? new QemuDirectKernelBoot(kernel, boot.InitrdPath, boot.KernelCommandLine) : null,
            NetworkAdapters = nics.Select(nic => new QemuNetworkAdapter(nic.TapName, nic.MacAddress, nic.BootIndex)).ToList(),
            OvmfVarsPath = varsPath,
            Runtime = runtime,
            IncomingStateFile = savedStatePath,
            CgroupDirectories = QemuCgroups.Create(paths.Home, vm.Id),
        };

        try
        {
            var pid = new QemuProcessLauncher().LaunchAsync(spec, cancellationToken: cancellationToken).GetAwaiter().GetResult().Pid;
            if (savedStatePath is not null)
            {
                WaitForIncomingState(vm, pid);
            }

            return pid;
        }
        catch (Exception ex) when (ex is QemuLaunchException or ArgumentException)
        {
            // No QEMU is left in them (the launcher kills one that started and failed after).
            QemuCgroups.Remove(paths.Home, vm.Id);
            throw Refused(vm, ex);
        }
    }

    private static HostException Refused(VmRecord vm, Exception ex) => ex switch
    {
        QemuLaunchException launch => new HostException(
            $"'{vm.Name}' failed to start: {launch.Message}. QEMU said: {(launch.QemuError.Length > 0 ? launch.QemuError : "nothing")}",
            ErrorCategory.NotSpecified, "StartFailed", vm.Name, launch),
        _ => new HostException($"'{vm.Name}' cannot be started: {ex.Message}", ErrorCategory.InvalidArgument, "StartFailed", vm.Name, ex),
    };

    /// <summary>
    /// QEMU reads the saved state (from the descriptor the launcher gave it) on its own time: the caller deletes the file
    /// once Start-VM returns, so it returns only when QEMU has left "inmigrate" (a file deleted under a slow
    /// cat left a guest that never came back, seen on a loaded machine).
    /// </summary>
    private void WaitForIncomingState(VmRecord vm, int pid)
    {
        string status;
        try
        {
            status = ReadStatusAfterIncomingState(vm with { Pid = pid });
        }
        catch (Exception ex) when (IsUnreachable(ex))
        {
            Kill(vm with { Pid = pid });
            throw new HostException(
                $"'{vm.Name}' could not be restored from its saved state: {ex.Message}. QEMU's log is {Runtime(vm).QemuLog}. Remove-VMSavedState discards the state; Start-VM then boots the VM afresh.",
                ErrorCategory.InvalidData, "RestoreFailed", vm.Name, ex);
        }

        if (status is "internal-error" or "io-error" or "shutdown" or "guest-panicked")
        {
            Kill(vm with { Pid = pid });
            throw new HostException(
                $"'{vm.Name}' could not be restored from its saved state: QEMU's status after reading it is '{status}'. Remove-VMSavedState discards the state; Start-VM then boots the VM afresh.",
                ErrorCategory.InvalidData, "RestoreFailed", vm.Name);
        }
    }

    private string ReadStatusAfterIncomingState(VmRecord vm) =>
        WithQmp(vm, async qmp =>
        {
            using var deadline = new CancellationTokenSource(IncomingStateTimeout);
            while (true)
            {
                var current = await qmp.QueryStatusAsync(deadline.Token).ConfigureAwait(false);
                if (current.Status != "inmigrate")
                {
                    return current.Status;
                }

                await Task.Delay(50, deadline.Token).ConfigureAwait(false);
            }
        });

    private static readonly TimeSpan IncomingStateTimeout = TimeSpan.FromMinutes(10);

    public bool IsAlive(VmRecord vm) => vm.Pid is { } pid && QemuProcessInspector.IsAlive(pid, vm.Id);

    public string? WorkerCommandLine(VmRecord vm) =>
        vm.Pid is { } pid && QemuProcessInspector.ReadCommandLine(pid, vm.Id) is { } arguments ? Platform.ShellQuoting.Join(arguments) : null;

    public int? FindWorker(VmRecord vm)
    {
        try
        {
            var pidFile = Runtime(vm).PidFile;
            return File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture, out var pid) && QemuProcessInspector.IsAlive(pid, vm.Id)
                ? pid
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public VmState? QueryState(VmRecord vm)
    {
        try
        {
            var status = WithQmp(vm, qmp => qmp.QueryStatusAsync());

            // Only QEMU's own paused states mean Paused; a transitional run state (finish-migrate,
            // prelaunch, …) says nothing about what the user last asked for, so the stored state stands.
            return status.Running ? VmState.Running
                : status.Status is "paused" or "suspended" ? VmState.Paused
                : vm.State;
        }
        catch (Exception ex) when (IsUnreachable(ex))
        {
            // A live worker that does not answer QMP is busy with another client (one at a time): keep the stored state.
            return IsAlive(vm) ? vm.State : null;
        }
    }

    public void SetLinkState(VmRecord vm, int slot, bool up) =>
        WithQmp(vm, async qmp => await qmp.SetLinkAsync(QemuCommandLine.NetworkDeviceId(slot), up).ConfigureAwait(false));

    public void Pause(VmRecord vm) => WithQmp(vm, async qmp => await qmp.StopAsync().ConfigureAwait(false));

    public void Resume(VmRecord vm) => WithQmp(vm, async qmp => await qmp.ContAsync().ConfigureAwait(false));

    public void Reset(VmRecord vm) => WithQmp(vm, async qmp => await qmp.SystemResetAsync().ConfigureAwait(false));

    public void RequestShutdown(VmRecord vm)
    {
        // Hyper-V shuts a guest down through its Shutdown integration service; the guest agent is ours.
        // The ACPI power button goes too, for guests whose agent is not up.
        try
        {
            Run(async () =>
            {
                await using var agent = await GuestAgentClient.ConnectAsync(Runtime(vm).GuestAgentSocket, TimeSpan.FromSeconds(2)).ConfigureAwait(false);
                if (await agent.PingAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false))
                {
                    await agent.ShutdownAsync(GuestShutdownMode.Powerdown).ConfigureAwait(false);
                }

                return true;
            });
        }
        catch (Exception ex) when (IsUnreachable(ex))
        {
            // No agent: the power button below is the only way in.
        }

        try
        {
            WithQmp(vm, async qmp => await qmp.SystemPowerdownAsync().ConfigureAwait(false));
        }
        catch (Exception ex) when (IsUnreachable(ex) && !IsAlive(vm))
        {
            // The agent's shutdown was faster than the power button.
        }
    }

    public void SaveState(VmRecord vm, string path, CancellationToken cancellationToken)
    {
        // The host creates the file (0600, like every file of the VM) and QEMU writes through the descriptor: QEMU
        // runs as its own user, which cannot reach the VM's folder.
        using var file = Platform.OwnerOnly.CreateForWriting(path);
        WithQmp(vm, async qmp =>
        {
            await qmp.SaveStateAsync(file.SafeFileHandle, TimeSpan.FromMinutes(10), cancellationToken).ConfigureAwait(false);
            await qmp.QuitAsync(cancellationToken).ConfigureAwait(false);
        });
        WaitForExit(vm, TimeSpan.FromSeconds(30), cancellationToken);
    }

    public void Kill(VmRecord vm)
    {
        if (vm.Pid is { } pid)
        {
            Run(() => QemuProcessTerminator.TerminateAsync(pid, vm.Id, TimeSpan.FromSeconds(5)));
        }
    }

    public bool WaitForExit(VmRecord vm, TimeSpan timeout, CancellationToken cancellationToken) =>
        vm.Pid is not { } pid || Run(() => QemuProcessTerminator.WaitForExitAsync(pid, vm.Id, timeout, cancellationToken));

    public IReadOnlyDictionary<string, IReadOnlyList<string>> GuestIpAddresses(VmRecord vm, TimeSpan timeout)
    {
        try
        {
            return Run(async () =>
            {
                await using var agent = await GuestAgentClient.ConnectAsync(Runtime(vm).GuestAgentSocket, timeout).ConfigureAwait(false);
                agent.CommandTimeout = timeout;
                return await agent.NetworkInterfacesAsync().ConfigureAwait(false);
            });
        }
        catch (Exception ex) when (IsUnreachable(ex) || ex is QmpException)
        {
            // Busy (another client holds the agent's one channel), booting, or no agent: no addresses to show.
            return new Dictionary<string, IReadOnlyList<string>>();
        }
    }

    public bool Heartbeat(VmRecord vm, TimeSpan timeout)
    {
        try
        {
            return Run(async () =>
            {
                await using var agent = await GuestAgentClient.ConnectAsync(Runtime(vm).GuestAgentSocket, timeout).ConfigureAwait(false);
                return await agent.PingAsync(timeout).ConfigureAwait(false);
            });
        }
        catch (Exception ex) when (IsUnreachable(ex))
        {
            return false;
        }
    }

    public ProcessUsage SampleUsage(VmRecord vm)
    {
        if (vm.Pid is not { } pid || QemuProcessInspector.ReadStats(pid) is not { } now)
        {
            return default;
        }

        // The VM's cgroups count what is the VM's (QEMU's every thread); /proc is the fallback without them.
        if (QemuCgroups.ReadUsage(pid, vm.Id) is { } counted)
        {
            now = now with { CpuTime = counted.CpuTime, ResidentBytes = counted.ResidentBytes };
        }

        // CPUUsage is the difference of two samples; the previous one is kept beside the VM's sockets.
        var samplePath = Path.Combine(Runtime(vm).Directory, "cpu.sample");
        var previous = ReadSample(samplePath, now.StartTime) ?? new QemuProcessStats(TimeSpan.Zero, null, now.StartTime, now.StartTime);
        WriteSample(samplePath, now);
        return new ProcessUsage(QemuProcessStats.CpuUsagePercent(previous, now, Capabilities.LogicalProcessorCount), now.ResidentBytes ?? 0);
    }

    public IReadOnlyList<string> ConsoleTail(VmRecord vm, int lines)
    {
        var log = Runtime(vm).SerialLog;
        if (!File.Exists(log))
        {
            return [];
        }

        // The guest writes this log without limit, so only its end is read, and each line is cut short.
        using var stream = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var budget = Math.Clamp((long)lines * 1024, ConsoleTailMinBytes, ConsoleTailMaxBytes);
        var skipPartialLine = stream.Length > budget;
        if (skipPartialLine)
        {
            stream.Seek(-budget, SeekOrigin.End);
        }

        using var reader = new StreamReader(stream);
        if (skipPartialLine)
        {
            _ = reader.ReadLine();
        }

        var tail = new Queue<string>();
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.TrimEnd('\r');
            tail.Enqueue(trimmed.Length > ConsoleLineMaxChars ? string.Concat(trimmed.AsSpan(0, ConsoleLineMaxChars), "…") : trimmed);
            if (tail.Count > lines)
            {
                tail.Dequeue();
            }
        }

        return [.. tail];
    }

    public IReadOnlyList<string> RemoveLeftoversOfEndedWorkers() => [.. QemuCgroups.RemoveUnused(paths.Home).Select(cgroup => "the empty cgroup " + cgroup)];

    public void CleanRuntime(VmRecord vm)
    {
        QemuCgroups.Remove(paths.Home, vm.Id);
        var runtime = Runtime(vm);
        if (!Directory.Exists(runtime.Directory))
        {
            return;
        }

        foreach (var file in new[] { runtime.QmpSocket, runtime.EventsSocket, runtime.GuestAgentSocket, runtime.PowerShellDirectSocket, runtime.PidFile, Path.Combine(runtime.Directory, "cpu.sample") })
        {
            File.Delete(file);
        }
    }

    public bool? HypervisorActive(VmRecord vm)
    {
        try
        {
            // `info registers` pauses no vCPU; EFER.SVME (AMD) or CR4.VMXE (Intel) is set on a vCPU while
            // a hypervisor in the guest has virtualization on (KVM sets it when it creates its first VM).
            return WithQmp(vm, qmp => qmp.QueryCpuRegistersAsync()).Any(cpu => cpu.HypervisorActive);
        }
        catch (Exception ex) when (IsUnreachable(ex))
        {
            return null;
        }
    }

    private QemuRuntimePaths Runtime(VmRecord vm) => QemuRuntimePaths.ForVm(paths.RuntimeRoot, vm.Id);

    private T WithQmp<T>(VmRecord vm, Func<QmpClient, Task<T>> action) => Run(async () =>
    {
        await using var qmp = await QmpClient.ConnectAsync(Runtime(vm).QmpSocket, ConnectTimeout).ConfigureAwait(false);
        return await action(qmp).ConfigureAwait(false);
    });

    private void WithQmp(VmRecord vm, Func<QmpClient, Task> action) => WithQmp(vm, async qmp =>
    {
        await action(qmp).ConfigureAwait(false);
        return true;
    });

    private static T Run<T>(Func<Task<T>> action) => Task.Run(action).GetAwaiter().GetResult();

    private static bool IsUnreachable(Exception ex) =>
        ex is IOException or TimeoutException or QmpConnectionClosedException or System.Net.Sockets.SocketException or OperationCanceledException or QmpException;

    private static QemuProcessStats? ReadSample(string path, DateTimeOffset startTime)
    {
        try
        {
            var parts = File.ReadAllText(path).Split(' ');
            var sample = new QemuProcessStats(
                TimeSpan.FromTicks(long.Parse(parts[0], CultureInfo.InvariantCulture)),
                null,
                DateTimeOffset.Parse(parts[1], CultureInfo.InvariantCulture),
                DateTimeOffset.Parse(parts[2], CultureInfo.InvariantCulture));
            return sample.StartTime == startTime ? sample : null;
        }
        catch (Exception ex) when (ex is IOException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private static void WriteSample(string path, QemuProcessStats sample)
    {
        try
        {
            File.WriteAllText(path, string.Create(CultureInfo.InvariantCulture, $"{sample.CpuTime.Ticks} {sample.StartTime:O} {sample.SampledAt:O}"));
        }
        catch (IOException)
        {
            // A missing sample only makes the next CPUUsage an average since start.
        }
    }

    private static HostCapabilities ProbeCapabilities()
    {
        var probe = new AcceleratorProbe().Probe();
        return new HostCapabilities(
            probe.Kind,
            probe.Reason,
            probe.CpuVendor,
            probe.CpuModelName,
            probe.LogicalProcessorCount,
            MemInfo.TotalBytes(),
            QemuVersionProbe.Probe() ?? "not installed")
        {
            Nesting = new HostNestingFacts(
                probe.NestingFlags,
                probe.Kind == AcceleratorKind.KVM,
                probe.NestedParameter,
                probe.NestedParameterPath,
                KernelModules.LoadedOf(KernelModules.ConflictingHypervisors))
            {
                RunsInsideVirtualMachine = probe.RunsInsideVirtualMachine,
            },
        };
    }
}
