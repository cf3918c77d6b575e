using HyperNest.Hosting;
using HyperNest.Model;

namespace HyperNest.Core.Tests.Hosting;

/// <summary>
/// Runtime memory resize (Set-VMMemory -StartupBytes and Set-VM -MemoryStartupBytes on a running VM) and the
/// documents' rule: while a hypervisor runs inside a VM its memory cannot change, unless the VM opts in.
/// </summary>
public sealed class RuntimeMemoryRulesTests : IDisposable
{
    private const long MiB = 1024 * 1024;

    private readonly HostFixture _fixture = new();

    private VirtualizationHost Host => _fixture.Host;

    public void Dispose() => _fixture.Dispose();

    /// <summary>A running VM of HyperNest's image (its guest plugs memory at boot): 512 MiB, half of it boot memory.</summary>
    private Guid RunningImageVm(string name = "web1")
    {
        Host.NewVm(new NewVmRequest { Name = name, Image = "tiny", MemoryStartupBytes = 512 * MiB });
        Host.StartVm(name);
        return Host.GetVm(name).Id;
    }

    [Fact]
    public void AtStart_AnImageGuestBootsWithHalf_AndTheRegionReachesTheHostsMemory()
    {
        var id = RunningImageVm();
        _fixture.Backend.GuestMemory = new GuestMemory(472 * MiB, 400 * MiB); // uses 72 MB: room to shrink to its boot memory

        Host.SetVmMemory("web1", new SetMemoryRequest { StartupBytes = 256 * MiB });
        Assert.Equal(0, _fixture.Backend.PluggedMemory[id]); // 256 MiB of boot memory, nothing plugged
        Host.SetVmMemory("web1", new SetMemoryRequest { StartupBytes = _fixture.Backend.Capabilities.MemoryCapacity });
        Assert.Equal(_fixture.Backend.Capabilities.MemoryCapacity - 256 * MiB, _fixture.Backend.PluggedMemory[id]);
    }

    [Fact]
    public void ARunningVm_GrowsAndShrinks_AndItsStartupMemoryFollows()
    {
        var id = RunningImageVm();

        var grown = Host.SetVmMemory("web1", new SetMemoryRequest { StartupBytes = 1024 * MiB });
        Assert.Equal(1024 * MiB, grown.Startup);
        Assert.Equal(768 * MiB, _fixture.Backend.PluggedMemory[id]);

        var vm = Host.SetVm("web1", new SetVmRequest { MemoryStartupBytes = 384 * MiB, Notes = "smaller" });
        Assert.Equal(384 * MiB, vm.MemoryStartup);
        Assert.Equal(384 * MiB, vm.MemoryAssigned);
        Assert.Equal("smaller", vm.Notes);
        Assert.Equal(128 * MiB, _fixture.Backend.PluggedMemory[id]);
        Assert.Equal(VmState.Running, vm.State);
        Assert.Contains(Host.GetVmEvents("web1", 5), e => e.Message.Contains("resized from 1 GB to 384 MB", StringComparison.Ordinal));
    }

    [Fact]
    public void BelowItsBootMemory_OrAboveTheHost_IsRefused_SayingTheRange()
    {
        RunningImageVm();

        var below = Assert.Throws<HostException>(() => Host.SetVmMemory("web1", new SetMemoryRequest { StartupBytes = 128 * MiB }));
        Assert.Equal("RuntimeResizeOutOfRange", below.ErrorId);
        Assert.Contains("can have 256 MB to", below.Message, StringComparison.Ordinal);
        Assert.Contains("Stop-VM", below.Message, StringComparison.Ordinal);

        Assert.Throws<HostException>(() => Host.SetVmMemory("web1", new SetMemoryRequest { StartupBytes = _fixture.Backend.Capabilities.MemoryCapacity + 2 * MiB }));
        Assert.Equal(512 * MiB, Host.GetVmMemory("web1").Startup);
    }

