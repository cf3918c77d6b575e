using HyperNest.Hosting;
using HyperNest.Model;

namespace HyperNest.Core.Tests.Hosting;

/// <summary>
/// Get-VM in hypernestd answers from the live samples: no probe of a sampled worker on the call path, yet
/// never a stale run state after HyperNest changed it; a host without a sampler beside it probes.
/// </summary>
public sealed class LiveSampleRulesTests : IDisposable
{
    private readonly HostFixture _fixture = new();
    private readonly VirtualizationHost _host;

    public LiveSampleRulesTests() => _host = _fixture.CreateHost(answerFromLiveSamples: true);

    private VirtualizationHost Host => _host;

    private FakeVmBackend Backend => _fixture.Backend;

    public void Dispose()
    {
        _host.Dispose();
        _fixture.Dispose();
    }

    private void StartSampledVm()
    {
        Host.NewVm(new NewVmRequest { Name = "web1", NoVhd = true });
        Host.StartVm("web1");
        Backend.HypervisorInGuest = true;
        Assert.Equal(1, Host.SampleRunningVms());
        Backend.Probes = 0;
    }

    [Fact]
    public void SampledVm_GetVmAndGetVmProcessor_AskTheWorkerNothing()
    {
        StartSampledVm();

        var vm = Assert.Single(Host.GetVms());
        var processor = Host.GetVmProcessor("web1");

        Assert.Equal(0, Backend.Probes);
        Assert.Equal(VmState.Running, vm.State);
        Assert.Equal("OkApplicationsUnknown", vm.Heartbeat);
        Assert.True(vm.NestedHypervisorActive);
        Assert.True(processor.NestedHypervisorActive);
    }

    [Fact]
    public void CpuUsage_IsTheSamplersFigure_UntilItsNextSample()
    {
        Backend.CpuPercent = 40;
        StartSampledVm();
        Backend.CpuPercent = 7;

        Assert.Equal(40, Host.GetVm("web1").CPUUsage);
        Assert.Equal(0, Backend.Probes);
        Host.SampleRunningVms();
        Assert.Equal(7, Host.GetVm("web1").CPUUsage);
    }

    [Fact]
    public void WithoutASample_GetVmProbesTheWorker()
    {
        Host.NewVm(new NewVmRequest { Name = "web1", NoVhd = true });
        Host.StartVm("web1");
        Backend.Probes = 0;

        Host.GetVms();

        Assert.True(Backend.Probes > 0);
    }

    [Fact]
    public void AHostWithoutASamplerBesideIt_ProbesEvenASampledWorker()
    {
        StartSampledVm();

        _fixture.Host.GetVms();

        Assert.True(Backend.Probes > 0);
    }

    [Fact]
    public void AnOldSample_IsStillUsed_TheCallPathNeverProbesASampledWorker()
    {
        StartSampledVm();
        _fixture.Clock.Offset += TimeSpan.FromMinutes(5);

        Assert.Equal("OkApplicationsUnknown", Host.GetVm("web1").Heartbeat);
        Assert.Equal(0, Backend.Probes);
    }

    [Fact]
    public void SuspendAfterASample_GetVmSaysPaused_AndResumeSaysRunning()
    {
        StartSampledVm();

        Host.SuspendVm("web1");
        Assert.Equal(VmState.Paused, Host.GetVm("web1").State);
        Host.ResumeVm("web1");
        Assert.Equal(VmState.Running, Host.GetVm("web1").State);
    }

    [Fact]
    public void ASampleTakenAcrossASuspend_IsDropped()
    {
        StartSampledVm();
        var vm = Host.GetVm("web1");
        var generation = LiveSamples.Generation(vm.Id);
        var pid = Backend.FindWorker(new HyperNest.State.VmRecord { Id = vm.Id, Name = "web1", Version = VmConfigurationVersion.Default, CreatedAt = DateTimeOffset.UtcNow })!.Value;

        // The sampler probed "Running" just before the Suspend-VM and stores it just after.
        Host.SuspendVm("web1");
        LiveSamples.Record(vm.Id, generation, new LiveSamples.Sample(pid, _fixture.Clock.GetUtcNow(), VmState.Running, false, true, default));

        Assert.Equal(VmState.Paused, Host.GetVm("web1").State);
    }

    [Fact]
    public void GuestAgentSilentAtTheSample_NoContact_WithoutAPingOnTheCall()
    {
        Host.NewVm(new NewVmRequest { Name = "web1", NoVhd = true });
        Backend.AgentAnswers = false;
        Host.StartVm("web1");
        Host.SampleRunningVms();
        Backend.AgentAnswers = true;
        Backend.Probes = 0;

        Assert.Equal("NoContact", Host.GetVm("web1").Heartbeat);
        Assert.Equal(0, Backend.Probes);
    }
}
