using HyperNest.Hosting;
using HyperNest.Model;

namespace HyperNest.Core.Tests.Hosting;

/// <summary>Get-VM's object carries Hyper-V's VirtualMachine properties, from the store alone.</summary>
public sealed class VmViewTests : IDisposable
{
    private readonly HostFixture _fixture = new();

    private VirtualizationHost Host => _fixture.Host;

    public void Dispose() => _fixture.Dispose();

    [Theory]
    [InlineData(VmState.Other, 1)]
    [InlineData(VmState.Running, 2)]
    [InlineData(VmState.Off, 3)]
    [InlineData(VmState.Stopping, 4)]
    [InlineData(VmState.Saved, 6)]
    [InlineData(VmState.Paused, 9)]
    [InlineData(VmState.Starting, 10)]
    [InlineData(VmState.Reset, 11)]
    [InlineData(VmState.Saving, 32773)]
    [InlineData(VmState.Pausing, 32776)]
    [InlineData(VmState.Resuming, 32777)]
    public void VmState_Values_AreHyperVs(VmState state, int value) => Assert.Equal(value, (int)state);

    [Fact]
    public void StartAndStopActions_Values_AreHyperVs()
    {
        Assert.Equal([2, 3, 4], Enum.GetValues<StartAction>().Select(a => (int)a));
        Assert.Equal([2, 3, 4], Enum.GetValues<StopAction>().Select(a => (int)a));
    }

    [Fact]
    public void NewVm_View_HasHyperVDefaults()
    {
        var vm = Host.NewVm(new NewVmRequest { Name = "web1", NoVhd = true });

        Assert.Equal(vm.Name, vm.VMName);
        Assert.Equal(vm.Id, vm.VMId);
        Assert.Equal(StartAction.StartIfRunning, vm.AutomaticStartAction);
        Assert.Equal(StopAction.Save, vm.AutomaticStopAction);
        Assert.Equal(0, vm.AutomaticStartDelay);
        Assert.True(vm.AutomaticCheckpointsEnabled);
        Assert.Null(vm.ParentCheckpointId);
        Assert.Equal("", vm.Notes);
        Assert.False(vm.DynamicMemoryEnabled);
        // Hyper-V's Dynamic Memory defaults, shown while it is off too: 512 MB (at most the startup memory) and 1 TB.
        Assert.Equal(Math.Min(vm.MemoryStartup, 512L << 20), vm.MemoryMinimum);
        Assert.Equal(1L << 40, vm.MemoryMaximum);
        Assert.Equal(0, vm.MemoryDemand);
        Assert.Empty(vm.HardDrives);
    }

    [Fact]
    public void GetVms_NetworkAdapters_AreEachVmsOwnInSlotOrder()
    {
        Host.NewVm(new NewVmRequest { Name = "a", NoVhd = true });
        Host.NewVm(new NewVmRequest { Name = "b", NoVhd = true });
        Host.AddVmNetworkAdapter("a", new AddVmNetworkAdapterRequest { Name = "Second" });

        var vms = Host.GetVms();

        Assert.Equal(["Network Adapter", "Second"], vms.Single(v => v.Name == "a").NetworkAdapters.Select(n => n.Name));
        Assert.Equal("b", Assert.Single(vms.Single(v => v.Name == "b").NetworkAdapters).VMName);
    }

    [Theory]
    [InlineData(1, ControllerType.IDE)]
    [InlineData(2, ControllerType.SCSI)]
    public void GetVm_HardDrives_BootDiskWhereHyperVPutsIt(int generation, ControllerType controller)
    {
        Host.NewVm(new NewVmRequest { Name = "disk", Generation = generation, Image = "tiny" });

        var drive = Assert.Single(Host.GetVm("disk").HardDrives);

        Assert.Equal(controller, drive.ControllerType);
        Assert.Equal(0, drive.ControllerNumber);
        Assert.Equal(0, drive.ControllerLocation);
        Assert.Equal("disk", drive.VMName);
        Assert.Equal(Host.GetVm("disk").HardDrivePath, drive.Path);
        Assert.Equal($"Hard Drive on {controller} controller number 0 at location 0", drive.Name);
    }

    [Fact]
    public void GetVm_Running_MemoryDemandIsTheWorkersResidentMemory()
    {
        Host.NewVm(new NewVmRequest { Name = "web1", NoVhd = true });
        Host.StartVm("web1");

        var vm = Host.GetVm("web1");

        // The fake worker reports its whole startup memory as resident.
        Assert.Equal(vm.MemoryStartup, vm.MemoryDemand);
    }
}
