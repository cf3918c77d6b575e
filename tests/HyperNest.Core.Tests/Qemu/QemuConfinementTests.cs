using System.Diagnostics;
using System.Text.Json.Nodes;
using HyperNest.Model;
using HyperNest.Qemu;
using HyperNest.Qemu.Qmp;

namespace HyperNest.Core.Tests.Qemu;

/// <summary>
/// The real QEMU, confined as every VM's is: it runs as the unprivileged user with no capabilities under a
/// seccomp filter, cannot open the host's root-only files itself, and still gets a hot-plugged disk with its
/// backing chain and a saved state, through descriptors the host opened. Needs root and the hypernest-qemu
/// user (scripts/setup.sh creates it).
/// </summary>
[Collection(QemuGuestsCollection.Name)]
public sealed class QemuConfinementTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    // A root-only folder, as the home is: the unprivileged user cannot even look inside.
    private readonly TestTempDirectory _dir = new();
    private readonly List<QemuProcess> _started = [];

    [Fact]
    public async Task RunningQemu_IsTheQemuUser_WithoutCapabilities_UnderSeccomp_FromItsAbsolutePath()
    {
        Assert.True(QemuConfinement.UserExists(), QemuConfinement.MissingUserMessage);
        var process = await LaunchAsync();

        var status = ReadStatus(process.Pid);
        var uid = UserId(QemuConfinement.UserName);
        Assert.Equal($"{uid}\t{uid}\t{uid}\t{uid}", status["Uid"]);
        Assert.NotEqual("0", status["Gid"].Split('\t')[0]);
        Assert.Equal("0000000000000000", status["CapEff"]);
        Assert.Equal("0000000000000000", status["CapPrm"]);
        Assert.Equal("1", status["NoNewPrivs"]);
        Assert.Equal("2", status["Seccomp"]); // SECCOMP_MODE_FILTER
        Assert.Equal(QemuConfinement.Binary, new FileInfo($"/proc/{process.Pid}/exe").LinkTarget);

        // The leader of a session of its own: no signal meant for the service's process group or terminal reaches it.
        var stat = File.ReadAllText($"/proc/{process.Pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        Assert.Equal(process.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture), fields[3]); // session id
        Assert.NotEqual(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), fields[2]); // process group
    }

    [Fact]
    public async Task HotPluggedOverlay_ReachesQemuAsDescriptors_WhereItsOwnOpenIsRefused()
    {
        var baseImage = _dir.File("base, with a comma.qcow2");
        var overlay = _dir.File("overlay.qcow2");
        QemuImg("create", "-q", "-f", "qcow2", baseImage, "16M");
        QemuImg("create", "-q", "-f", "qcow2", "-F", "qcow2", "-b", baseImage, overlay);
        var disk = new QemuDisk(overlay);
        var process = await LaunchAsync();
        await using var qmp = await QmpClient.ConnectAsync(Spec(process.VmId).Runtime.QmpSocket, Timeout);

        // Control: QEMU opening the overlay itself, as it did while it ran as root, is now refused.
        var refused = await Assert.ThrowsAsync<QmpException>(() => qmp.BlockdevAddAsync(QemuDriveDevices.Blockdev(disk, "by-path")));
        Assert.Contains("Permission denied", refused.Description, StringComparison.Ordinal);

        using (var files = QemuDiskFiles.Open(disk))
        {
            Assert.Equal([overlay, baseImage], files.Layers.Select(l => l.Path));
            var layers = new List<(QemuDiskFormat, int)>();
            foreach (var layer in files.Layers)
            {
                layers.Add((layer.Format, await qmp.AddFdAsync(layer.Handle, "hn-node:hot")));
            }

            await qmp.BlockdevAddAsync(QemuDriveDevices.BlockdevOnDescriptors(disk, "hot", layers));
        }

        var nodes = (JsonArray)(await qmp.ExecuteAsync("query-named-block-nodes"))!;
        var top = nodes.Single(n => n!["node-name"]!.GetValue<string>() == "hot")!;
        Assert.False(top["ro"]!.GetValue<bool>());
        Assert.Equal(1, top["backing_file_depth"]!.GetValue<int>());
        // QEMU names the graph by what it opened: the fd sets, never the host's paths.
        var opened = top["file"]!.GetValue<string>();
        Assert.Contains("/dev/fdset/", opened, StringComparison.Ordinal);
        Assert.DoesNotContain(_dir.Path, opened, StringComparison.Ordinal);
        Assert.Equal(2, await FdSetCountAsync(qmp));

        await qmp.BlockdevDelAsync("hot");
        await qmp.RemoveFdSetsAsync("hn-node:hot");

        Assert.Equal(0, await FdSetCountAsync(qmp));
        nodes = (JsonArray)(await qmp.ExecuteAsync("query-named-block-nodes"))!;
        Assert.DoesNotContain(nodes, n => n!["node-name"]!.GetValue<string>().StartsWith("hot", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Qemu_RunsInTheVmsOwnCgroups_WhichCountItsMemory_AndGoWithIt()
    {
        var id = Guid.NewGuid();
        var cgroups = QemuCgroups.Create(_dir.Path, id);
        Assert.Equal(QemuCgroups.Controllers.Count, cgroups.Count); // this machine has cgroup v1 memory and cpuacct
        var process = await new QemuProcessLauncher().LaunchAsync(Spec(id) with { CgroupDirectories = cgroups }, Timeout);
        _started.Add(process);

        foreach (var directory in cgroups)
        {
            Assert.Contains(process.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture), File.ReadAllLines(Path.Combine(directory, "cgroup.procs")));
            Assert.EndsWith($"/hypernest-{HyperNest.Hosting.HostPaths.HomeTag(_dir.Path)}/vm-{id:D}", directory, StringComparison.Ordinal);
        }

        var usage = QemuCgroups.ReadUsage(process.Pid, id);
        Assert.NotNull(usage);
        Assert.True(usage.Value.ResidentBytes > 16L << 20, $"the cgroup counts {usage.Value.ResidentBytes} bytes for a 64 MiB guest");
        Assert.True(usage.Value.CpuTime > TimeSpan.Zero);
        Assert.Null(QemuCgroups.ReadUsage(Environment.ProcessId, id)); // not in a VM cgroup

        await QemuProcessTerminator.TerminateAsync(process.Pid, process.VmId, TimeSpan.FromSeconds(5));
        SpinWait.SpinUntil(() => !Directory.Exists($"/proc/{process.Pid}"), TimeSpan.FromSeconds(5));
        QemuCgroups.Remove(_dir.Path, id);
        Assert.All(cgroups, directory => Assert.False(Directory.Exists(directory), $"{directory} is left"));
        Assert.All(cgroups, directory => Assert.False(Directory.Exists(Path.GetDirectoryName(directory)), "the home's cgroup is left without VMs"));
    }

    [Fact]
    public async Task ACgroupQemuCannotEnter_FailsTheStart_WithTheReasonInTheError()
    {
        var id = Guid.NewGuid();
        var missing = _dir.File("no-such-cgroup");

        var error = await Assert.ThrowsAsync<QemuLaunchException>(() => new QemuProcessLauncher().LaunchAsync(Spec(id) with { CgroupDirectories = [missing] }, Timeout));

        Assert.Equal(125, error.ExitCode);
        Assert.Contains(missing + "/cgroup.procs", error.QemuError, StringComparison.Ordinal);
        Assert.Empty(ProcessesNaming(id));
    }

    [Fact]
    public async Task RemoveUnused_TakesTheEmptyCgroupsOfEndedWorkers_NotARunningOnes()
    {
        var running = Guid.NewGuid();
        var ended = Guid.NewGuid();
        var process = await new QemuProcessLauncher().LaunchAsync(Spec(running) with { CgroupDirectories = QemuCgroups.Create(_dir.Path, running) }, Timeout);
        _started.Add(process);
        var left = QemuCgroups.Create(_dir.Path, ended); // as a worker killed with the service leaves them

        var removed = QemuCgroups.RemoveUnused(_dir.Path);

        Assert.Equal(left.Order(), removed.Order());
        Assert.All(left, directory => Assert.False(Directory.Exists(directory)));
        Assert.NotNull(QemuCgroups.ReadUsage(process.Pid, running));
        await QemuProcessTerminator.TerminateAsync(process.Pid, process.VmId, TimeSpan.FromSeconds(5));
        QemuCgroups.Remove(_dir.Path, running);
    }

    [Fact]
    public void DiskFiles_ChainDeeperThanTheLimit_IsRefused()
    {
        var path = _dir.File("layer0.qcow2");
        QemuImg("create", "-q", "-f", "qcow2", path, "1M");
        for (var i = 1; i <= QemuDiskFiles.MaxBackingDepth + 1; i++)
        {
            var next = _dir.File($"layer{i}.qcow2");
            QemuImg("create", "-q", "-f", "qcow2", "-F", "qcow2", "-b", path, next);
            path = next;
        }

        var error = Assert.Throws<IOException>(() => QemuDiskFiles.Open(new QemuDisk(path)));
        Assert.Contains("deeper than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DiskFiles_MissingBackingFile_SaysWhichFile()
    {
        var baseImage = _dir.File("gone.qcow2");
        var overlay = _dir.File("orphan.qcow2");
        QemuImg("create", "-q", "-f", "qcow2", baseImage, "1M");
        QemuImg("create", "-q", "-f", "qcow2", "-F", "qcow2", "-b", baseImage, overlay);
        File.Delete(baseImage);

        // Qcow2BackingFile treats a vanished overlay as no overlay, but the backing file it names must open.
        var error = Assert.Throws<IOException>(() => QemuDiskFiles.Open(new QemuDisk(overlay)));
        Assert.Contains(baseImage, error.Message, StringComparison.Ordinal);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var process in _started)
        {
            await QemuProcessTerminator.TerminateAsync(process.Pid, process.VmId, TimeSpan.FromSeconds(2));
        }

        _dir.Dispose();
    }

    private async Task<QemuProcess> LaunchAsync()
    {
        var process = await new QemuProcessLauncher().LaunchAsync(Spec(Guid.NewGuid()), Timeout);
        _started.Add(process);
        return process;
    }

    private QemuLaunchSpec Spec(Guid id) => new()
    {
        VmId = id,
        Generation = 1,
        MemoryBytes = 64L * 1024 * 1024,
        ProcessorCount = 1,
        Accelerator = AcceleratorKind.TCG,
        Runtime = QemuRuntimePaths.ForVm(_dir.Path, id),
    };

    private static IEnumerable<string> ProcessesNaming(Guid id) =>
        Directory.EnumerateDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _))
            .Where(d => { try { return File.ReadAllText(Path.Combine(d, "cmdline")).Contains(id.ToString("D"), StringComparison.Ordinal); } catch (IOException) { return false; } });

    private static async Task<int> FdSetCountAsync(QmpClient qmp) => ((JsonArray)(await qmp.ExecuteAsync("query-fdsets"))!).Count;

    private static Dictionary<string, string> ReadStatus(int pid) =>
        File.ReadAllLines($"/proc/{pid}/status")
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1].Trim());

    private static string UserId(string name) =>
        File.ReadLines("/etc/passwd").Select(line => line.Split(':')).Single(fields => fields[0] == name)[2];

    private static void QemuImg(params string[] arguments)
    {
        using var process = Process.Start("qemu-img", arguments);
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
