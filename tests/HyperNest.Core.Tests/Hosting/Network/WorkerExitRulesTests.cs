using HyperNest.Hosting;
using HyperNest.Model;

namespace HyperNest.Core.Tests.Hosting.Network;

/// <summary>What the service's supervisor records when a worker ends on its own: Off, ports gone, a Status that says how.</summary>
public sealed class WorkerExitRulesTests : IDisposable
{
    private readonly NetworkHostFixture _f = new();

    private VirtualizationHost Host => _f.Host;

    public void Dispose() => _f.Dispose();

    [Theory]
    [InlineData(WorkerExitKind.GuestShutdown, "guest operating system shut the virtual machine down")]
    [InlineData(WorkerExitKind.GuestPanic, "kernel panic")]
    [InlineData(WorkerExitKind.HostSignal, "ended by a signal from outside HyperNest")]
    [InlineData(WorkerExitKind.Unexpected, "ended unexpectedly")]
    public void AWorkerThatEnded_IsOffWithItsPortsGone_AndTheStatusSaysHow(WorkerExitKind kind, string status)
    {
        _f.Internal("VmNAT");
        var vm = _f.Vm("L1", "VmNAT");
        Host.StartVm("L1");
        _f.Backend.KillFromOutside(vm.Id);

        var seen = Host.ObserveWorkerExit(vm.Id, new WorkerExit(kind));

        Assert.Equal(VmState.Off, seen!.State);
        Assert.Contains(status, seen.Status, StringComparison.Ordinal);
        Assert.DoesNotContain(_f.Network.Links, l => l.Kind == "tun");
        Assert.Contains(status, Host.GetVm("L1").Status, StringComparison.Ordinal);
    }

    [Fact]
    public void AWorkerHyperNestStoppedItself_KeepsTheStopsOwnRecord()
    {
        var vm = _f.Vm("L1", null);
        Host.StartVm("L1");
        var stopped = Host.StopVm("L1", StopMode.Save);

        var seen = Host.ObserveWorkerExit(vm.Id, new WorkerExit(WorkerExitKind.HostQuit, "host-qmp-quit"));

        Assert.Equal(VmState.Saved, seen!.State);
        Assert.Equal(stopped.Status, seen.Status);
    }

    [Fact]
    public void AChannelThatClosedWhileTheWorkerLives_ChangesNothing()
    {
        var vm = _f.Vm("L1", null);
        Host.StartVm("L1");

        var seen = Host.ObserveWorkerExit(vm.Id, new WorkerExit(WorkerExitKind.Unexpected));

        Assert.Equal(VmState.Running, seen!.State);
    }

    [Fact]
    public void ARemovedVm_IsNothingToRecord()
    {
        var vm = _f.Vm("L1", null);
        Host.RemoveVm("L1");

        Assert.Null(Host.ObserveWorkerExit(vm.Id, new WorkerExit(WorkerExitKind.GuestShutdown)));
    }
}
