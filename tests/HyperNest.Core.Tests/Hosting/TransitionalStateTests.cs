using HyperNest.Hosting;
using HyperNest.Model;

namespace HyperNest.Core.Tests.Hosting;

/// <summary>
/// While a call changes a VM, every other call's Get-VM shows Hyper-V's transitional state (Starting, Saving,
/// Stopping, Pausing), not what the record still says; the changing call answers with the outcome.
/// </summary>
public sealed class TransitionalStateTests : IDisposable
{
    private readonly HostFixture _fixture = new();
    private readonly VirtualizationHost _other;

    public TransitionalStateTests()
    {
        _other = _fixture.CreateHost();
        _fixture.Host.NewVm(new NewVmRequest { Name = "web1", NoVhd = true });
    }

    public void Dispose()
    {
        _other.Dispose();
        _fixture.Dispose();
    }

    /// <summary>Runs <paramref name="change"/>; returns what another host's Get-VM and Get-VM list showed when the backend did <paramref name="step"/>.</summary>
    private (VmState Single, VmState Listed) SeenDuring(string step, Action change)
    {
        (VmState, VmState)? seen = null;
        _fixture.Backend.Changing = at =>
        {
            if (at == step)
            {
                seen = (_other.GetVm("web1").State, _other.GetVms().Single().State);
            }
        };
        change();
        _fixture.Backend.Changing = null;
        return seen ?? throw new InvalidOperationException($"the backend never did {step}");
    }

    [Fact]
    public void DuringStartVm_OthersSeeStarting_TheCallerSeesRunning()
    {
        VirtualMachine? started = null;

        var seen = SeenDuring(nameof(FakeVmBackend.Start), () => started = _fixture.Host.StartVm("web1"));

        Assert.Equal((VmState.Starting, VmState.Starting), seen);
        Assert.Equal(VmState.Running, started!.State);
        Assert.Equal(VmState.Running, _other.GetVm("web1").State);
    }

    [Fact]
    public void DuringSaveAndPause_OthersSeeSavingAndPausing()
    {
        _fixture.Host.StartVm("web1");

        Assert.Equal((VmState.Pausing, VmState.Pausing), SeenDuring(nameof(FakeVmBackend.Pause), () => _fixture.Host.SuspendVm("web1")));
        _fixture.Host.ResumeVm("web1");
        Assert.Equal((VmState.Saving, VmState.Saving), SeenDuring(nameof(FakeVmBackend.SaveState), () => _fixture.Host.StopVm("web1", StopMode.Save)));
        Assert.Equal(VmState.Saved, _other.GetVm("web1").State);
    }

    [Fact]
    public void DuringTurnOff_OthersSeeStopping()
    {
        _fixture.Host.StartVm("web1");

        Assert.Equal((VmState.Stopping, VmState.Stopping), SeenDuring(nameof(FakeVmBackend.CleanRuntime), () => _fixture.Host.StopVm("web1", StopMode.TurnOff)));
        var off = _other.GetVm("web1");
        Assert.Equal(VmState.Off, off.State);

        // The other Get-VM looked while the killed worker was gone and the record still said Running: it took no crash for it.
        Assert.DoesNotContain("unexpectedly", off.Status, StringComparison.Ordinal);
        Assert.Equal("'web1' was turned off.", _other.GetVmEvents("web1", 1).Single().Message);
    }

    [Fact]
    public void AFailedStart_LeavesNoTransitionalState()
    {
        _fixture.Backend.StartFailure = new IOException("no disk");

        Assert.ThrowsAny<HostException>(() => _fixture.Host.StartVm("web1"));

        Assert.Equal(VmState.Off, _other.GetVm("web1").State);
    }
}