    [Fact]
    public void AGuestThatUsesTheMemory_GivesBackWhatItCan_AndTheErrorSaysWhatItHas()
    {
        var id = RunningImageVm();
        _fixture.Backend.GuestHoldsPlugged = 200 * MiB;

        var error = Assert.Throws<HostException>(() => Host.SetVmMemory("web1", new SetMemoryRequest { StartupBytes = 256 * MiB }));

        Assert.Equal("GuestHoldsMemory", error.ErrorId);
        Assert.Contains("it has 456 MB of the 256 MB asked for", error.Message, StringComparison.Ordinal);
        Assert.Equal(456 * MiB, Host.GetVmMemory("web1").Startup);
        Assert.Equal(200 * MiB, _fixture.Backend.PluggedMemory[id]);
    }

    [Fact]
    public void AShrinkBelowWhatTheGuestUses_IsRefusedBeforeAnythingIsUnplugged()
    {
        var id = RunningImageVm();
        // MemTotal 472 MiB of its 512 (the kernel keeps 40), 300 MiB in use: it needs 300 + 40 + 64 = 404 MiB.
        _fixture.Backend.GuestMemory = new GuestMemory(472 * MiB, 172 * MiB);

        var error = Assert.Throws<HostException>(() => Host.SetVmMemory("web1", new SetMemoryRequest { StartupBytes = 384 * MiB }));

        Assert.Equal("GuestHoldsMemory", error.ErrorId);
        Assert.Contains("uses 300 MB of its memory", error.Message, StringComparison.Ordinal);
        Assert.Contains("needs at least 404 MB", error.Message, StringComparison.Ordinal);
        Assert.False(_fixture.Backend.PluggedMemory.ContainsKey(id), "nothing was asked of the guest");
        Assert.Equal(406 * MiB, Host.SetVmMemory("web1", new SetMemoryRequest { StartupBytes = 406 * MiB }).Startup);
    }

    [Theory]
    [InlineData("MemTotal:  472872 kB\nMemFree:  1000 kB\nMemAvailable:  300000 kB\n", 472872L * 1024, 300000L * 1024)]
    [InlineData("MemTotal:  472872 kB\n", null, null)] // no MemAvailable
    [InlineData("MemTotal:  100 kB\nMemAvailable:  200 kB\n", null, null)] // more available than there is
    [InlineData("MemTotal:  -5 kB\nMemAvailable:  1 kB\n", null, null)]
    [InlineData("MemTotal:  99999999999999999999 kB\nMemAvailable:  1 kB\n", null, null)]
    public void GuestMemory_IsReadFromMemInfo_AndAnythingElseIsNotBelieved(string text, long? total, long? available)
    {
        var memory = GuestMemory.FromMemInfo(text);

        Assert.Equal(total, memory?.TotalBytes);
        Assert.Equal(available, memory?.AvailableBytes);
    }

    [Fact]
    public void AGuestWithoutTheDriver_IsReported_AndNothingChanges()
    {
        RunningImageVm();
        _fixture.Backend.GuestIgnoresMemoryRequests = true;

        var error = Assert.Throws<HostException>(() => Host.SetVmMemory("web1", new SetMemoryRequest { StartupBytes = 1024 * MiB }));

        Assert.Equal("GuestIgnoredResize", error.ErrorId);
        Assert.Equal(512 * MiB, Host.GetVmMemory("web1").Startup);
    }

    [Fact]
    public void AVmBootingItsOwnDisk_KeepsItsStartupMemory_AndCanOnlyGrow()
    {
        Host.NewVm(new NewVmRequest { Name = "disk", NoVhd = true, MemoryStartupBytes = 512 * MiB });
        Host.StartVm("disk");

        Host.SetVmMemory("disk", new SetMemoryRequest { StartupBytes = 768 * MiB });
        var error = Assert.Throws<HostException>(() => Host.SetVmMemory("disk", new SetMemoryRequest { StartupBytes = 256 * MiB }));

        Assert.Contains("can have 512 MB to", error.Message, StringComparison.Ordinal);
        Assert.Equal(768 * MiB, Host.GetVmMemory("disk").Startup);
    }

