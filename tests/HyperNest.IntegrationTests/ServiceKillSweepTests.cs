using System.Diagnostics;
using System.Text.RegularExpressions;
using HyperNest.Api;
using HyperNest.Hosting;
using HyperNest.Model;
using HyperNest.Network.Nftables;
using HyperNest.State;
using Xunit.Abstractions;

namespace HyperNest.IntegrationTests;

/// <summary>
/// kill -9 of hypernestd in the middle of each multi-step change, at points spread over the change's own
/// duration: the next command's service finishes or undoes what the killed one left (its operations
/// journal), so no disk, folder, bridge, tap, NAT table, lock file or QEMU is left over and the store and
/// the kernel agree.
/// </summary>
[Collection(GuestCollection.Name)]
public sealed partial class ServiceKillSweepTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>Kill points per change, at 0, 1/n, … of its uninterrupted duration.</summary>
    private const int PointsPerChange = 6;

    private readonly IsolatedHost _lab = new();
    private readonly string _disks = Directory.CreateTempSubdirectory("hn-sweep-disks-").FullName;
    private readonly HashSet<string> _linksBefore = HyperNestLinks();

    private IVirtualizationHost Host => _lab.Host;

    public void Dispose()
    {
        _lab.Dispose();
        Directory.Delete(_disks, recursive: true);
    }

    [Fact]
    public void ServiceKilledDuringEachChange_NextServiceLeavesNothingHalfDone()
    {
        Host.NewVmSwitch(new NewVmSwitchRequest { Name = "sweep", SwitchType = VmSwitchType.Internal });
        var disk = Path.Combine(_disks, "k.qcow2");
        Sweep("New-VM -NewVHDPath",
            setup: () => { },
            change: () => Host.NewVm(new NewVmRequest { Name = "k", NewVhdPath = disk, NewVhdSizeBytes = 1L << 30, SwitchName = "sweep" }),
            reset: () =>
            {
                RemoveVmIfThere("k");
                File.Delete(disk);
            });
        Sweep("Remove-VM",
            setup: () => EnsureVm("r", new NewVmRequest { Name = "r", Image = "tiny", SwitchName = "sweep" }),
            change: () => Host.RemoveVm("r"),
            reset: () => { });
        Sweep("Start-VM",
            setup: () => EnsureVm("s", new NewVmRequest { Name = "s", Image = "tiny", MemoryStartupBytes = 256L << 20, SwitchName = "sweep" }),
            change: () => Host.StartVm("s"),
            reset: () => Host.StopVm("s", StopMode.TurnOff));
        Sweep("New-VMSwitch",
            setup: () => { },
            change: () => Host.NewVmSwitch(new NewVmSwitchRequest { Name = "sw2", SwitchType = VmSwitchType.Internal }),
            reset: () => RemoveSwitchIfThere("sw2"));
        Sweep("Remove-VMSwitch",
            setup: () =>
            {
                if (!Host.GetVmSwitches().Any(s => s.Name == "sw2"))
                {
                    Host.NewVmSwitch(new NewVmSwitchRequest { Name = "sw2", SwitchType = VmSwitchType.Internal });
                }
            },
            change: () => Host.RemoveVmSwitch("sw2", force: true),
            reset: () => { });
        Sweep("New-NetNat",
            setup: () => { },
            change: () => Host.NewNetNat("n1", "192.168.77.0/24"),
            reset: RemoveNatsIfThere);
        Sweep("Remove-NetNat",
            setup: () =>
            {
                if (Host.GetNetNats().Count == 0)
                {
                    Host.NewNetNat("n1", "192.168.77.0/24");
                }
            },
            change: () => Host.RemoveNetNat("n1"),
            reset: () => { });

        var recoveries = ServiceLogFile.Entries(new ServiceEndpoint(_lab.Paths).LogPath).Count(entry => entry.Field("HYPERNEST_COMPONENT") == "recovery");
        output.WriteLine($"{recoveries} interrupted changes recovered by a later service");
        Assert.True(recoveries >= 3, $"only {recoveries} kills landed inside a change: the sweep tested too little");
    }

    /// <summary>Times one uninterrupted run, then kills the service at points spread over that time, checking after each.</summary>
    private void Sweep(string what, Action setup, Action change, Action reset)
    {
        setup();
        var clock = Stopwatch.StartNew();
        change();
        var duration = clock.Elapsed;
        reset();
        AssertNothingLeftOver($"{what} uninterrupted");
        output.WriteLine($"{what}: {duration.TotalMilliseconds:0} ms uninterrupted");
        for (var point = 0; point < PointsPerChange; point++)
        {
            setup();
            var delay = duration * point / PointsPerChange;
            var pid = new ServiceEndpoint(_lab.Paths).ServicePid() ?? throw new InvalidOperationException("no service runs after setup");
            var call = Task.Run(change);
            Thread.Sleep(delay);
            using (var service = Process.GetProcessById(pid))
            {
                service.Kill();
                service.WaitForExit();
            }

            var outcome = Outcome(call);
            try
            {
                AssertNothingLeftOver($"{what} killed after {delay.TotalMilliseconds:0} ms ({outcome})");
            }
            catch (Xunit.Sdk.XunitException ex)
            {
                var log = File.ReadLines(new ServiceEndpoint(_lab.Paths).LogPath).TakeLast(12);
                throw new Xunit.Sdk.XunitException($"{ex.Message}\nThe service's log ends:\n{string.Join("\n", log)}");
            }

            reset();
        }
    }

    private static string Outcome(Task call)
    {
        try
        {
            call.GetAwaiter().GetResult();
            return "it had finished";
        }
        catch (Exception ex)
        {
            return $"the call failed: {ex.GetType().Name}: {ex.Message}";
        }
    }

    /// <summary>Store, files, kernel and processes agree (the first call starts the next service, which recovers first).</summary>
    private void AssertNothingLeftOver(string when)
    {
        var vms = Host.GetVms();
        var ids = vms.Select(v => v.Id.ToString("D")).ToHashSet();
        var running = vms.Where(v => v.State is VmState.Running or VmState.Paused).ToList();

        using (var store = StateStore.Open(_lab.Paths.StateDatabase))
        {
            Assert.True(store.Transact(tx => tx.ListOperations()).Count == 0, $"{when}: the journal still holds changes after the next service started");
        }

        var folders = Directory.Exists(_lab.Paths.VmRoot) ? Directory.GetDirectories(_lab.Paths.VmRoot).Select(Path.GetFileName) : [];
        Assert.True(folders.All(f => ids.Contains(f!)), $"{when}: VM folders without a VM: {string.Join(", ", folders.Where(f => !ids.Contains(f!)))}");
        var locks = Directory.GetFiles(_lab.Paths.RuntimeRoot, "*.lock").Select(Path.GetFileNameWithoutExtension).Where(n => Guid.TryParse(n, out _)).ToList();
        Assert.True(locks.All(l => ids.Contains(l!)), $"{when}: lock files without a VM: {string.Join(", ", locks.Where(l => !ids.Contains(l!)))}");
        Assert.Equal(vms.Any(v => v.Name == "k"), File.Exists(Path.Combine(_disks, "k.qcow2")));

        var expectedLinks = Host.GetVmSwitches().Select(s => s.BridgeName)
            .Concat(running.SelectMany(v => v.NetworkAdapters).Select(a => a.InterfaceName!))
            .ToHashSet();
        var links = HyperNestLinks().Except(_linksBefore).ToHashSet();
        Assert.True(links.SetEquals(expectedLinks), $"{when}: the kernel has [{string.Join(", ", links)}], the store says [{string.Join(", ", expectedLinks)}]; VMs: {string.Join("; ", vms.Select(v => $"{v.Name} {v.State} {v.Status}"))}");

        var natTable = NatRuleset.TableName(_lab.Home);
        Assert.True(NftTables().Contains(natTable) == Host.GetNetNats().Count > 0, $"{when}: NAT table {natTable} present: {NftTables().Contains(natTable)}, NATs stored: {Host.GetNetNats().Count}");

        var workers = QemuWorkers();
        Assert.True(workers.Count == running.Count, $"{when}: {workers.Count} QEMU workers run, {running.Count} VMs are recorded running");
    }

    private void EnsureVm(string name, NewVmRequest request)
    {
        if (!Host.GetVms().Any(v => v.Name == name))
        {
            Host.NewVm(request);
        }
    }

    private void RemoveVmIfThere(string name)
    {
        if (Host.GetVms().Any(v => v.Name == name))
        {
            Host.RemoveVm(name);
        }
    }

    private void RemoveSwitchIfThere(string name)
    {
        if (Host.GetVmSwitches().Any(s => s.Name == name))
        {
            Host.RemoveVmSwitch(name, force: true);
        }
    }

    private void RemoveNatsIfThere()
    {
        if (Host.GetNetNats().Count > 0)
        {
            Host.RemoveNetNat("");
        }
    }

    /// <summary>HyperNest's bridges (hnbr…) and taps (hntap…) in this namespace.</summary>
    private static HashSet<string> HyperNestLinks() =>
        NetworkDevices.InThisNamespace().Where(name => name.StartsWith("hntap", StringComparison.Ordinal) || name.StartsWith("hnbr", StringComparison.Ordinal)).ToHashSet();

    private static HashSet<string> NftTables()
    {
        using var nft = Process.Start(new ProcessStartInfo("nft", "list tables") { RedirectStandardOutput = true })!;
        var text = nft.StandardOutput.ReadToEnd();
        nft.WaitForExit();
        return TableLine().Matches(text).Select(m => m.Groups[1].Value).ToHashSet();
    }

    private IReadOnlyList<int> QemuWorkers() => ProcessSweeper.ProcessesMentioning("qemu-system", _lab.Home);

    [GeneratedRegex(@"^table \S+ (\S+)$", RegexOptions.Multiline)]
    private static partial Regex TableLine();
}
