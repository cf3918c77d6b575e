using HyperNest.Model;
using HyperNest.Qemu;
using HyperNest.Qemu.GuestAgent;
using HyperNest.Qemu.Qmp;

namespace HyperNest.Core.Tests.Qemu;

/// <summary>Starts the real qemu-system-x86_64 (TCG, no disk, no OS) with our argv and controls it over QMP.</summary>
[Collection(QemuGuestsCollection.Name)]
public sealed class QemuProcessIntegrationTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly TestTempDirectory _dir = new();
    private readonly List<QemuProcess> _started = [];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Launch_NoDisk_RunsPausesResumesAndQuits(int generation)
    {
        var spec = Spec(generation);

        var process = await new QemuProcessLauncher().LaunchAsync(spec, Timeout);
        _started.Add(process);

        Assert.True(QemuProcessInspector.IsAlive(process));
        await using (var qmp = await QmpClient.ConnectAsync(spec.Runtime.QmpSocket, Timeout))
        {
            Assert.Equal(new QmpStatus("running", true), await qmp.QueryStatusAsync());
            Assert.True((await qmp.QueryVersionAsync()).Major >= 7);

            qmp.TakeEvents();
            await qmp.StopAsync();
            await qmp.WaitForEventAsync(QmpEventNames.Stop, Timeout);
            Assert.Equal(new QmpStatus("paused", false), await qmp.QueryStatusAsync());

            await qmp.ContAsync();
            await qmp.WaitForEventAsync(QmpEventNames.Resume, Timeout);
            Assert.True((await qmp.QueryStatusAsync()).Running);

            Assert.Contains("EFER=", await qmp.HumanMonitorCommandAsync("info registers"), StringComparison.Ordinal);
            var cpu = Assert.Single(await qmp.QueryCpuRegistersAsync());
            Assert.False(cpu.HypervisorActive);

            var stats = QemuProcessInspector.ReadStats(process.Pid)!;
            Assert.True(stats.CpuTime > TimeSpan.Zero);
            Assert.True(stats.ResidentBytes > 0);

            await qmp.QuitAsync();
        }

        Assert.True(await QemuProcessTerminator.WaitForExitAsync(process.Pid, process.VmId, Timeout));
        Assert.False(QemuProcessInspector.IsAlive(process));
    }

    [Fact]
    public async Task SaveState_ThenLaunchWithIncomingState_ResumesRunning()
    {
        var spec = Spec(1);
        var stateFile = _dir.File("saved.state");
        var first = await new QemuProcessLauncher().LaunchAsync(spec, Timeout);
        _started.Add(first);
        await using (var qmp = await QmpClient.ConnectAsync(spec.Runtime.QmpSocket, Timeout))
        {
            QmpMigrationInfo saved;
            using (var file = File.Create(stateFile))
            {
                saved = await qmp.SaveStateAsync(file.SafeFileHandle, Timeout);
            }

            Assert.True(saved.IsCompleted);
            Assert.Equal("postmigrate", (await qmp.QueryStatusAsync()).Status);
            await qmp.QuitAsync();
        }

        Assert.True(await QemuProcessTerminator.WaitForExitAsync(first.Pid, first.VmId, Timeout));
        Assert.True(new FileInfo(stateFile).Length > 0);

        var restoredSpec = spec with { IncomingStateFile = stateFile };
        var second = await new QemuProcessLauncher().LaunchAsync(restoredSpec, Timeout);
        _started.Add(second);
        await using (var qmp = await QmpClient.ConnectAsync(spec.Runtime.QmpSocket, Timeout))
        {
            await qmp.WaitForMigrationAsync(new CancellationTokenSource(Timeout).Token);

            // The state was saved while running, so QEMU resumes it by itself once loaded.
            Assert.Equal(new QmpStatus("running", true), await qmp.QueryStatusAsync());
        }
    }

    [Fact]
    public async Task Launch_GuestAgentSocket_ConnectsButNoAgentAnswers()
    {
        var spec = Spec(1);
        var process = await new QemuProcessLauncher().LaunchAsync(spec, Timeout);
        _started.Add(process);

        await using var agent = await GuestAgentClient.ConnectAsync(spec.Runtime.GuestAgentSocket, Timeout);

        Assert.False(await agent.PingAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task Launch_MissingDisk_SurfacesQemusOwnError()
    {
        var spec = Spec(1) with { Disk = new QemuDisk(_dir.File("no such, disk.qcow2")) };

        var error = await Assert.ThrowsAsync<QemuLaunchException>(() => new QemuProcessLauncher().LaunchAsync(spec, Timeout));

        Assert.Contains("no such, disk.qcow2", error.QemuError, StringComparison.Ordinal);
        Assert.Equal(1, error.ExitCode);
        Assert.Null(QemuProcessInspector.ReadPidFile(spec.Runtime.PidFile) is { } pid && QemuProcessInspector.IsAlive(pid, spec.VmId) ? pid : null);
    }

    [Fact]
    public async Task Launch_SameVmTwice_SecondIsRefused()
    {
        var spec = Spec(1);
        var process = await new QemuProcessLauncher().LaunchAsync(spec, Timeout);
        _started.Add(process);

        var error = await Assert.ThrowsAsync<QemuLaunchException>(() => new QemuProcessLauncher().LaunchAsync(spec, Timeout));

        Assert.Contains("already running", error.Message, StringComparison.Ordinal);
        Assert.True(QemuProcessInspector.IsAlive(process));
    }

    [Fact]
    public async Task Terminate_RunningQemu_IsGone()
    {
        var spec = Spec(1);
        var process = await new QemuProcessLauncher().LaunchAsync(spec, Timeout);
        _started.Add(process);

        Assert.True(await QemuProcessTerminator.TerminateAsync(process.Pid, process.VmId, TimeSpan.FromSeconds(5)));
        Assert.False(QemuProcessInspector.IsAlive(process.Pid, process.VmId));
        Assert.StartsWith($"terminating on signal 15 from pid {Environment.ProcessId}", QemuLogFile.LastMessage(spec.Runtime.QemuLog), StringComparison.Ordinal);

        // QEMU is this process's child: once ended it must be reaped, not left a zombie.
        Assert.True(SpinWait.SpinUntil(() => !Directory.Exists($"/proc/{process.Pid}"), TimeSpan.FromSeconds(5)), $"QEMU (pid {process.Pid}) was not reaped");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // xunit 2 calls IAsyncLifetime.DisposeAsync on test classes, but not IAsyncDisposable.
    public async Task DisposeAsync()
    {
        foreach (var process in _started)
        {
            await QemuProcessTerminator.TerminateAsync(process.Pid, process.VmId, TimeSpan.FromSeconds(2));
        }

        _dir.Dispose();
    }

    private QemuLaunchSpec Spec(int generation)
    {
        var id = Guid.NewGuid();
        string? vars = null;
        if (generation == 2)
        {
            vars = _dir.File("OVMF_VARS.fd");
            QemuFirmware.CreateVarsFile(vars);
        }

        return new QemuLaunchSpec
        {
            VmId = id,
            Generation = generation,
            MemoryBytes = 64L * 1024 * 1024,
            ProcessorCount = 1,
            Accelerator = AcceleratorKind.TCG,
            ExposeVirtualizationExtensions = true,
            OvmfVarsPath = vars,
            Runtime = QemuRuntimePaths.ForVm(_dir.Path, id),
        };
    }
}
