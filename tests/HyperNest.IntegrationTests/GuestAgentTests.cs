using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
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
/// tiny image under TCG (exec, file write, emulated svm visible, the NIC and network tools,
/// agent-initiated shutdown).
/// </summary>
[Collection(GuestCollection.Name)]
public sealed class GuestAgentTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly IsolatedHost _lab = new();
    private const string NicMac = "52:54:00:4e:01:01";

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
            // QEMU creates the tap (in the test's own network namespace) and removes it when it exits;
            // nothing is attached to it: the guest only has to see its NIC.
            NetworkAdapters = [new QemuNetworkAdapter("hn-agt-" + id.ToString("N")[..8], NicMac)],
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

            await AssertNetworkToolsAsync(agent);

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

    /// <summary>
    /// What L2 networking and the benchmarks need in the tiny guest: iproute2's "ip -j" (busybox's ip
    /// has no JSON) lists lo and the virtio NIC as eth0 (virtio_net loads in the initramfs; no
    /// address needed), and iperf3 runs.
    /// </summary>
    private async Task AssertNetworkToolsAsync(GuestAgentClient agent)
    {
        var links = await agent.RunAsync("/bin/sh", ["-c", "ip -j link show"], TimeSpan.FromSeconds(30));
        var linksJson = Encoding.UTF8.GetString(links.StandardOutput);
        output.WriteLine($"ip -j link show: {linksJson}");
        Assert.True(links.ExitCode == 0, Encoding.UTF8.GetString(links.StandardError));
        var parsed = JsonNode.Parse(linksJson)!.AsArray()
            .Select(link => (Name: (string?)link!["ifname"], Type: (string?)link["link_type"], Mac: (string?)link["address"]))
            .ToList();
        Assert.Contains(("lo", "loopback", "00:00:00:00:00:00"), parsed);
        Assert.Contains(("eth0", "ether", NicMac), parsed);

        var iperf = await agent.RunAsync("/bin/sh", ["-c", "iperf3 --version"], TimeSpan.FromSeconds(30));
        var iperfVersion = Encoding.UTF8.GetString(iperf.StandardOutput);
        output.WriteLine($"iperf3 --version: {iperfVersion}");
        Assert.True(iperf.ExitCode == 0, Encoding.UTF8.GetString(iperf.StandardError));
        Assert.StartsWith("iperf 3.", iperfVersion, StringComparison.Ordinal);
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
