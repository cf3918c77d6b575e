using System.Net;
using HyperNest.Hosting;
using HyperNest.Model;
using HyperNest.Network.Nftables;

namespace HyperNest.Core.Tests.Hosting;

/// <summary>
/// The operations journal: a change killed at any of its steps (<see cref="KilledChange"/>) is rolled
/// forward or back by the next process's recovery, with no disk, folder, bridge, tap, NAT rule or lock file
/// left over and the store and the kernel agreeing.
/// </summary>
public sealed class KilledOperationRecoveryTests
{
    private static IReadOnlyList<string> Bridges(HostFixture f) => f.Network.Links.Where(l => l.Kind == "bridge").Select(l => l.Name).ToList();

    private static IReadOnlyList<string> Taps(HostFixture f) => f.Network.Links.Where(l => l.Kind == "tun").Select(l => l.Name).ToList();

    private static string? NatTable(HostFixture f) => f.Network.Tables.GetValueOrDefault($"inet {NatRuleset.TableName(f.Paths.Home)}");

    private static void Internal(HostFixture f, string name) => f.Host.NewVmSwitch(new NewVmSwitchRequest { Name = name, SwitchType = VmSwitchType.Internal });

    /// <summary>eth0 as a machine has it before HyperNest: an address and the default route.</summary>
    private static void Nic(HostFixture f)
    {
        f.Network.AddNic("eth0");
        f.Network.PreconfigureAddress("eth0", "10.0.0.2", 24);
        f.Network.Routes.Add(new RouteInfo("eth0", IPAddress.Parse("10.0.0.1"), 0));
    }

    private static void AssertNicAsBefore(HostFixture f)
    {
        Assert.Null(f.Network.Link("eth0")!.Master);
        Assert.Equal("10.0.0.2", Assert.Single(f.Network.Addresses, a => a.LinkName == "eth0").Address.ToString());
        Assert.Equal("eth0", Assert.Single(f.Network.Routes).LinkName);
    }

    [Fact]
    public void NewVm_FromAnImage_KilledAtAnyStep_LeavesNoOverlayFolder()
    {
        var points = KilledChange.AtEveryStep(
            f => f.Images.Build("tiny", force: false, null, CancellationToken.None),
            host => host.NewVm(new NewVmRequest { Name = "web", Image = "tiny" }),
            (f, _) =>
            {
                Assert.Empty(f.Host.GetVms());
                Assert.Empty(Directory.Exists(f.Paths.VmRoot) ? Directory.GetFileSystemEntries(f.Paths.VmRoot) : []);
            });
        Assert.Equal(2, points);
    }

    [Fact]
    public void NewVm_WithANewDiskInItsOwnFolder_KilledAtAnyStep_LeavesNeitherDiskNorFolder()
    {
        var parent = Directory.CreateTempSubdirectory("hn-killed-").FullName;
        try
        {
            var disk = Path.Combine(parent, "disks", "web.vhdx");
            Directory.CreateDirectory(Path.Combine(parent, "vms"));
            KilledChange.AtEveryStep(
                _ => { },
                host => host.NewVm(new NewVmRequest { Name = "web", NewVhdPath = disk, NewVhdSizeBytes = 1L << 30, Path = Path.Combine(parent, "vms") }),
                (f, recovered) =>
                {
                    Assert.Empty(f.Host.GetVms());
                    Assert.False(File.Exists(disk), recovered);
                    Assert.False(Directory.Exists(Path.Combine(parent, "vms", "web")), recovered);
                });
        }
        finally
        {
            Directory.Delete(parent, recursive: true);
        }
    }

    [Fact]
    public void RemoveVm_KilledAtAnyStep_FinishesOrKeepsTheWholeVm()
    {
        KilledChange.AtEveryStep(
            f =>
            {
                f.Images.Build("tiny", force: false, null, CancellationToken.None);
                f.Host.NewVm(new NewVmRequest { Name = "web", Image = "tiny" });
            },
            host => host.RemoveVm("web"),
            (f, recovered) =>
            {
                var left = Directory.Exists(f.Paths.VmRoot) ? Directory.GetFileSystemEntries(f.Paths.VmRoot) : [];
                var lockFiles = Directory.Exists(f.Paths.RuntimeRoot) ? Directory.GetFiles(f.Paths.RuntimeRoot, "*-*.lock") : [];
                if (f.Host.GetVms().Count == 0)
                {
                    Assert.Empty(left);
                    Assert.Empty(lockFiles);
                }
                else
                {
                    Assert.True(File.Exists(Assert.Single(f.Host.GetVms()).HardDrivePath), recovered);
                }
            });
    }

