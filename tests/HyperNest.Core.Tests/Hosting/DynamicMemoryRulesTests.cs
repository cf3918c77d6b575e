using HyperNest.Hosting;
using HyperNest.Model;

namespace HyperNest.Core.Tests.Hosting;

/// <summary>
/// Dynamic Memory: Hyper-V's settings and ranges, what may change while the VM runs, the balancer following
/// the guest's own demand plus its buffer between minimum and maximum, and holding still while a hypervisor
/// runs inside (the documents' rule) unless the VM opts in.
/// </summary>
public sealed class DynamicMemoryRulesTests : IDisposable
{
    private const long MiB = 1024 * 1024;

    /// <summary>What the fake guest's kernel keeps for itself (assigned - MemTotal).</summary>
    private const long KernelKeeps = 40 * MiB;

    private readonly HostFixture _fixture = new();

    private VirtualizationHost Host => _fixture.Host;

    public void Dispose() => _fixture.Dispose();

    /// <summary>A VM of HyperNest's image with Dynamic Memory: 256 MB to 2 GB, starting with 1 GB.</summary>
    private Guid DynamicVm(bool start = true)
    {
        Host.NewVm(new NewVmRequest { Name = "dyn", Image = "tiny", MemoryStartupBytes = 1024 * MiB });
        Host.SetVmMemory("dyn", new SetMemoryRequest { DynamicMemoryEnabled = true, MinimumBytes = 256 * MiB, MaximumBytes = 2048 * MiB });
        if (start)
        {
            Host.StartVm("dyn");
        }

        return Host.GetVm("dyn").Id;
    }

    /// <summary>The guest uses <paramref name="usedBytes"/> of what it has now.</summary>
    private void GuestUses(long usedBytes)
    {
        var total = Host.GetVm("dyn").MemoryAssigned - KernelKeeps;
        _fixture.Backend.GuestMemory = new GuestMemory(total, total - usedBytes);
    }

    [Fact]
    public void TurnedOnWithoutARange_HasHyperVsDefaults()
    {
        Host.NewVm(new NewVmRequest { Name = "big", NoVhd = true, MemoryStartupBytes = 1024 * MiB });
        Host.NewVm(new NewVmRequest { Name = "small", NoVhd = true, MemoryStartupBytes = 256 * MiB });

        var big = Host.SetVmMemory("big", new SetMemoryRequest { DynamicMemoryEnabled = true });
        var small = Host.SetVm("small", new SetVmRequest { DynamicMemoryEnabled = true });

        Assert.Equal((true, 512 * MiB, 1024 * MiB, 1024L * 1024 * MiB, 20, 50), (big.DynamicMemoryEnabled, big.Minimum, big.Startup, big.Maximum, big.Buffer, big.Priority));
        Assert.Equal((true, 256 * MiB, 256 * MiB), (small.DynamicMemoryEnabled, small.MemoryMinimum, small.MemoryStartup));
    }

    [Theory]
    [InlineData(512L << 20, null, null, null, "minimum <= startup <= maximum")] // above the 256 MB startup
    [InlineData(null, 128L << 20, null, null, "minimum <= startup <= maximum")] // below the 256 MB startup
    [InlineData(30L << 20, null, null, null, "32 MB to 1 TB")]
    [InlineData(null, 3L << 20, null, null, "32 MB to 1 TB")]
    [InlineData(null, null, 4, null, "5 to 2000")]
    [InlineData(null, null, 2001, null, "5 to 2000")]
    [InlineData(null, null, null, 101, "0 to 100")]
    [InlineData(null, null, null, -1, "0 to 100")]
    public void OutOfRangeSettings_AreRefused_AndChangeNothing(long? minimum, long? maximum, int? buffer, int? priority, string says)
    {
        Host.NewVm(new NewVmRequest { Name = "dyn", NoVhd = true, MemoryStartupBytes = 256 * MiB });

        var error = Assert.Throws<HostException>(() => Host.SetVmMemory("dyn", new SetMemoryRequest { DynamicMemoryEnabled = true, MinimumBytes = minimum, MaximumBytes = maximum, Buffer = buffer, Priority = priority }));

        Assert.Contains(says, error.Message, StringComparison.Ordinal);
        Assert.False(Host.GetVmMemory("dyn").DynamicMemoryEnabled);
    }

    [Fact]
    public void WhileRunning_ItCannotBeTurnedOnOrOff_NorItsStartupChanged_ButItsRangeCan()
    {
        DynamicVm();

        Assert.Contains("only while the virtual machine is Off", Assert.Throws<HostException>(() => Host.SetVmMemory("dyn", new SetMemoryRequest { DynamicMemoryEnabled = false })).Message, StringComparison.Ordinal);
        Assert.Contains("only while the virtual machine is Off", Assert.Throws<HostException>(() => Host.SetVm("dyn", new SetVmRequest { DynamicMemoryEnabled = false })).Message, StringComparison.Ordinal);
        Assert.Contains("changes only while it is Off", Assert.Throws<HostException>(() => Host.SetVmMemory("dyn", new SetMemoryRequest { StartupBytes = 512 * MiB })).Message, StringComparison.Ordinal);

        var memory = Host.SetVmMemory("dyn", new SetMemoryRequest { MinimumBytes = 384 * MiB, MaximumBytes = 4096 * MiB, Buffer = 50, Priority = 80 });
        Assert.Equal((384 * MiB, 4096 * MiB, 50, 80), (memory.Minimum, memory.Maximum, memory.Buffer, memory.Priority));
    }

