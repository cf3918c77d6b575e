using HyperNest.Hosting;
using HyperNest.Model;
using HyperNest.PowerShell.Tests.TestSupport;

namespace HyperNest.PowerShell.Tests.Cmdlets.Drives;

/// <summary>A recording host for the drive and firmware cmdlets: one generation 2 VM "web1" with the drives and adapter the lists hold.</summary>
public class DriveHostRecorder : RecordingHost
{
    public static readonly Guid VmId = Guid.NewGuid();

    public List<VmHardDiskDrive> HardDrives { get; } = [Disk(0, "/vhd/system.qcow2")];

    public List<VmDvdDrive> DvdDrives { get; } = [new() { VMName = "web1", VMId = VmId, DriveId = Guid.NewGuid(), ControllerType = ControllerType.SCSI, ControllerLocation = 1, Path = "/iso/tools.iso" }];

    public VmNetworkAdapter Adapter { get; } = new() { Name = "Network Adapter", AdapterId = Guid.NewGuid(), VMName = "web1", VMId = VmId, MacAddress = "02484E000001" };

    public static VmHardDiskDrive Disk(int location, string path) =>
        new() { VMName = "web1", VMId = VmId, DriveId = Guid.NewGuid(), ControllerType = ControllerType.SCSI, ControllerLocation = location, Path = path };

    protected override object? Answer(string method, object?[] a) => method switch
    {
        nameof(IVirtualizationHost.GetVms) => new[] { new VirtualMachine { Name = "web1", Id = VmId, State = VmState.Off, Status = "", Version = "12.0", Generation = 2 } },
        nameof(IVirtualizationHost.GetVmHardDiskDrives) => HardDrives,
        nameof(IVirtualizationHost.GetVmDvdDrives) => DvdDrives,
        nameof(IVirtualizationHost.GetVmNetworkAdapters) => new[] { Adapter },
        nameof(IVirtualizationHost.AddVmHardDiskDrive) => Disk(2, ((AddDriveRequest)a[1]!).Path!),
        nameof(IVirtualizationHost.SetVmDvdDrive) => DvdDrives[0],
        nameof(IVirtualizationHost.RemoveVmHardDiskDrive) => null,
        nameof(IVirtualizationHost.GetVmFirmware) or nameof(IVirtualizationHost.SetVmFirmware) => new VmFirmware
        {
            VMName = "web1",
            VMId = VmId,
            // A List, as the host makes it: PowerShell indexes IList objects ((Get-VMFirmware x).BootOrder[0]).
            BootOrder = new List<VmBootSource>
            {
                new VmBootSource { BootType = BootSourceType.Drive, Description = "EFI SCSI Device", Device = HardDrives[0], DeviceId = HardDrives[0].DriveId, VMName = "web1" },
                new VmBootSource { BootType = BootSourceType.Network, Description = "EFI Network", Device = Adapter, DeviceId = Adapter.AdapterId, VMName = "web1" },
            },
        },
        _ => throw new NotSupportedException($"{method} is not part of the drive cmdlets' tests"),
    };
}