    [Fact]
    public void StartVm_KilledAtAnyStep_IsRunningWithItsTapOrOffWithNone()
    {
        var points = KilledChange.AtEveryStep(
            f =>
            {
                Internal(f, "Lab");
                f.Host.NewVm(new NewVmRequest { Name = "web", NoVhd = true, SwitchName = "Lab" });
            },
            host => host.StartVm("web"),
            (f, recovered) =>
            {
                var vm = f.Host.GetVm("web");
                if (vm.State == VmState.Running)
                {
                    Assert.Contains("adopted", vm.Status);
                    Assert.Equal([NetAdapterCatalog.TapName(vm.NetworkAdapters[0].AdapterId)], Taps(f));
                }
                else
                {
                    Assert.Equal(VmState.Off, vm.State);
                    Assert.Empty(Taps(f));
                }
            });
        Assert.True(points >= 3, $"Start-VM should have several kill points, had {points}");
    }

    [Fact]
    public void NewVmSwitch_External_KilledAtAnyStep_IsUndone_TheNicKeepsItsAddressAndRoute()
    {
        KilledChange.AtEveryStep(
            Nic,
            host => host.NewVmSwitch(new NewVmSwitchRequest { Name = "Ext", NetAdapterName = "Ethernet" }),
            (f, _) =>
            {
                Assert.Empty(f.Host.GetVmSwitches());
                Assert.Empty(Bridges(f));
                AssertNicAsBefore(f);
            });
    }

    [Fact]
    public void RemoveVmSwitch_External_KilledAtAnyStep_IsFinished_TheNicGetsItsAddressAndRouteBack()
    {
        KilledChange.AtEveryStep(
            f =>
            {
                Nic(f);
                f.Host.NewVmSwitch(new NewVmSwitchRequest { Name = "Ext", NetAdapterName = "Ethernet" });
            },
            host => host.RemoveVmSwitch("Ext", force: true),
            (f, _) =>
            {
                Assert.Empty(f.Host.GetVmSwitches());
                Assert.Empty(Bridges(f));
                AssertNicAsBefore(f);
            });
    }

    [Fact]
    public void NewNetNat_KilledAtAnyStep_TheNatTableHoldsWhatIsStored_ForwardingAsBefore()
    {
        KilledChange.AtEveryStep(
            f => Internal(f, "VmNAT"),
            host => host.NewNetNat("LocalNAT", "192.168.100.0/24"),
            (f, _) =>
            {
                Assert.Empty(f.Host.GetNetNats());
                Assert.Null(NatTable(f));
                Assert.False(f.Network.Ipv4Forwarding);
            });
    }

    [Fact]
    public void RemoveNetNat_KilledAtAnyStep_TheNatTableHoldsWhatIsStored()
    {
        KilledChange.AtEveryStep(
            f =>
            {
                Internal(f, "VmNAT");
                f.Host.NewNetNat("LocalNAT", "192.168.100.0/24");
                f.Host.NewNetNat("Other", "192.168.200.0/24");
            },
            host => host.RemoveNetNat("LocalNAT"),
            (f, _) =>
            {
                var stored = f.Host.GetNetNats().Select(n => n.Name).ToList();
                var table = NatTable(f);
                Assert.NotNull(table);
                Assert.Contains("192.168.200.0/24", table);
                Assert.Equal(stored.Contains("LocalNAT"), table.Contains("192.168.100.0/24", StringComparison.Ordinal));
                Assert.True(f.Network.Ipv4Forwarding);
            });
    }

    [Fact]
    public void AChangeWhoseProcessStillRuns_IsLeftToIt()
    {
        using var f = new HostFixture();
        Internal(f, "Lab");
        var kill = new KillPoint(1);
        f.Network.Changing = kill.Step;
        IReadOnlyList<string>? recovered = null;
        try
        {
            // This process's own change, stopped half-way: it is alive, so nothing recovers it.
            f.Host.NewVmSwitch(new NewVmSwitchRequest { Name = "Second", SwitchType = VmSwitchType.Private });
        }
        catch (KillPoint.Killed) when (Look(out recovered))
        {
        }

        Assert.Empty(recovered!);
        Assert.Empty(f.Journal());

        bool Look(out IReadOnlyList<string> seen)
        {
            f.Network.Changing = null;
            using var next = f.CreateHost();
            seen = next.RecoverInterruptedOperations();
            Assert.Single(f.Journal());
            return true;
        }
    }
}
