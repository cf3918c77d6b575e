using HyperNest.Hosting;
using HyperNest.Model;

namespace HyperNest.Core.Tests.Hosting.Drives;

public sealed class HardDiskDriveRulesTests : IDisposable
{
    private readonly HostFixture _fixture = new();
    private readonly string _files = Directory.CreateTempSubdirectory("hn-drives-").FullName;

    private VirtualizationHost Host => _fixture.Host;

    public void Dispose()
    {
        _fixture.Dispose();
        Directory.Delete(_files, recursive: true);
    }

    private string Disk(string name)
    {
        var path = Path.Combine(_files, name);
        File.WriteAllText(path, "disk");
        return path;
    }

    private VirtualMachine NewVm(string name = "web1", int generation = 1) =>
        Host.NewVm(new NewVmRequest { Name = name, Generation = generation, Image = "tiny" });

    [Fact]
    public void Add_Gen1WithoutPlace_TakesTheFirstFreeIdeLocation()
    {
        NewVm();

        var drive = Host.AddVmHardDiskDrive("web1", new AddDriveRequest { Path = Disk("data.qcow2") });

        Assert.Equal((ControllerType.IDE, 0, 1), (drive.ControllerType, drive.ControllerNumber, drive.ControllerLocation));
        Assert.Equal(2, Host.GetVm("web1").HardDrives.Count);
    }

    [Fact]
    public void Add_Gen1WithIdeFull_FallsBackToScsi()
    {
        NewVm();
        Host.AddVmHardDiskDrive("web1", new AddDriveRequest { Path = Disk("a") });
        Host.AddVmHardDiskDrive("web1", new AddDriveRequest { Path = Disk("b") });
        Host.AddVmHardDiskDrive("web1", new AddDriveRequest { Path = Disk("c") });

        var drive = Host.AddVmHardDiskDrive("web1", new AddDriveRequest { Path = Disk("d") });

        Assert.Equal((ControllerType.SCSI, 0, 0), (drive.ControllerType, drive.ControllerNumber, drive.ControllerLocation));
    }

    [Fact]
    public void Add_IdeOnGen2_IsRefusedWithHyperVsReasonAndNothingChanges()
    {
        NewVm(generation: 2);

        var error = Assert.Throws<HostException>(() => Host.AddVmHardDiskDrive("web1", new AddDriveRequest { ControllerType = ControllerType.IDE, Path = Disk("a") }));

        Assert.Equal(("ControllerNotFound", ErrorCategory.ObjectNotFound), (error.ErrorId, error.Category));
        Assert.Contains("generation 2 virtual machine, which has no IDE controller", error.Message);
        Assert.Single(Host.GetVmHardDiskDrives("web1"));
    }

    [Fact]
    public void Add_TakenLocation_IsRefused()
    {
        NewVm(generation: 2);

        var error = Assert.Throws<HostException>(() => Host.AddVmHardDiskDrive("web1",
            new AddDriveRequest { ControllerType = ControllerType.SCSI, ControllerNumber = 0, ControllerLocation = 0, Path = Disk("a") }));

        Assert.Equal(("LocationInUse", ErrorCategory.ResourceExists), (error.ErrorId, error.Category));
        Assert.Single(Host.GetVmHardDiskDrives("web1"));
    }

    [Theory]
    [InlineData(ControllerType.IDE, 2, 0, "no IDE controller 2")]
    [InlineData(ControllerType.IDE, 0, 2, "locations 0 to 1")]
    [InlineData(ControllerType.SCSI, 1, 0, "one SCSI controller, number 0")]
    [InlineData(ControllerType.SCSI, 0, 64, "locations 0 to 63")]
    public void Add_PlaceOutsideHyperVsControllers_IsRefused(ControllerType type, int number, int location, string reason)
    {
        NewVm();

        var error = Assert.Throws<HostException>(() => Host.AddVmHardDiskDrive("web1",
            new AddDriveRequest { ControllerType = type, ControllerNumber = number, ControllerLocation = location, Path = Disk("a") }));

        Assert.Contains(reason, error.Message);
        Assert.Single(Host.GetVmHardDiskDrives("web1"));
    }

