using HyperNest.Hosting;
using HyperNest.Model;

namespace HyperNest.Core.Tests.Hosting.Drives;

public sealed class FirmwareRulesTests : IDisposable
{
    private readonly HostFixture _fixture = new();

    private VirtualizationHost Host => _fixture.Host;

    public void Dispose() => _fixture.Dispose();

    private VirtualMachine NewGen2(string name = "web1") => Host.NewVm(new NewVmRequest { Name = name, Generation = 2, Image = "tiny" });

    [Fact]
    public void Get_Gen1_IsRefusedWithHyperVsReason()
    {
        Host.NewVm(new NewVmRequest { Name = "old", NoVhd = true });

        var error = Assert.Throws<HostException>(() => Host.GetVmFirmware("old"));

        Assert.Equal(("InvalidVirtualMachineGeneration", ErrorCategory.InvalidOperation), (error.ErrorId, error.Category));
        Assert.Contains("only supported on generation 2", error.Message);
    }

    [Fact]
    public void Get_Default_DiskThenNetworkAndSecureBootOff()
    {
        NewGen2();

        var firmware = Host.GetVmFirmware("web1");

        Assert.Equal(OnOffState.Off, firmware.SecureBoot);
        Assert.Equal([BootSourceType.Drive, BootSourceType.Network], firmware.BootOrder.Select(b => b.BootType));
        Assert.IsType<VmHardDiskDrive>(firmware.BootOrder[0].Device);
        Assert.IsType<VmNetworkAdapter>(firmware.BootOrder[1].Device);
    }

    [Fact]
    public void SecureBootOn_IsRefusedSayingWhy()
    {
        NewGen2();

        var error = Assert.Throws<HostException>(() => Host.SetVmFirmware("web1", new SetFirmwareRequest { EnableSecureBoot = OnOffState.On }));

        Assert.Equal(("SecureBootNotSupported", ErrorCategory.NotImplemented), (error.ErrorId, error.Category));
        Assert.Contains("without Secure Boot", error.Message);
    }

    [Fact]
    public void BootOrder_BecomesBootIndexes_AndDevicesAddedLaterFollow()
    {
        var vm = NewGen2();
        var adapter = Host.GetVmNetworkAdapters("web1").Single();
        var disk = Host.GetVmHardDiskDrives("web1").Single();
        Host.SetVmFirmware("web1", new SetFirmwareRequest { BootOrder = [adapter.AdapterId, disk.DriveId] });
        var dvd = Host.AddVmDvdDrive("web1", new AddDriveRequest());

        Host.StartVm("web1");

        var start = _fixture.Backend.Starts.Single(s => s.Vm == vm.Id);
        Assert.Equal(1, _fixture.Backend.Nics[vm.Id].Single().BootIndex);
        Assert.Equal(2, start.Boot.Drives.Single(d => d.Id == disk.DriveId).BootIndex);
        Assert.Equal(3, start.Boot.Drives.Single(d => d.Id == dvd.DriveId).BootIndex);
        Assert.Equal([BootSourceType.Network, BootSourceType.Drive, BootSourceType.Drive], Host.GetVmFirmware("web1").BootOrder.Select(b => b.BootType));
    }

    [Fact]
    public void FirstBootDevice_MovesItFirst()
    {
        NewGen2();
        var dvd = Host.AddVmDvdDrive("web1", new AddDriveRequest());

        var firmware = Host.SetVmFirmware("web1", new SetFirmwareRequest { FirstBootDevice = dvd.DriveId });

        Assert.Equal(dvd.DriveId, firmware.BootOrder[0].DeviceId);
        Assert.Equal(3, firmware.BootOrder.Count);
    }

    [Fact]
    public void BootOrder_ForeignDevice_IsRefusedAndNothingChanges()
    {
        NewGen2("a");
        NewGen2("b");
        var foreign = Host.GetVmHardDiskDrives("b").Single().DriveId;

        var error = Assert.Throws<HostException>(() => Host.SetVmFirmware("a", new SetFirmwareRequest { BootOrder = [foreign] }));

        Assert.Contains("has no drive or network adapter", error.Message);
        Assert.Equal(BootSourceType.Drive, Host.GetVmFirmware("a").BootOrder[0].BootType);
    }

    [Fact]
    public void Set_WhileRunning_IsRefused()
    {
        NewGen2();
        Host.StartVm("web1");

        var error = Assert.Throws<HostException>(() => Host.SetVmFirmware("web1", new SetFirmwareRequest { PreferredNetworkBootProtocol = IPProtocolPreference.IPv6 }));

        Assert.Equal("InvalidState", error.ErrorId);
        Assert.Equal(IPProtocolPreference.IPv4, Host.GetVmFirmware("web1").PreferredNetworkBootProtocol);
    }

    [Fact]
    public void RemovedDrive_LeavesTheBootOrder()
    {
        NewGen2();
        var dvd = Host.AddVmDvdDrive("web1", new AddDriveRequest());
        Host.SetVmFirmware("web1", new SetFirmwareRequest { FirstBootDevice = dvd.DriveId });

        Host.RemoveVmDvdDrive("web1", dvd.DriveId);

        Assert.Equal([BootSourceType.Drive, BootSourceType.Network], Host.GetVmFirmware("web1").BootOrder.Select(b => b.BootType));
    }
}
