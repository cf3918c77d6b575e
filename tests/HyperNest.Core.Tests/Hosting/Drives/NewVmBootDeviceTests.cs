using HyperNest.Hosting;
using HyperNest.Model;

namespace HyperNest.Core.Tests.Hosting.Drives;

public sealed class NewVmBootDeviceTests : IDisposable
{
    private readonly HostFixture _fixture = new();

    private VirtualizationHost Host => _fixture.Host;

    public void Dispose() => _fixture.Dispose();

    [Theory]
    [InlineData(1, ControllerType.IDE, 1, 0)]
    [InlineData(2, ControllerType.SCSI, 0, 1)]
    public void Cd_AddsAnEmptyDvdDriveWhereHyperVDoes_AndBootsItFirst(int generation, ControllerType type, int number, int location)
    {
        var vm = Host.NewVm(new NewVmRequest { Name = "inst", Generation = generation, Image = "tiny", BootDevice = BootDevice.CD });

        var dvd = Assert.Single(vm.DVDDrives);
        Assert.Equal((type, number, location, DvdMediaType.None), (dvd.ControllerType, dvd.ControllerNumber, dvd.ControllerLocation, dvd.DvdMediaType));
        Host.StartVm("inst");
        Assert.Equal(1, _fixture.Backend.Starts.Single().Boot.Drives.Single(d => d.Kind == DriveKind.Dvd).BootIndex);
    }

    [Fact]
    public void NetworkAdapter_Gen2_BootsTheAdapterFirst()
    {
        Host.NewVm(new NewVmRequest { Name = "pxe", Generation = 2, NoVhd = true, BootDevice = BootDevice.NetworkAdapter });

        Assert.Equal(BootSourceType.Network, Host.GetVmFirmware("pxe").BootOrder[0].BootType);
    }

    [Theory]
    [InlineData(1, BootDevice.Floppy, "no floppy drive")]
    [InlineData(1, BootDevice.LegacyNetworkAdapter, "no legacy (emulated) network adapter")]
    [InlineData(1, BootDevice.NetworkAdapter, "legacy network adapter")]
    [InlineData(2, BootDevice.IDE, "no IDE controller")]
    [InlineData(2, BootDevice.VHD, "no disk to boot from")]
    public void Unsupported_IsRefusedSayingWhyAndNothingIsCreated(int generation, BootDevice device, string reason)
    {
        var error = Assert.Throws<HostException>(() => Host.NewVm(new NewVmRequest { Name = "x", Generation = generation, NoVhd = true, BootDevice = device }));

        Assert.Contains(reason, error.Message);
        Assert.Empty(Host.GetVms());
    }

    [Fact]
    public void VhdPath_AttachedToAnotherVm_IsRefused()
    {
        var first = Host.NewVm(new NewVmRequest { Name = "a", Image = "tiny" });

        var error = Assert.Throws<HostException>(() => Host.NewVm(new NewVmRequest { Name = "b", VhdPath = first.HardDrivePath }));

        Assert.Equal("DiskInUse", error.ErrorId);
        Assert.Single(Host.GetVms());
    }
}
