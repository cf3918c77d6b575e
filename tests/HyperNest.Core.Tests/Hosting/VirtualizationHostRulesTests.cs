using HyperNest.Hosting;
using HyperNest.Model;

namespace HyperNest.Core.Tests.Hosting;

public sealed class VirtualizationHostRulesTests : IDisposable
{
    private readonly HostFixture _fixture = new();

    private VirtualizationHost Host => _fixture.Host;

    public void Dispose() => _fixture.Dispose();

    private VirtualMachine NewVm(string name = "web1") => Host.NewVm(new NewVmRequest { Name = name, NoVhd = true });

    [Fact]
    public void NewVm_Defaults_AreHyperVDefaults()
    {
        var vm = NewVm();

        Assert.Equal(VmState.Off, vm.State);
        Assert.Equal(512L << 20, vm.MemoryStartup);
        Assert.Equal("12.0", vm.Version);
        Assert.Equal(1, vm.Generation);
        Assert.Equal("Operating normally", vm.Status);
    }

    [Fact]
    public void GetVm_ById_FindsThatVm_AndAnUnknownIdIsHyperVsNotFound()
    {
        var web = NewVm("web1");
        NewVm("db1");

        Assert.Equal("web1", Host.GetVm(web.Id).Name);
        var missing = Guid.NewGuid();
        var error = Assert.Throws<HostException>(() => Host.GetVm(missing));
        Assert.Equal("InvalidParameter", error.ErrorId);
        Assert.Contains($"unable to find a virtual machine with ID {missing}", error.Message);
    }

    [Fact]
    public void NewVm_DuplicateNameInOtherCase_IsRefusedAndStateUnchanged()
    {
        var first = NewVm("web1");

        var error = Assert.Throws<HostException>(() => NewVm("WEB1"));

        Assert.Equal("DuplicateName", error.ErrorId);
        Assert.Equal(ErrorCategory.ResourceExists, error.Category);
        Assert.Equal(first.Id, Assert.Single(Host.GetVms()).Id);
    }

    [Theory]
    [InlineData("a\"b|c")]
    [InlineData("web*")]
    [InlineData("x/y")]
    [InlineData("")]
    [InlineData(" padded")]
    [InlineData("tab\tname")]
    public void NewVm_InvalidName_IsRefusedWithReason(string name)
    {
        var error = Assert.Throws<HostException>(() => NewVm(name));

        Assert.Equal("InvalidParameter", error.ErrorId);
        Assert.Contains("cannot be used as a virtual machine name", error.Message);
        Assert.Empty(Host.GetVms());
    }

    [Fact]
    public void NewVm_NameWithShellAndQemuMetaCharacters_IsKeptVerbatim()
    {
        const string Name = "lab,file=passwd,if=none; $(reboot) `id` 'q' =x";

        var vm = NewVm(Name);

        Assert.Equal(Name, vm.Name);
        Assert.Equal(Name, Host.GetVm(Name).Name);
    }

    [Theory]
    [InlineData(16L << 20, "minimum is 32 MB")]
    [InlineData((512L << 20) + 1, "multiple of 2 MB")]
    [InlineData(64L << 30, "more than this host has")]
    public void NewVm_BadMemory_IsRefused(long bytes, string reason)
    {
        var error = Assert.Throws<HostException>(() => Host.NewVm(new NewVmRequest { Name = "m", MemoryStartupBytes = bytes }));

        Assert.Contains(reason, error.Message);
        Assert.Empty(Host.GetVms());
    }

    [Fact]
    public void NewVm_UnsupportedVersion_IsRefused()
    {
        var error = Assert.Throws<HostException>(() => Host.NewVm(new NewVmRequest { Name = "v", Version = new VmConfigurationVersion(7, 1) }));

        Assert.Contains("Get-VMHostSupportedVersion", error.Message);
        Assert.Empty(Host.GetVms());
    }