    [Fact]
    public void Add_MissingFile_IsRefused()
    {
        NewVm();

        var error = Assert.Throws<HostException>(() => Host.AddVmHardDiskDrive("web1", new AddDriveRequest { Path = Path.Combine(_files, "nope.qcow2") }));

        Assert.Equal(("VhdNotFound", ErrorCategory.ObjectNotFound), (error.ErrorId, error.Category));
        Assert.Contains("New-VHD", error.Message);
    }

    [Fact]
    public void Add_FileAttachedToAnotherVm_IsRefusedNamingThatVm()
    {
        NewVm("a");
        NewVm("b");
        var shared = Disk("shared.qcow2");
        Host.AddVmHardDiskDrive("a", new AddDriveRequest { Path = shared });

        var error = Assert.Throws<HostException>(() => Host.AddVmHardDiskDrive("b", new AddDriveRequest { Path = shared }));

        Assert.Equal(("DiskInUse", ErrorCategory.ResourceBusy), (error.ErrorId, error.Category));
        Assert.Contains("virtual machine 'a'", error.Message);
        Assert.Single(Host.GetVmHardDiskDrives("b"));
    }

    [Fact]
    public void Add_NoPath_IsRefused()
    {
        NewVm();

        var error = Assert.Throws<HostException>(() => Host.AddVmHardDiskDrive("web1", new AddDriveRequest()));

        Assert.Contains("give -Path", error.Message);
    }

    [Fact]
    public void Add_IdeWhileRunning_IsRefusedAndNothingIsPlugged()
    {
        NewVm();
        Host.StartVm("web1");

        var error = Assert.Throws<HostException>(() => Host.AddVmHardDiskDrive("web1", new AddDriveRequest { ControllerType = ControllerType.IDE, Path = Disk("a") }));

        Assert.Equal("InvalidState", error.ErrorId);
        Assert.Contains("IDE drives change only while the virtual machine is Off", error.Message);
        Assert.Empty(_fixture.Backend.LiveDrives);
    }

    [Fact]
    public void Add_ScsiWhileRunning_IsHotPluggedAndStored()
    {
        var vm = NewVm();
        Host.StartVm("web1");

        var drive = Host.AddVmHardDiskDrive("web1", new AddDriveRequest { ControllerType = ControllerType.SCSI, Path = Disk("hot.qcow2") });

        var plugged = Assert.Single(_fixture.Backend.LiveDrives[vm.Id]);
        Assert.Equal((drive.DriveId, ControllerType.SCSI, 0, "qcow2"), (plugged.Id, plugged.ControllerType, plugged.ControllerLocation, plugged.Format));
        Assert.Equal(2, Host.GetVmHardDiskDrives("web1").Count);
    }

    [Fact]
    public void Add_WorkerRefusesHotPlug_HostErrorAndNothingStored()
    {
        NewVm();
        Host.StartVm("web1");
        _fixture.Backend.RefuseHotPlug = true;

        var error = Assert.Throws<HostException>(() => Host.AddVmHardDiskDrive("web1", new AddDriveRequest { ControllerType = ControllerType.SCSI, Path = Disk("a") }));

        Assert.Equal("HotPlugFailed", error.ErrorId);
        Assert.Single(Host.GetVmHardDiskDrives("web1"));
    }

    [Fact]
    public void Remove_ScsiWhileRunning_IsUnpluggedAndTheFileStays()
    {
        var vm = NewVm();
        Host.StartVm("web1");
        var file = Disk("hot.qcow2");
        var drive = Host.AddVmHardDiskDrive("web1", new AddDriveRequest { ControllerType = ControllerType.SCSI, Path = file });

        Host.RemoveVmHardDiskDrive("web1", drive.DriveId);

        Assert.Empty(_fixture.Backend.LiveDrives[vm.Id]);
        Assert.Single(Host.GetVmHardDiskDrives("web1"));
        Assert.True(File.Exists(file));
    }

    [Fact]
    public void Remove_SystemDiskWhileRunning_IsRefused()
    {
        NewVm(generation: 2);
        Host.StartVm("web1");
        var system = Host.GetVmHardDiskDrives("web1").Single();

        var error = Assert.Throws<HostException>(() => Host.RemoveVmHardDiskDrive("web1", system.DriveId));

        Assert.Contains("system disk", error.Message);
        Assert.Single(Host.GetVmHardDiskDrives("web1"));
    }