    [Fact]
    public void AnIdleGuest_ShrinksToItsDemandPlusBuffer_NotBelowItsMinimum_ThenGrowsWhenItUsesMore()
    {
        var id = DynamicVm();
        GuestUses(100 * MiB); // demand 140 MB: + 20 % is under the 256 MB minimum

        Assert.Equal(1, Host.BalanceDynamicMemory());
        var idle = Host.GetVm("dyn");
        Assert.Equal((256 * MiB, 140 * MiB, "OK"), (idle.MemoryAssigned, idle.MemoryDemand, idle.MemoryStatus));
        Assert.Equal(1024 * MiB, idle.MemoryStartup); // the next start's memory is unchanged

        GuestUses(200 * MiB); // demand 240 MB, 100 MB more than last round: room for two more such rises, 440 MB + 20 % = 528 MB
        Assert.Equal(1, Host.BalanceDynamicMemory());
        Assert.Equal(528 * MiB, Host.GetVm("dyn").MemoryAssigned);
        Assert.Equal(272 * MiB, _fixture.Backend.PluggedMemory[id]); // above the 256 MB it booted with

        GuestUses(190 * MiB); // demand 230 MB, no rise: + 20 % = 276 MB, but it keeps at least 64 MB of room: 294 MB
        Assert.Equal(1, Host.BalanceDynamicMemory());
        Assert.Equal(294 * MiB, Host.GetVm("dyn").MemoryAssigned);

        GuestUses(185 * MiB); // a small swing: nothing unplugged
        Assert.Equal(0, Host.BalanceDynamicMemory());
        Assert.Equal(294 * MiB, Host.GetVm("dyn").MemoryAssigned);
    }

    [Fact]
    public void AGuestThatNeedsMoreThanItsMaximum_GetsTheMaximum_AndItsStatusSaysSo()
    {
        DynamicVm();
        Host.SetVmMemory("dyn", new SetMemoryRequest { MaximumBytes = 1024 * MiB });
        GuestUses(900 * MiB); // demand 940 MB: 1024 MB leaves less than its 20 % buffer

        Host.BalanceDynamicMemory();

        Assert.Equal((1024 * MiB, "Low"), (Host.GetVm("dyn").MemoryAssigned, Host.GetVm("dyn").MemoryStatus));
    }

    [Fact]
    public void WhileAHypervisorRunsInside_ItsMemoryHoldsStill_AndGetVMMemorySaysWhy_UnlessItOptsIn()
    {
        DynamicVm();
        GuestUses(100 * MiB);
        _fixture.Backend.HypervisorInGuest = true;

        Assert.Equal(0, Host.BalanceDynamicMemory());
        var held = Host.GetVmMemory("dyn");
        Assert.Equal(1024 * MiB, Host.GetVm("dyn").MemoryAssigned);
        Assert.True(held.Held);
        Assert.Contains("does not fluctuate", held.HeldReason, StringComparison.Ordinal);

        Host.SetVmMemory("dyn", new SetMemoryRequest { ResizeWithNestedHypervisor = true });
        Assert.Equal(1, Host.BalanceDynamicMemory());
        Assert.Equal(256 * MiB, Host.GetVm("dyn").MemoryAssigned);
        Assert.False(Host.GetVmMemory("dyn").Held);
    }

    [Fact]
    public void AGuestThatDoesNotReachItsTarget_IsNotAskedAgainAtOnce()
    {
        var id = DynamicVm();
        GuestUses(100 * MiB);
        _fixture.Backend.GuestHoldsPlugged = 512 * MiB; // of the 768 MB plugged at start it gives back only 256

        Assert.Equal(1, Host.BalanceDynamicMemory());
        Assert.Equal(768 * MiB, Host.GetVm("dyn").MemoryAssigned);
        _fixture.Backend.PluggedMemory[id] = 0; // were it asked again, the fake would give all back
        GuestUses(100 * MiB);

        Assert.Equal(0, Host.BalanceDynamicMemory());
        _fixture.Clock.Offset = TimeSpan.FromSeconds(31);
        Assert.Equal(1, Host.BalanceDynamicMemory());
    }

    [Fact]
    public void AGuestThatDoesNotOnlineWhatItIsGiven_IsHeld_AndGetsNoMore()
    {
        DynamicVm();
        GuestUses(600 * MiB);
        Host.BalanceDynamicMemory(); // 640 MB of demand: 768 MB
        _fixture.Backend.GuestMemory = new GuestMemory(472 * MiB, 10 * MiB); // MemTotal 256 MB short of 768 - 40

        Assert.Equal(0, Host.BalanceDynamicMemory());
        Assert.Contains("has not onlined", Host.GetVmMemory("dyn").HeldReason, StringComparison.Ordinal);
    }

