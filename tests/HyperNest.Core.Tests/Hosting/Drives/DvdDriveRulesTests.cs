using HyperNest.Hosting;
using HyperNest.Model;

namespace HyperNest.Core.Tests.Hosting.Drives;

public sealed class DvdDriveRulesTests : IDisposable
{
    private readonly HostFixture _fixture = new();
    private readonly string _iso = Path.Combine(Path.GetTempPath(), $"hn-{Guid.NewGuid():N}.iso");

    public DvdDriveRulesTests() => File.WriteAllText(_iso, "iso");

    private VirtualizationHost Host => _fixture.Host;

    public void Dispose()
    {
        _fixture.Dispose();
        File.Delete(_iso);
    }

    [Theory]
    [InlineData(1, ControllerType.IDE, 0, 1)]
    [InlineData(2, ControllerType.SCSI, 0, 1)]
    public void Add_GoesOnTheGenerationsController(int generation, ControllerType type, int number, int location)
    {
        Host.NewVm(new NewVmRequest { Name = "web1", Generation = generation, Image = "tiny" });

        var drive = Host.AddVmDvdDrive("web1", new AddDriveRequest { Path = _iso });

        Assert.Equal((type, number, location, DvdMediaType.ISO, _iso), (drive.ControllerType, drive.ControllerNumber, drive.ControllerLocation, drive.DvdMediaType, drive.Path));
        Assert.Equal(drive, Assert.Single(Host.GetVm("web1").DVDDrives));
    }

    [Fact]
    public void Add_WithoutPath_IsAnEmptyDrive()
    {
        Host.NewVm(new NewVmRequest { Name = "web1", NoVhd = true });

        var drive = Host.AddVmDvdDrive("web1", new AddDriveRequest());

        Assert.Equal((DvdMediaType.None, (string?)null), (drive.DvdMediaType, drive.Path));
    }

    [Fact]
    public void Add_MissingIso_IsRefused()
    {
        Host.NewVm(new NewVmRequest { Name = "web1", NoVhd = true });

        var error = Assert.Throws<HostException>(() => Host.AddVmDvdDrive("web1", new AddDriveRequest { Path = _iso + ".gone" }));

        Assert.Equal("IsoNotFound", error.ErrorId);
        Assert.Empty(Host.GetVmDvdDrives("web1"));
    }

    [Fact]
    public void AddSetRemove_WhileRunning_AreRefused()
    {
        Host.NewVm(new NewVmRequest { Name = "web1", NoVhd = true });
        var drive = Host.AddVmDvdDrive("web1", new AddDriveRequest());
        Host.StartVm("web1");

        Assert.Contains("DVD drives only while the virtual machine is Off", Assert.Throws<HostException>(() => Host.AddVmDvdDrive("web1", new AddDriveRequest())).Message);
        Assert.Throws<HostException>(() => Host.SetVmDvdDrive("web1", drive.DriveId, new SetDriveRequest { Path = _iso }));
        Assert.Throws<HostException>(() => Host.RemoveVmDvdDrive("web1", drive.DriveId));
        Assert.Equal(drive, Assert.Single(Host.GetVmDvdDrives("web1")));
    }

    [Fact]
    public void Set_InsertsAndEjects_RemoveKeepsTheIso()
    {
        Host.NewVm(new NewVmRequest { Name = "web1", NoVhd = true });
        var drive = Host.AddVmDvdDrive("web1", new AddDriveRequest());

        var inserted = Host.SetVmDvdDrive("web1", drive.DriveId, new SetDriveRequest { Path = _iso });
        var ejected = Host.SetVmDvdDrive("web1", drive.DriveId, new SetDriveRequest { RemoveMedia = true });
        Host.RemoveVmDvdDrive("web1", drive.DriveId);

        Assert.Equal(_iso, inserted.Path);
        Assert.Null(ejected.Path);
        Assert.Empty(Host.GetVmDvdDrives("web1"));
        Assert.True(File.Exists(_iso));
    }

    [Fact]
    public void Iso_SharedByTwoVms_IsAllowed()
    {
        Host.NewVm(new NewVmRequest { Name = "a", NoVhd = true });
        Host.NewVm(new NewVmRequest { Name = "b", NoVhd = true });

        Host.AddVmDvdDrive("a", new AddDriveRequest { Path = _iso });
        Host.AddVmDvdDrive("b", new AddDriveRequest { Path = _iso });

        Assert.Single(Host.GetVmDvdDrives("b"));
    }
}
