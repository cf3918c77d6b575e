using HyperNest.Hosting;
using HyperNest.Model;
using HyperNest.State;

namespace HyperNest.Core.Tests.Hosting;

/// <summary>
/// Get-VMEvent: every run-state change of a VM is in its event log, newest first, whether a cmdlet made it
/// or the guest and its worker did, with the worker's command line at each start.
/// </summary>
public sealed class VmEventLogTests : IDisposable
{
    private readonly HostFixture _fixture = new();

    private VirtualizationHost Host => _fixture.Host;

    private FakeVmBackend Backend => _fixture.Backend;

    public void Dispose() => _fixture.Dispose();

    private IReadOnlyList<string> Messages(string? vm, int newest = 100) => [.. Host.GetVmEvents(vm, newest).Select(e => e.Message)];

    [Fact]
    public void Lifecycle_IsLoggedNewestFirst_WithTheWorkersCommandLine()
    {
        Host.NewVm(new NewVmRequest { Name = "web1", NoVhd = true });
        Host.StartVm("web1");
        Host.SuspendVm("web1");
        Host.ResumeVm("web1");
        Host.RestartVm("web1");
        Host.StopVm("web1", StopMode.Save);
        Host.StartVm("web1");
        Host.StopVm("web1", StopMode.TurnOff);

        var events = Host.GetVmEvents("web1", 100);
        Assert.Equal(
        [
            "'web1' was turned off.",
            "runs in",
            "'web1' was restored from its saved state",
            "'web1' saved its state and stopped.",
            "'web1' was reset (Restart-VM).",
            "'web1' was resumed.",
            "'web1' was paused.",
            "runs in",
            "'web1' started successfully",
            "'web1' was created.",
        ], events.Select(e => e.Message.Contains("runs in", StringComparison.Ordinal) ? "runs in" : e.Message.Split(" (QEMU pid")[0]));
        Assert.All(events, e => Assert.Equal(VmEventLevel.Information, e.Level));
        Assert.Equal(events.Select(e => e.RecordId).OrderDescending(), events.Select(e => e.RecordId));
        var id = Host.GetVm("web1").Id;
        Assert.Equal($"'web1' runs in: fake-qemu -name guest=hn-{id:D}", events[1].Message);
    }

    [Fact]
    public void WorkerEnds_NobodyAskedFor_AreLoggedWithTheirLevel()
    {
        Host.NewVm(new NewVmRequest { Name = "quiet", NoVhd = true });
        Host.NewVm(new NewVmRequest { Name = "crashed", NoVhd = true });
        Host.StartVm("quiet");
        Host.StartVm("crashed");
        var quiet = Host.GetVm("quiet").Id;
        var crashed = Host.GetVm("crashed").Id;

        Backend.KillFromOutside(quiet);
        Host.ObserveWorkerExit(quiet, new WorkerExit(WorkerExitKind.GuestShutdown));
        Backend.KillFromOutside(crashed);
        Host.GetVms(); // the next look at it finds the worker gone

        var shutdown = Host.GetVmEvents("quiet", 1).Single();
        Assert.Equal(VmEventLevel.Information, shutdown.Level);
        Assert.Contains("The guest operating system shut the virtual machine down", shutdown.Message, StringComparison.Ordinal);
        var crash = Host.GetVmEvents("crashed", 1).Single();
        Assert.Equal(VmEventLevel.Error, crash.Level);
        Assert.Contains("ended unexpectedly", crash.Message, StringComparison.Ordinal);

        // Looking again records nothing twice.
        Host.GetVms();
        Host.ObserveWorkerExit(quiet, new WorkerExit(WorkerExitKind.GuestShutdown));
        Assert.Single(Host.GetVmEvents("crashed", 100), e => e.Level == VmEventLevel.Error);
        Assert.Single(Host.GetVmEvents("quiet", 100), e => e.Message.Contains("shut the virtual machine down", StringComparison.Ordinal));
    }

    [Fact]
    public void AFailedStart_IsAnError()
    {
        Host.NewVm(new NewVmRequest { Name = "web1", NoVhd = true });
        Backend.StartFailure = new IOException("the disk is gone");

        Assert.ThrowsAny<HostException>(() => Host.StartVm("web1"));

        var failure = Host.GetVmEvents("web1", 1).Single();
        Assert.Equal(VmEventLevel.Error, failure.Level);
        Assert.Contains("the disk is gone", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AllVms_IncludeRemovedOnes_UnderTheNameTheyHadThen()
    {
        Host.NewVm(new NewVmRequest { Name = "old", NoVhd = true });
        Host.RenameVm("old", "new");
        Host.NewVm(new NewVmRequest { Name = "gone", NoVhd = true });
        Host.RemoveVm("gone");

        Assert.Equal(["'gone' was removed.", "'gone' was created.", "'old' was created."], Messages(null));
        Assert.Equal(["'gone' was removed."], Messages(null, newest: 1));
        Assert.Equal(["'old' was created."], Messages("new"));
        Assert.Equal("old", Host.GetVmEvents("new", 1).Single().VMName);
    }

    [Fact]
    public void TheLogKeepsTheNewestEventsOfEachVm()
    {
        Host.NewVm(new NewVmRequest { Name = "busy", NoVhd = true });
        Host.NewVm(new NewVmRequest { Name = "idle", NoVhd = true });
        Host.StartVm("busy");
        for (var i = 0; i < StateTransaction.EventsKeptPerVm / 2; i++)
        {
            Host.SuspendVm("busy");
            Host.ResumeVm("busy");
        }

        var kept = Host.GetVmEvents("busy", int.MaxValue);
        Assert.Equal(StateTransaction.EventsKeptPerVm, kept.Count);
        Assert.Equal("'busy' was resumed.", kept[0].Message);
        Assert.DoesNotContain(kept, e => e.Message.Contains("created", StringComparison.Ordinal));
        Assert.Equal(["'idle' was created."], Messages("idle"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void NewestBelowOne_IsRefused(int newest)
    {
        var error = Assert.Throws<HostException>(() => Host.GetVmEvents(null, newest));

        Assert.Equal(ErrorCategory.InvalidArgument, error.Category);
    }
}