    [Fact]
    public void UnderTheHostsLimit_EachKeepsWhatItNeeds_AndTheRestGoesByPriority()
    {
        foreach (var (name, priority, used) in new[] { ("low", 20, 500L), ("high", 80, 700L) })
        {
            Host.NewVm(new NewVmRequest { Name = name, Image = "tiny", MemoryStartupBytes = 1024 * MiB });
            Host.SetVmMemory(name, new SetMemoryRequest { DynamicMemoryEnabled = true, MinimumBytes = 256 * MiB, MaximumBytes = 2048 * MiB, Priority = priority });
            Host.StartVm(name);
            _fixture.Backend.GuestMemories[Host.GetVm(name).Id] = new GuestMemory(1024 * MiB - KernelKeeps, 1024 * MiB - KernelKeeps - used * MiB);
        }

        Host.NewVm(new NewVmRequest { Name = "static", NoVhd = true, MemoryStartupBytes = 256 * MiB });
        Host.StartVm("static");
        // Demand 540 and 740 MB; each keeps its demand plus room (604 and 814 MB) and wants its buffer too
        // (648 and 888 MB). The VMs may have 1706 MB together, 256 MB of it the static VM's: 32 MB to share.
        var host = Host.SetHost(new SetHostRequest { VirtualMachineMemoryLimitBytes = 1706 * MiB });
        Assert.Equal(1706 * MiB, host.VirtualMachineMemoryLimit);
        Assert.Equal(1706 * MiB, _fixture.Backend.VirtualMachineMemoryLimit);

        Host.BalanceDynamicMemory();

        Assert.Equal((846 * MiB, "Low"), (Host.GetVm("high").MemoryAssigned, Host.GetVm("high").MemoryStatus));
        Assert.Equal((604 * MiB, "Low"), (Host.GetVm("low").MemoryAssigned, Host.GetVm("low").MemoryStatus));

        // Without the limit each gets its buffer.
        Host.SetHost(new SetHostRequest { VirtualMachineMemoryLimitBytes = 0 });
        Assert.Equal(0, Host.GetHost().VirtualMachineMemoryLimit);
        Assert.Null(_fixture.Backend.VirtualMachineMemoryLimit);
        foreach (var vm in Host.GetVms().Where(v => v.DynamicMemoryEnabled))
        {
            var total = vm.MemoryAssigned - KernelKeeps;
            _fixture.Backend.GuestMemories[vm.Id] = new GuestMemory(total, total - (vm.Name == "high" ? 700 : 500) * MiB);
        }

        Host.BalanceDynamicMemory();
        Assert.Equal((888 * MiB, "OK"), (Host.GetVm("high").MemoryAssigned, Host.GetVm("high").MemoryStatus));
        Assert.Equal((648 * MiB, "OK"), (Host.GetVm("low").MemoryAssigned, Host.GetVm("low").MemoryStatus));
    }

    [Fact]
    public void AHostLimitThatIsNoWholeBlocks_IsRefused()
    {
        Assert.Throws<HostException>(() => Host.SetHost(new SetHostRequest { VirtualMachineMemoryLimitBytes = 3 * MiB }));
        Assert.Throws<HostException>(() => Host.SetHost(new SetHostRequest { VirtualMachineMemoryLimitBytes = -2 * MiB }));
        Assert.Equal(0, Host.GetHost().VirtualMachineMemoryLimit);
    }

    [Fact]
    public void AGuestWhoseAgentDoesNotAnswer_IsLeftAsItIs()
    {
        DynamicVm();
        _fixture.Backend.GuestMemory = null;

        Assert.Equal(0, Host.BalanceDynamicMemory());
        Assert.Equal(1024 * MiB, Host.GetVm("dyn").MemoryAssigned);
    }

    [Fact]
    public void StaticVms_AreNotBalanced()
    {
        Host.NewVm(new NewVmRequest { Name = "dyn", Image = "tiny", MemoryStartupBytes = 1024 * MiB });
        Host.StartVm("dyn");
        GuestUses(100 * MiB);

        Assert.Equal(0, Host.BalanceDynamicMemory());
        Assert.Equal((1024 * MiB, ""), (Host.GetVm("dyn").MemoryAssigned, Host.GetVm("dyn").MemoryStatus));
    }

    [Fact]
    public void ASavedDynamicVm_IsRestoredWithWhatItWasAssigned()
    {
        DynamicVm();
        GuestUses(100 * MiB);
        Host.BalanceDynamicMemory();
        Host.StopVm("dyn", StopMode.Save);

        Host.StartVm("dyn");

        Assert.Equal(256 * MiB, Host.GetVm("dyn").MemoryAssigned);
    }
}
