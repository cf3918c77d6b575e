using HyperNest.Hosting;
using HyperNest.Model;
using HyperNest.PowerShell.Tests.TestSupport;

namespace HyperNest.PowerShell.Tests.Cmdlets.Drives;

public sealed class DriveCommandTests : RecorderSession<DriveHostRecorder>
{
    private static string[] Cells(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private string[] Lines(string script) => Session.InvokeText(script).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public void GetVmHardDiskDrive_PrintsHyperVsTable_AndFiltersByPlace()
    {
        Host.HardDrives.Add(DriveHostRecorder.Disk(3, "/vhd/data.qcow2"));

        var lines = Lines("Get-VMHardDiskDrive -VMName web1 -ControllerLocation 3");

        Assert.Equal(["VMName", "ControllerType", "ControllerNumber", "ControllerLocation", "DiskNumber", "Path"], Cells(lines[0]));
        Assert.Equal(["web1", "SCSI", "0", "3", "/vhd/data.qcow2"], Cells(lines[2]));
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public void GetVmDvdDrive_PrintsHyperVsTable()
    {
        var lines = Lines("Get-VM | Get-VMDvdDrive");

        Assert.Equal(["VMName", "ControllerType", "ControllerNumber", "ControllerLocation", "DvdMediaType", "Path"], Cells(lines[0]));
        Assert.Equal(["web1", "SCSI", "0", "1", "ISO", "/iso/tools.iso"], Cells(lines[2]));
    }

    [Fact]
    public void GetVmFirmware_PrintsHyperVsTableWithTheBootOrderAsTypes()
    {
        var lines = Lines("Get-VMFirmware web1");

        Assert.Equal(["VMName", "SecureBoot", "PreferredNetworkBootProtocol", "BootOrder"], Cells(lines[0]));
        Assert.Equal(["web1", "Off", "IPv4", "{Drive,", "Network}"], Cells(lines[2]));
    }

    [Fact]
    public void AddVmHardDiskDrive_PositionalHyperVLine_IsOneHostCall()
    {
        var added = Session.InvokeAs<VmHardDiskDrive>("Add-VMHardDiskDrive web1 SCSI 0 2 /vhd/new.qcow2 -Passthru");

        var arguments = SingleChange(nameof(IVirtualizationHost.AddVmHardDiskDrive));
        Assert.Equal(new AddDriveRequest { ControllerType = ControllerType.SCSI, ControllerNumber = 0, ControllerLocation = 2, Path = "/vhd/new.qcow2" }, arguments[1]);
        Assert.Equal("/vhd/new.qcow2", Assert.Single(added).Path);
    }

    [Fact]
    public void AddVmHardDiskDrive_DiskNumber_IsRefusedBeforeTheHost()
    {
        var error = Session.Fails("Add-VMHardDiskDrive -VMName web1 -DiskNumber 2");

        Assert.Equal("PassThroughDiskNotSupported", error.ErrorId());
        Assert.Empty(Host.Changes);
    }

    [Fact]
    public void RemoveVmHardDiskDrive_FromThePipeline_RemovesEachByItsId()
    {
        Host.HardDrives.Add(DriveHostRecorder.Disk(3, "/vhd/data.qcow2"));

        Session.Succeeds("Get-VMHardDiskDrive -VMName web1 | Where-Object ControllerLocation -eq 3 | Remove-VMHardDiskDrive");

        Assert.Equal(Host.HardDrives[1].DriveId, SingleChange(nameof(IVirtualizationHost.RemoveVmHardDiskDrive))[1]);
    }

    [Fact]
    public void RemoveVmHardDiskDrive_NoDriveAtThatPlace_IsObjectNotFoundAndChangesNothing()
    {
        var error = Session.Fails("Remove-VMHardDiskDrive web1 SCSI 0 9");

        Assert.Equal("DriveNotFound", error.ErrorId());
        Assert.Contains("no drive on SCSI controller 0 at location 9", error.Message(), StringComparison.Ordinal);
        Assert.Empty(Host.Changes);
    }

    [Theory]
    [InlineData("$null")]
    [InlineData("''")]
    public void SetVmDvdDrive_PathNullOrEmpty_TakesTheIsoOut(string path)
    {
        Session.Succeeds($"Set-VMDvdDrive -VMName web1 -Path {path}");

        Assert.Equal(new SetDriveRequest { RemoveMedia = true }, SingleChange(nameof(IVirtualizationHost.SetVmDvdDrive))[2]);
    }

    [Fact]
    public void SetVmFirmware_DevicesAndBootEntries_BecomeTheirIds()
    {
        Session.Succeeds("Set-VMFirmware web1 -BootOrder (Get-VMNetworkAdapter -VMName web1), (Get-VMFirmware web1).BootOrder[0]");

        var request = (SetFirmwareRequest)SingleChange(nameof(IVirtualizationHost.SetVmFirmware))[1]!;
        Assert.Equal([Host.Adapter.AdapterId, Host.HardDrives[0].DriveId], request.BootOrder);
    }

    [Fact]
    public void SetVmFirmware_FirstBootDeviceFromGetVmDvdDrive_IsTheDrivesId()
    {
        Session.Succeeds("Set-VMFirmware -VMName web1 -FirstBootDevice (Get-VMDvdDrive -VMName web1)");

        Assert.Equal(Host.DvdDrives[0].DriveId, ((SetFirmwareRequest)SingleChange(nameof(IVirtualizationHost.SetVmFirmware))[1]!).FirstBootDevice);
    }

    [Fact]
    public void SetVmFirmware_SomethingElseAsBootDevice_IsAParameterError()
    {
        var error = Session.Fails("Set-VMFirmware web1 -FirstBootDevice 'disk'");

        Assert.Equal("InvalidBootDevice", error.ErrorId());
        Assert.Empty(Host.Changes);
    }
}
