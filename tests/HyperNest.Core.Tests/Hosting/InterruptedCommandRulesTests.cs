using HyperNest.Hosting;
using HyperNest.Model;

namespace HyperNest.Core.Tests.Hosting;

/// <summary>A command killed half-way, or two racing on one VM, lose nothing: no worker is ignored, no disk deleted under one.</summary>
public sealed class InterruptedCommandRulesTests : IDisposable
{
    private readonly HostFixture _fixture = new();

    private VirtualizationHost Host => _fixture.Host;

    public void Dispose() => _fixture.Dispose();

    private VirtualMachine NewVm() => Host.NewVm(new NewVmRequest { Name = "web1", NoVhd = true });

    private FileStream HoldVmLock(Guid vmId)
    {
        // Another HyperNest process at work on the VM: its flock on the VM's lock file.
        Directory.CreateDirectory(_fixture.Paths.RuntimeRoot);
        return new FileStream(Path.Combine(_fixture.Paths.RuntimeRoot, $"{vmId:D}.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
    }

    [Fact]
    public void StartVmKilledAfterLaunchingTheWorker_TheWorkerIsAdopted_RemoveRefuses_StopStopsIt()
    {
        var vm = NewVm();
        var pid = _fixture.Backend.LaunchOrphan(vm.Id);

        var seen = Host.GetVm("web1");

        Assert.Equal(VmState.Running, seen.State);
        Assert.Contains($"pid {pid}", seen.Status);
        Assert.Contains("adopted", seen.Status);
        var refused = Assert.Throws<HostException>(() => Host.RemoveVm("web1"));
        Assert.Contains("Stop it first", refused.Message);
        Assert.Equal(VmState.Off, Host.StopVm("web1", StopMode.TurnOff).State);
        Assert.False(_fixture.Backend.IsAlive(new HyperNest.State.VmRecord { Id = vm.Id, Name = "web1", Version = VmConfigurationVersion.Default, Pid = pid, CreatedAt = DateTimeOffset.UtcNow }));
    }

    [Fact]
    public void AListingOfAllVms_AdoptsAnOrphanWorker_AndLeavesTheOtherVmsOff()
    {
        var vm = NewVm();
        _fixture.Backend.LaunchOrphan(vm.Id);
        var bystander = Host.NewVm(new NewVmRequest { Name = "db1", NoVhd = true });

        var listed = Host.GetVms();

        var adopted = Assert.Single(listed, v => v.Id == vm.Id);
        Assert.Equal(VmState.Running, adopted.State);
        Assert.Contains("adopted", adopted.Status);
        Assert.Equal(VmState.Off, Assert.Single(listed, v => v.Id == bystander.Id).State);
    }

    [Fact]
    public void WorkerWhoseStartVmStillHoldsTheLock_IsLeftToThatStartVm()
    {
        var vm = NewVm();
        _fixture.Backend.LaunchOrphan(vm.Id);

        using (HoldVmLock(vm.Id))
        {
            Assert.Equal(VmState.Off, Host.GetVm("web1").State);
        }

        Assert.Equal(VmState.Running, Host.GetVm("web1").State);
    }

    [Fact]
    public async Task RemoveVm_WaitsWhileAnotherProcessWorksOnTheVm_ThenRemovesItAndItsLockFile()
    {
        var vm = NewVm();
        var lockFile = Path.Combine(_fixture.Paths.RuntimeRoot, $"{vm.Id:D}.lock");
        Task removal;
        using (HoldVmLock(vm.Id))
        {
            removal = Task.Run(() => Host.RemoveVm("web1"));
            await Task.Delay(500);
            Assert.False(removal.IsCompleted, "Remove-VM must wait for the VM's lock");
            Assert.Single(Host.GetVms(), v => v.Name == "web1");
        }

        await removal;
        Assert.DoesNotContain(Host.GetVms(), v => v.Name == "web1");
        Assert.False(File.Exists(lockFile));
    }

    [Fact]
    public void TapsLeftByAStartVmKilledBeforeQemu_GoWithRemoveVm()
    {
        using var network = new Network.NetworkHostFixture();
        var lab = network.Internal("Lab");
        network.Vm("web2", "Lab");
        var tap = NetAdapterCatalog.TapName(network.Adapter("web2").AdapterId);
        network.Network.CreateTap(tap, lab.BridgeName);

        network.Host.RemoveVm("web2");

        Assert.Null(network.Network.Link(tap));
        Assert.NotNull(network.Network.Link(lab.BridgeName));
    }
}
