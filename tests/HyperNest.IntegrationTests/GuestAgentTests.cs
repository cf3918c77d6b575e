using System.Diagnostics;
using System.Text;
using HyperNest.Images;
using HyperNest.Model;
using HyperNest.Qemu;
using HyperNest.Qemu.GuestAgent;
using HyperNest.Qemu.Qmp;
using HyperNest.Storage;
using Xunit.Abstractions;

namespace HyperNest.IntegrationTests;

/// <summary>
/// Below the host API: the QEMU backend's own launcher, QMP and guest-agent clients against the real
/// tiny image under TCG (exec, file write, emulated svm visible, agent-initiated shutdown).
/// </summary>
[Collection(GuestCollection.Name)]
public sealed class GuestAgentTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly IsolatedHost _lab = new();
    private QemuProcess? _process;

    [Fact]
    public async Task Boot_AgentAnswers_ExecWritesFileSeesSvm_ThenShutsDown()
    {
        var image = new CachedImageStore(_lab.Paths).Build("tiny", force: false, progress: null, CancellationToken.None);
        var overlay = Path.Combine(_lab.Home, "overlay.qcow2");
        new QemuImgDiskTool().Create(overlay, 0, image.DiskPath!, preallocate: false);
        var id = Guid.NewGuid();
        var spec = new QemuLaunchSpec
        {
            VmId = id,
            Generation = 1,
            MemoryBytes = 512L * 1024 * 1024,
            ProcessorCount = 1,
            Accelerator = AcceleratorKind.TCG,
            ExposeVirtualizationExtensions = true,
            Disk = new QemuDisk(overlay),
            KernelBoot = new QemuDirectKernelBoot(image.KernelPath!, image.InitrdPath, image.KernelCommandLine),
            Runtime = QemuRuntimePaths.ForVm(_lab.Paths.RuntimeRoot, id),
        };
        var clock = Stopwatch.StartNew();
        try
        {
            _process = await new QemuProcessLauncher().LaunchAsync(spec);
            output.WriteLine($"QEMU daemonized after {clock.Elapsed.TotalSeconds:0.00} s");

            await using var agent = await GuestAgentClient.ConnectAsync(spec.Runtime.GuestAgentSocket, TimeSpan.FromSeconds(10));
            while (!await agent.PingAsync(TimeSpan.FromSeconds(1)))
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(150), "the guest agent did not answer within 150 s");
                Assert.True(QemuProcessInspector.IsAlive(_process), "QEMU ended while booting");
            }

            output.WriteLine($"guest-ping answered after {clock.Elapsed.TotalSeconds:0.0} s");

            var uname = await agent.RunAsync("/bin/sh", ["-c", "echo hi; grep -c -w svm /proc/cpuinfo"], TimeSpan.FromSeconds(30));
            Assert.Equal(0, uname.ExitCode);
            Assert.Equal("hi\n1\n", Encoding.UTF8.GetString(uname.StandardOutput));

            var handle = await agent.FileOpenAsync("/tmp/hn-copied", "wb");
            Assert.Equal(11, await agent.FileWriteAsync(handle, "from host\n\0"u8.ToArray()));
            await agent.FileCloseAsync(handle);
            var cat = await agent.RunAsync("/bin/cat", ["/tmp/hn-copied"], TimeSpan.FromSeconds(30));
            Assert.Equal("from host\n\0", Encoding.UTF8.GetString(cat.StandardOutput));

            var failing = await agent.RunAsync("/bin/sh", ["-c", "echo nope >&2; exit 7"], TimeSpan.FromSeconds(30));
            Assert.Equal(7, failing.ExitCode);
            Assert.Equal("nope\n", Encoding.UTF8.GetString(failing.StandardError));

            await using var qmp = await QmpClient.ConnectAsync(spec.Runtime.QmpSocket, TimeSpan.FromSeconds(10));
            qmp.TakeEvents();
            clock.Restart();
            await agent.ShutdownAsync();
            var shutdown = await qmp.WaitForEventAsync(QmpEventNames.Shutdown, TimeSpan.FromSeconds(90));
            output.WriteLine($"SHUTDOWN {shutdown.Data?.ToJsonString()} {clock.Elapsed.TotalSeconds:0.0} s after guest-shutdown");
            Assert.True(await QemuProcessTerminator.WaitForExitAsync(_process.Pid, id, TimeSpan.FromSeconds(10)));
        }
        finally
        {
            output.WriteLine("---- serial (tail) ----");
            output.WriteLine(string.Join('\n', File.Exists(spec.Runtime.SerialLog) ? File.ReadLines(spec.Runtime.SerialLog).TakeLast(30) : []));
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            await QemuProcessTerminator.TerminateAsync(_process.Pid, _process.VmId, TimeSpan.FromSeconds(2));
        }

        _lab.Dispose();
    }
}