    [Fact]
    public void NewVm_WithImage_BuildsItOnFirstUseOnly()
    {
        Host.NewVm(new NewVmRequest { Name = "a", Image = "tiny" });
        Host.NewVm(new NewVmRequest { Name = "b", Image = "tiny" });

        Assert.Equal(1, _fixture.Images.Builds);
        Assert.NotNull(Host.GetVm("a").HardDrivePath);
    }

    [Fact]
    public void NewVm_UnknownImage_IsRefused()
    {
        var error = Assert.Throws<HostException>(() => Host.NewVm(new NewVmRequest { Name = "a", Image = "nope" }));

        Assert.Contains("Get-VMImage", error.Message);
        Assert.Empty(Host.GetVms());
    }

    [Fact]
    public void GetVm_UnknownName_SaysHyperVCouldNotFindIt()
    {
        var error = Assert.Throws<HostException>(() => Host.GetVm("nope"));

        Assert.Equal(ErrorCategory.InvalidArgument, error.Category);
        Assert.StartsWith("Hyper-V was unable to find a virtual machine with name \"nope\".", error.Message);
    }

    [Fact]
    public void RemoveVm_WhileRunning_IsRefusedAndVmStays()
    {
        NewVm();
        Host.StartVm("web1");

        var error = Assert.Throws<HostException>(() => Host.RemoveVm("web1"));

        Assert.Equal("InvalidState", error.ErrorId);
        Assert.Contains("Stop-VM", error.Message);
        Assert.Equal(VmState.Running, Host.GetVm("web1").State);
    }

    [Fact]
    public void UpdateVmVersion_Downgrade_IsRefusedAndVersionUnchanged()
    {
        NewVm();

        var error = Assert.Throws<HostException>(() => Host.UpdateVmVersion("web1", new VmConfigurationVersion(9, 0)));

        Assert.Equal("VersionDowngrade", error.ErrorId);
        Assert.Equal("12.0", Host.GetVm("web1").Version);
    }

    [Fact]
    public void UpdateVmVersion_WhileOff_Upgrades()
    {
        Host.NewVm(new NewVmRequest { Name = "old", Version = new VmConfigurationVersion(8, 0) });

        Assert.Equal("9.3", Host.UpdateVmVersion("old", new VmConfigurationVersion(9, 3)).Version);
        Assert.Equal("12.0", Host.UpdateVmVersion("old").Version);
    }

    [Fact]
    public void WorkerKilledFromOutside_GetVmShowsOffWithReason_AndStartWorksAgain()
    {
        var vm = NewVm();
        Host.StartVm("web1");

        _fixture.Backend.KillFromOutside(vm.Id);
        var after = Host.GetVm("web1");

        Assert.Equal(VmState.Off, after.State);
        Assert.Contains("ended unexpectedly", after.Status);
        Assert.Equal(VmState.Running, Host.StartVm("web1").State);
        Assert.Equal("Operating normally", Host.GetVm("web1").Status);
    }

    [Fact]
    public void SetVmProcessor_WhileRunning_IsRefused()
    {
        NewVm();
        Host.StartVm("web1");

        var error = Assert.Throws<HostException>(() => Host.SetVmProcessor("web1", new SetProcessorRequest { Count = 2 }));

        Assert.Contains("failed to modify device 'Processor'", error.Message);
        Assert.Equal(1, Host.GetVmProcessor("web1").Count);
    }

    [Fact]
    public void SetVmProcessor_WhileSaved_PointsToRemoveVmSavedState()
    {
        NewVm();
        Host.StartVm("web1");
        Host.StopVm("web1", StopMode.Save);

        var error = Assert.Throws<HostException>(() => Host.SetVmProcessor("web1", new SetProcessorRequest { ExposeVirtualizationExtensions = true }));

        Assert.Contains("Remove-VMSavedState", error.Message);
        Assert.False(Host.GetVmProcessor("web1").ExposeVirtualizationExtensions);
    }

    [Fact]
    public void SetVmProcessor_CountAboveHostProcessors_IsRefused()
    {
        NewVm();

        Assert.Throws<HostException>(() => Host.SetVmProcessor("web1", new SetProcessorRequest { Count = 3 }));
        Assert.Equal(2, Host.SetVmProcessor("web1", new SetProcessorRequest { Count = 2 }).Count);
    }