    [Fact]
    public void Generation2Vms_KeepFixedMemory_AndSaySo()
    {
        Host.NewVm(new NewVmRequest { Name = "uefi", Image = "tiny", Generation = 2, MemoryStartupBytes = 512 * MiB });
        Assert.Contains("generation 2", Assert.Throws<HostException>(() => Host.SetVmMemory("uefi", new SetMemoryRequest { DynamicMemoryEnabled = true })).Message, StringComparison.Ordinal);
        Host.StartVm("uefi");

        var error = Assert.Throws<HostException>(() => Host.SetVmMemory("uefi", new SetMemoryRequest { StartupBytes = 1024 * MiB }));

        Assert.Equal("RuntimeResizeUnavailable", error.ErrorId);
        Assert.Contains("generation 2 (UEFI)", error.Message, StringComparison.Ordinal);
        Assert.Equal(512 * MiB, Host.GetVm("uefi").MemoryAssigned);
    }

    [Theory]
    [InlineData(VmState.Paused, "Resume-VM")]
    [InlineData(VmState.Saved, "Remove-VMSavedState")]
    public void PausedOrSaved_IsRefused(VmState state, string whatToDo)
    {
        RunningImageVm();
        if (state == VmState.Paused)
        {
            Host.SuspendVm("web1");
        }
        else
        {
            Host.StopVm("web1", StopMode.Save);
        }

        var error = Assert.Throws<HostException>(() => Host.SetVmMemory("web1", new SetMemoryRequest { StartupBytes = 1024 * MiB }));

        Assert.Equal("InvalidState", error.ErrorId);
        Assert.Contains(whatToDo, error.Message, StringComparison.Ordinal);
        Assert.Equal(512 * MiB, Host.GetVmMemory("web1").Startup);
    }

    [Fact]
    public void ASavedVm_IsRestoredWithTheLayoutItWasSavedWith_WhateverItsMemoryBecame()
    {
        var id = RunningImageVm();
        Host.SetVmMemory("web1", new SetMemoryRequest { StartupBytes = 1024 * MiB });
        Host.StopVm("web1", StopMode.Save);

        Host.StartVm("web1");

        // Still 256 MiB of boot memory (the layout of the start before the save), not half of 1 GiB.
        Host.SetVmMemory("web1", new SetMemoryRequest { StartupBytes = 256 * MiB });
        Assert.Equal(0, _fixture.Backend.PluggedMemory[id]);
    }

    [Fact]
    public void WhileAHypervisorRunsInside_AResizeIsRefused_WithTheDocumentsRule()
    {
        RunningImageVm();
        _fixture.Backend.HypervisorInGuest = true;

        var error = Assert.Throws<HostException>(() => Host.SetVmMemory("web1", new SetMemoryRequest { StartupBytes = 1024 * MiB }));

        Assert.Equal("NestedHypervisorActive", error.ErrorId);
        Assert.StartsWith("Failed to modify device 'Memory'.", error.Message, StringComparison.Ordinal);
        Assert.Contains("must be turned off to adjust its memory", error.Message, StringComparison.Ordinal);
        Assert.Contains("-ResizeWithNestedHypervisor $true", error.Message, StringComparison.Ordinal);
        Assert.Equal(512 * MiB, Host.GetVmMemory("web1").Startup);

        _fixture.Backend.HypervisorInGuest = false; // the inner VMs stopped
        Assert.Equal(1024 * MiB, Host.SetVmMemory("web1", new SetMemoryRequest { StartupBytes = 1024 * MiB }).Startup);
    }

    [Fact]
    public void ResizeWithNestedHypervisor_LetsAResizeThrough_WhileAHypervisorRunsInside()
    {
        RunningImageVm();
        _fixture.Backend.HypervisorInGuest = true;

        var memory = Host.SetVmMemory("web1", new SetMemoryRequest { ResizeWithNestedHypervisor = true, StartupBytes = 1024 * MiB });

        Assert.True(memory.ResizeWithNestedHypervisor);
        Assert.Equal(1024 * MiB, memory.Startup);
        Assert.True(Host.GetVmMemory("web1").ResizeWithNestedHypervisor);
    }
}
