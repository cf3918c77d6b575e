using HyperNest.Hosting;
using HyperNest.Model;

namespace HyperNest.Core.Tests.Hosting;

/// <summary>Hyper-V's automatic stop actions, carried out at the machine's shutdown, and what the next host start makes of them.</summary>
public sealed class AutomaticStopRulesTests : IDisposable
{
    private readonly HostFixture _fixture = new();

    private VirtualizationHost Host => _fixture.Host;

    public void Dispose() => _fixture.Dispose();

    private Guid Vm(string name, StopAction stop, bool running = true, StartAction start = StartAction.StartIfRunning)
    {
        Host.NewVm(new NewVmRequest { Name = name, NoVhd = true });
        Host.SetVm(name, new SetVmRequest { AutomaticStopAction = stop, AutomaticStartAction = start });
        if (running)
        {
            Host.StartVm(name);
        }

        return Host.GetVm(name).Id;
    }

    [Fact]
    public void HostShutdown_SavesTurnsOffAndShutsDown_EachAsItsActionSays_AndLeavesOffVmsAlone()
    {
        Vm("saved", StopAction.Save);
        var turnedOff = Vm("turned-off", StopAction.TurnOff);
        var shutDown = Vm("shut-down", StopAction.ShutDown);
        Vm("paused", StopAction.ShutDown);
        Host.SuspendVm("paused");
        Vm("off", StopAction.TurnOff, running: false);

        var results = Host.ApplyAutomaticStopActions();

        Assert.Equal(
            [("saved", StopAction.Save, VmState.Saved), ("turned-off", StopAction.TurnOff, VmState.Off), ("shut-down", StopAction.ShutDown, VmState.Off), ("paused", StopAction.ShutDown, VmState.Off)],
            results.Select(r => (r.VMName, r.Action, r.State)).OrderBy(r => r.VMName == "saved" ? 0 : r.VMName == "turned-off" ? 1 : r.VMName == "shut-down" ? 2 : 3));
        Assert.All(results, r => Assert.Null(r.Error));
        Assert.Equal(VmState.Saved, Host.GetVm("saved").State);
        Assert.Contains(turnedOff, _fixture.Backend.Kills);
        Assert.DoesNotContain(shutDown, _fixture.Backend.Kills); // the guest obeyed
        Assert.Equal(VmState.Off, Host.GetVm("off").State);
        Assert.Contains(Host.GetVmEvents("saved", 1), e => e.Message.Contains("automatic stop action (Save)"));
    }

    [Fact]
    public void AGuestThatIgnoresTheShutdown_IsTurnedOff()
    {
        var deaf = Vm("deaf", StopAction.ShutDown);
        _fixture.Backend.GuestObeysShutdown = false;

        var result = Assert.Single(Host.ApplyAutomaticStopActions());

        Assert.Equal(VmState.Off, result.State);
        Assert.Contains(deaf, _fixture.Backend.Kills);
    }

    [Theory]
    [InlineData(typeof(HostException))]
    [InlineData(typeof(IOException))]
    [InlineData(typeof(TimeoutException))]
    public void AVmThatCannotStop_IsReported_AndTheOthersStillStop(Type failure)
    {
        Vm("cannot-save", StopAction.Save);
        Vm("other", StopAction.TurnOff);
        _fixture.Backend.Changing = step =>
        {
            if (step == nameof(FakeVmBackend.SaveState))
            {
                throw failure == typeof(HostException)
                    ? new HostException("the disk is full", ErrorCategory.WriteError, "Test", "cannot-save")
                    : (Exception)Activator.CreateInstance(failure, "the disk is full")!;
            }
        };

        var results = Host.ApplyAutomaticStopActions();

        var failed = Assert.Single(results, r => r.VMName == "cannot-save");
        Assert.Contains("the disk is full", failed.Error);
        Assert.Equal(VmState.Off, Assert.Single(results, r => r.VMName == "other").State);
        Assert.Contains(Host.GetVmEvents("cannot-save", 1), e => e.Level == VmEventLevel.Error && e.Message.Contains("the disk is full"));
    }

    [Fact]
    public void NextHostStart_StartsTheStartIfRunningVmsTheShutdownStopped_Once()
    {
        Host.PlanAutomaticStarts();
        Vm("was-running", StopAction.Save);
        Vm("was-running-too", StopAction.TurnOff);
        Vm("was-off", StopAction.Save, running: false);
        Vm("never", StopAction.TurnOff, start: StartAction.Nothing);

        Host.ApplyAutomaticStopActions();
        _fixture.Network.Reboot("boot-2/net:[2]");

        Assert.Equal(["was-running", "was-running-too"], Host.PlanAutomaticStarts().Select(s => s.Name).Order());
        _fixture.Network.Reboot("boot-3/net:[3]");
        Assert.Empty(Host.PlanAutomaticStarts());
    }

    [Fact]
    public void AVmTheUserStartsAfterTheShutdownStoppedIt_GoesByItsRecordAtTheNextBoot()
    {
        Host.PlanAutomaticStarts();
        Vm("turned-off-by-hand", StopAction.TurnOff);
        Vm("left-alone", StopAction.TurnOff);
        Host.ApplyAutomaticStopActions();

        Host.StartVm("turned-off-by-hand");
        Host.StopVm("turned-off-by-hand", StopMode.TurnOff);
        _fixture.Network.Reboot("boot-2/net:[2]");

        Assert.Equal(["left-alone"], Host.PlanAutomaticStarts().Select(s => s.Name));
    }
}