    [Fact]
    public void StopVmSave_ThenStart_RestoresFromTheSavedState()
    {
        NewVm();
        Host.StartVm("web1");

        Assert.Equal(VmState.Saved, Host.StopVm("web1", StopMode.Save).State);
        Host.StartVm("web1");

        var restore = _fixture.Backend.Starts[^1];
        Assert.NotNull(restore.SavedState);
        Assert.Equal(VmState.Running, Host.GetVm("web1").State);
    }

    [Fact]
    public void StopVm_GuestIgnoresShutdown_TimesOutAndStaysRunning()
    {
        NewVm();
        Host.StartVm("web1");
        _fixture.Backend.GuestObeysShutdown = false;

        var error = Assert.Throws<HostException>(() => Host.StopVm("web1", StopMode.Shutdown));

        Assert.Equal(ErrorCategory.OperationTimeout, error.Category);
        Assert.Contains("-TurnOff", error.Message);
        Assert.Equal(VmState.Running, Host.GetVm("web1").State);
        Assert.Equal(VmState.Off, Host.StopVm("web1", StopMode.Force).State);
    }

    [Fact]
    public void SuspendResume_ChangesState_AndPausedCannotShutDown()
    {
        NewVm();
        Host.StartVm("web1");

        Assert.Equal(VmState.Paused, Host.SuspendVm("web1").State);
        Assert.Throws<HostException>(() => Host.StopVm("web1", StopMode.Shutdown));
        Assert.Equal(VmState.Running, Host.ResumeVm("web1").State);
    }

    [Fact]
    public void WaitVm_NoHeartbeat_TimesOut()
    {
        NewVm();
        Host.StartVm("web1");
        _fixture.Backend.AgentAnswers = false;

        var error = Assert.Throws<HostException>(() => Host.WaitVm("web1", WaitForCondition.Heartbeat, TimeSpan.Zero));

        Assert.Equal("WaitTimedOut", error.ErrorId);
    }

    [Fact]
    public void GetVm_RightAfterTheAgentAnswered_ShowsTheHeartbeatWithoutAskingAgain_UntilItIsStaleOrTheVmResets()
    {
        NewVm();
        Host.StartVm("web1");
        Host.WaitVm("web1", WaitForCondition.Heartbeat, TimeSpan.FromMinutes(1));
        _fixture.Backend.AgentAnswers = false;

        Assert.Equal("OkApplicationsUnknown", Host.GetVm("web1").Heartbeat);
        _fixture.Clock.Offset += LiveSamples.HeartbeatFresh;
        Assert.Equal("NoContact", Host.GetVm("web1").Heartbeat);

        _fixture.Backend.AgentAnswers = true;
        Assert.Equal("OkApplicationsUnknown", Host.GetVm("web1").Heartbeat);
        _fixture.Backend.AgentAnswers = false;
        Host.RestartVm("web1");
        Assert.Equal("NoContact", Host.GetVm("web1").Heartbeat);
    }

    [Fact]
    public void WaitVm_Off_FailsAtOnce()
    {
        NewVm();

        Assert.Throws<HostException>(() => Host.WaitVm("web1", WaitForCondition.Heartbeat, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void RenameVm_ToTakenName_IsRefused()
    {
        NewVm("a");
        NewVm("b");

        Assert.Throws<HostException>(() => Host.RenameVm("a", "B"));
        Assert.Equal("c", Host.RenameVm("a", "c").Name);
        Assert.Equal(["b", "c"], Host.GetVms().Select(vm => vm.Name));
    }

    [Fact]
    public void NewImage_ForceWhileVmsUseIt_IsRefused()
    {
        Host.NewVm(new NewVmRequest { Name = "a", Image = "tiny" });

        var error = Assert.Throws<HostException>(() => Host.NewImage("tiny", force: true));

        Assert.Equal("ImageInUse", error.ErrorId);
        Assert.Contains("a", error.Message);
        Assert.Equal(1, _fixture.Images.Builds);
    }
}
