using HyperNest.Hosting;
using HyperNest.Model;

namespace HyperNest.Core.Tests.Hosting;

/// <summary>Set-VM's rules: those of Set-VMProcessor, Set-VMMemory and Rename-VM, applied all or nothing.</summary>
public sealed class SetVmRulesTests : IDisposable
{
    private readonly HostFixture _fixture = new();

    private VirtualizationHost Host => _fixture.Host;

    public void Dispose() => _fixture.Dispose();

    private void NewVm(string name = "web1") => Host.NewVm(new NewVmRequest { Name = name, NoVhd = true });

    [Fact]
    public void SetVm_WhileOff_ChangesEverySettingGiven()
    {
        NewVm();

        var vm = Host.SetVm("web1", new SetVmRequest
        {
            ProcessorCount = 2,
            MemoryStartupBytes = 1L << 30,
            DynamicMemoryEnabled = false,
            Notes = "lab host",
            NewName = "web2",
            AutomaticStartAction = StartAction.Start,
            AutomaticStopAction = StopAction.ShutDown,
            AutomaticStartDelay = 30,
            AutomaticCheckpointsEnabled = false,
        });

        Assert.Equal("web2", vm.Name);
        Assert.Equal(2, vm.ProcessorCount);
        Assert.Equal(1L << 30, vm.MemoryStartup);
        var stored = Host.GetVm("web2");
        Assert.Equal("lab host", stored.Notes);
        Assert.Equal(StartAction.Start, stored.AutomaticStartAction);
        Assert.Equal(StopAction.ShutDown, stored.AutomaticStopAction);
        Assert.Equal(30, stored.AutomaticStartDelay);
        Assert.False(stored.AutomaticCheckpointsEnabled);
    }

    [Fact]
    public void SetVm_NothingGiven_LeavesTheVmAsItWas()
    {
        NewVm();
        var before = Host.GetVm("web1");

        var after = Host.SetVm("web1", new SetVmRequest());

        Assert.Equal(before, after with { NetworkAdapters = before.NetworkAdapters, HardDrives = before.HardDrives, DVDDrives = before.DVDDrives });
    }

    [Fact]
    public void SetVm_NotesAndAutomaticActionsWhileRunning_AreStored()
    {
        NewVm();
        Host.StartVm("web1");

        Host.SetVm("web1", new SetVmRequest { Notes = "running", AutomaticStopAction = StopAction.TurnOff, NewName = "web9" });

        var vm = Host.GetVm("web9");
        Assert.Equal(VmState.Running, vm.State);
        Assert.Equal("running", vm.Notes);
        Assert.Equal(StopAction.TurnOff, vm.AutomaticStopAction);
    }

    [Fact]
    public void SetVm_ProcessorCountWhileRunning_IsRefusedAndNothingElseChanges()
    {
        NewVm();
        Host.StartVm("web1");

        var error = Assert.Throws<HostException>(() => Host.SetVm("web1", new SetVmRequest { ProcessorCount = 2, Notes = "lost" }));

        Assert.Equal("InvalidState", error.ErrorId);
        Assert.Contains("failed to modify device 'Processor'", error.Message, StringComparison.Ordinal);
        var vm = Host.GetVm("web1");
        Assert.Equal(1, vm.ProcessorCount);
        Assert.Equal("", vm.Notes);
    }

    [Fact]
    public void SetVm_StartupMemoryWhileSaved_IsRefused()
    {
        NewVm();
        Host.StartVm("web1");
        Host.StopVm("web1", StopMode.Save);

        var error = Assert.Throws<HostException>(() => Host.SetVm("web1", new SetVmRequest { MemoryStartupBytes = 1L << 30 }));

        Assert.Equal("InvalidState", error.ErrorId);
        Assert.Contains("-MemoryStartupBytes", error.Message, StringComparison.Ordinal);
        Assert.Equal(512L << 20, Host.GetVm("web1").MemoryStartup);
    }

    [Theory]
    [InlineData(true, 1024L << 20, null)] // minimum above the 512 MB startup
    [InlineData(true, null, 256L << 20)] // maximum below it
    public void SetVm_DynamicMemoryOutOfRange_IsRefused_AndNothingChanges(bool? dynamic, long? minimum, long? maximum)
    {
        NewVm();

        var error = Assert.Throws<HostException>(() => Host.SetVm("web1", new SetVmRequest
        {
            DynamicMemoryEnabled = dynamic,
            MemoryMinimumBytes = minimum,
            MemoryMaximumBytes = maximum,
            Notes = "lost",
        }));

        Assert.Contains("minimum <= startup <= maximum", error.Message, StringComparison.Ordinal);
        Assert.False(Host.GetVm("web1").DynamicMemoryEnabled);
        Assert.Equal("", Host.GetVm("web1").Notes);
    }

    [Fact]
    public void SetVm_DynamicMemory_IsSetWithTheRestInOneCall()
    {
        NewVm();

        var vm = Host.SetVm("web1", new SetVmRequest { DynamicMemoryEnabled = true, MemoryMinimumBytes = 256L << 20, MemoryMaximumBytes = 2L << 30, Notes = "dynamic" });

        Assert.Equal((true, 256L << 20, 512L << 20, 2L << 30, "dynamic"), (vm.DynamicMemoryEnabled, vm.MemoryMinimum, vm.MemoryStartup, vm.MemoryMaximum, vm.Notes));
    }

    [Fact]
    public void SetVm_NewNameTakenByAnotherVm_IsRefusedAndNothingChanges()
    {
        NewVm("web1");
        NewVm("web2");

        var error = Assert.Throws<HostException>(() => Host.SetVm("web1", new SetVmRequest { NewName = "WEB2", ProcessorCount = 2 }));

        Assert.Equal("DuplicateName", error.ErrorId);
        Assert.Equal(1, Host.GetVm("web1").ProcessorCount);
    }

    [Fact]
    public void SetVm_NewNameInOtherCaseOfItself_Renames()
    {
        NewVm("web1");

        Assert.Equal("WEB1", Host.SetVm("web1", new SetVmRequest { NewName = "WEB1" }).Name);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(0)]
    public void SetVm_ProcessorCountOutsideTheHost_IsRefused(int count)
    {
        NewVm();

        var error = Assert.Throws<HostException>(() => Host.SetVm("web1", new SetVmRequest { ProcessorCount = count }));

        Assert.Contains("1 to 2 virtual processors", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, Host.GetVm("web1").ProcessorCount);
    }

    [Fact]
    public void SetVm_NegativeStartDelay_IsRefused()
    {
        NewVm();

        var error = Assert.Throws<HostException>(() => Host.SetVm("web1", new SetVmRequest { AutomaticStartDelay = -1 }));

        Assert.Equal("InvalidParameter", error.ErrorId);
        Assert.Equal(0, Host.GetVm("web1").AutomaticStartDelay);
    }

    [Fact]
    public void SetVm_UndefinedStartAction_IsRefused()
    {
        NewVm();

        var error = Assert.Throws<HostException>(() => Host.SetVm("web1", new SetVmRequest { AutomaticStartAction = (StartAction)7 }));

        Assert.Contains("Nothing, StartIfRunning or Start", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SetVm_UnknownVm_IsObjectNotFoundAsHyperVSaysIt()
    {
        var error = Assert.Throws<HostException>(() => Host.SetVm("nope", new SetVmRequest { Notes = "x" }));

        Assert.StartsWith("Hyper-V was unable to find a virtual machine with name \"nope\".", error.Message, StringComparison.Ordinal);
    }
}