    [Fact]
    public void Remove_SavedVm_IsRefused()
    {
        NewVm();
        var drive = Host.AddVmHardDiskDrive("web1", new AddDriveRequest { ControllerType = ControllerType.SCSI, Path = Disk("a") });
        Host.StartVm("web1");
        Host.StopVm("web1", StopMode.Save);

        var error = Assert.Throws<HostException>(() => Host.RemoveVmHardDiskDrive("web1", drive.DriveId));

        Assert.Contains("saved state expects the devices it had", error.Message);
        Assert.Equal(2, Host.GetVmHardDiskDrives("web1").Count);
    }

    [Fact]
    public void Set_MovesAndChangesPathWhileOff_RefusedWhileRunning()
    {
        NewVm();
        var drive = Host.AddVmHardDiskDrive("web1", new AddDriveRequest { Path = Disk("a") });
        var other = Disk("b");

        var moved = Host.SetVmHardDiskDrive("web1", drive.DriveId, new SetDriveRequest { ToControllerNumber = 1, ToControllerLocation = 1, Path = other });
        Host.StartVm("web1");
        var error = Assert.Throws<HostException>(() => Host.SetVmHardDiskDrive("web1", drive.DriveId, new SetDriveRequest { ToControllerLocation = 0 }));

        Assert.Equal((ControllerType.IDE, 1, 1, other), (moved.ControllerType, moved.ControllerNumber, moved.ControllerLocation, moved.Path));
        Assert.Equal("InvalidState", error.ErrorId);
        Assert.Equal(1, Host.GetVmHardDiskDrives("web1").Single(d => d.DriveId == drive.DriveId).ControllerLocation);
    }

    [Fact]
    public void Set_OntoAnotherDrivesPlace_IsRefused()
    {
        NewVm();
        var drive = Host.AddVmHardDiskDrive("web1", new AddDriveRequest { Path = Disk("a") });

        var error = Assert.Throws<HostException>(() => Host.SetVmHardDiskDrive("web1", drive.DriveId, new SetDriveRequest { ToControllerLocation = 0 }));

        Assert.Equal("LocationInUse", error.ErrorId);
    }

    [Fact]
    public void Start_PassesEveryDrive_TheFirstHardDriveIsTheSystemDisk()
    {
        var vm = NewVm();
        Host.AddVmHardDiskDrive("web1", new AddDriveRequest { ControllerType = ControllerType.SCSI, Path = Disk("data") });
        Host.AddVmDvdDrive("web1", new AddDriveRequest());

        Host.StartVm("web1");

        var drives = _fixture.Backend.Starts.Single(s => s.Vm == vm.Id).Boot.Drives;
        Assert.Equal([(DriveKind.HardDisk, true), (DriveKind.Dvd, false), (DriveKind.HardDisk, false)], drives.Select(d => (d.Kind, d.IsSystemDisk)));
        Assert.All(drives, d => Assert.Null(d.BootIndex));
    }

    [Fact]
    public void RemoveVm_DeletesTheImageOverlayButNeverTheUsersDisks()
    {
        NewVm();
        var attached = Disk("data.qcow2");
        var named = Path.Combine(_files, "named.qcow2");
        Host.AddVmHardDiskDrive("web1", new AddDriveRequest { Path = attached });
        Host.NewVm(new NewVmRequest { Name = "web2", NewVhdPath = named, NewVhdSizeBytes = 1L << 30 });
        var overlay = Host.GetVm("web1").HardDrivePath!;

        Host.RemoveVm("web1");
        Host.RemoveVm("web2");

        Assert.False(File.Exists(overlay));
        Assert.True(File.Exists(attached));
        Assert.True(File.Exists(named));
    }

    [Fact]
    public void GetVhd_AttachedDisk_SaysAttached()
    {
        NewVm();
        var file = Disk("data.qcow2");
        Host.AddVmHardDiskDrive("web1", new AddDriveRequest { Path = file });

        Assert.True(Host.GetVhd(file).Attached);
    }
}
