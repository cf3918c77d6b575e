using HyperNest.Hosting;
using HyperNest.Model;

namespace HyperNest.Core.Tests.Hosting;

/// <summary>Hyper-V's automatic start actions: what starts when the host starts, and nothing when only the service restarts.</summary>
public sealed class AutomaticStartRulesTests : IDisposable
{
    private readonly HostFixture _fixture = new();

    private VirtualizationHost Host => _fixture.Host;

    public void Dispose() => _fixture.Dispose();

    private void Vm(string name, StartAction action, bool running, int delaySeconds = 0)
    {
        Host.NewVm(new NewVmRequest { Name = name, NoVhd = true });
        Host.SetVm(name, new SetVmRequest { AutomaticStartAction = action, AutomaticStartDelay = delaySeconds });
        if (running)
        {
            Host.StartVm(name);
        }
    }

    /// <summary>What a reboot does: every worker is gone and the kernel is another.</summary>
    private void RestartTheHost()
    {
        foreach (var vm in Host.GetVms().Where(v => v.State == VmState.Running))
        {
            _fixture.Backend.KillFromOutside(vm.Id);
        }

        _fixture.Network.Reboot("boot-2/net:[2]");
    }

    [Fact]
    public void HostStart_StartsTheStartVms_AndTheStartIfRunningOnesThatWereRunning_InTheOrderOfTheirDelays()
    {
        Host.PlanAutomaticStarts();
        Vm("was-running", StartAction.StartIfRunning, running: true, delaySeconds: 30);
        Vm("was-off", StartAction.StartIfRunning, running: false);
        Vm("always", StartAction.Start, running: false, delaySeconds: 5);
        Vm("never", StartAction.Nothing, running: true);
        RestartTheHost();

        var plan = Host.PlanAutomaticStarts();

        Assert.Equal([new AutomaticStart("always", TimeSpan.FromSeconds(5)), new AutomaticStart("was-running", TimeSpan.FromSeconds(30))], plan);
    }

    [Fact]
    public void ServiceRestart_StartsNothing_EvenAVmWhoseWorkerDied()
    {
        Host.PlanAutomaticStarts();
        Vm("always", StartAction.Start, running: false);
        Vm("crashed", StartAction.StartIfRunning, running: true);
        _fixture.Backend.KillFromOutside(Host.GetVm("crashed").Id);

        Assert.Empty(_fixture.CreateHost().PlanAutomaticStarts());
    }

    [Fact]
    public void AHostStart_IsPlannedOnce()
    {
        Host.PlanAutomaticStarts();
        Vm("always", StartAction.Start, running: false);
        RestartTheHost();

        Assert.Single(Host.PlanAutomaticStarts());
        Assert.Empty(_fixture.CreateHost().PlanAutomaticStarts());
    }
}
