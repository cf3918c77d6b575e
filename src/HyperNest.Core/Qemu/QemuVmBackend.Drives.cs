using HyperNest.Hosting;
using HyperNest.Model;
using HyperNest.Qemu.Qmp;
using HyperNest.State;

namespace HyperNest.Qemu;

/// <summary>A VM's drives on QEMU: at start (system disk on virtio-blk, the rest on IDE or virtio-scsi) and hot-plugged.</summary>
public sealed partial class QemuVmBackend
{
    private static readonly TimeSpan UnplugTimeout = TimeSpan.FromSeconds(10);

    public void AttachDrive(VmRecord vm, DriveAttachment drive)
    {
        var qemuDrive = ToQemuDrive(drive);
        var media = qemuDrive.Media ?? throw new InvalidOperationException("an empty drive cannot be hot-plugged.");
        QemuDiskFiles files;
        try
        {
            files = QemuDiskFiles.Open(media);
        }
        catch (IOException ex)
        {
            throw new InvalidOperationException($"the host could not open it for QEMU ({ex.Message}).", ex);
        }

        using (files)
        {
            var owner = FdSetOwner(qemuDrive.NodeName);
            WithQmpRefusals(vm, async qmp =>
            {
                try
                {
                    var layers = new List<(QemuDiskFormat, int)>();
                    foreach (var layer in files.Layers)
                    {
                        layers.Add((layer.Format, await qmp.AddFdAsync(layer.Handle, owner).ConfigureAwait(false)));
                    }

                    await qmp.BlockdevAddAsync(QemuDriveDevices.BlockdevOnDescriptors(media, qemuDrive.NodeName, layers)).ConfigureAwait(false);
                }
                catch (QmpException)
                {
                    await qmp.RemoveFdSetsAsync(owner).ConfigureAwait(false);
                    throw;
                }

                try
                {
                    await qmp.DeviceAddAsync(QemuDriveDevices.DeviceCommand(QemuDriveDevices.Device(qemuDrive))).ConfigureAwait(false);
                }
                catch (QmpException)
                {
                    await qmp.BlockdevDelAsync(qemuDrive.NodeName).ConfigureAwait(false);
                    await qmp.RemoveFdSetsAsync(owner).ConfigureAwait(false);
                    throw;
                }
            });
        }
    }

    /// <summary>The opaque text of the fd sets holding a hot-plugged node's images, to remove them with the node.</summary>
    private static string FdSetOwner(string nodeName) => "hn-node:" + nodeName;

    public void DetachDrive(VmRecord vm, DriveAttachment drive)
    {
        var qemuDrive = ToQemuDrive(drive);
        WithQmpRefusals(vm, async qmp =>
        {
            _ = qmp.TakeEvents();
            await qmp.DeviceDelAsync(qemuDrive.DeviceId).ConfigureAwait(false);
            // The node stays in use until the device is really gone, which DEVICE_DELETED announces.
            var deadline = DateTimeOffset.UtcNow + UnplugTimeout;
            while (true)
            {
                var left = deadline - DateTimeOffset.UtcNow;
                var deleted = await qmp.WaitForEventAsync(QmpEventNames.DeviceDeleted, left > TimeSpan.Zero ? left : TimeSpan.Zero).ConfigureAwait(false);
                if (deleted.Data?["device"]?.GetValue<string>() == qemuDrive.DeviceId)
                {
                    break;
                }
            }

            if (qemuDrive.Media is not null)
            {
                await qmp.BlockdevDelAsync(qemuDrive.NodeName).ConfigureAwait(false);
                // A drive attached at start has no fd sets (QEMU opened its images while still root); that is fine.
                await qmp.RemoveFdSetsAsync(FdSetOwner(qemuDrive.NodeName)).ConfigureAwait(false);
            }
        });
    }

    /// <summary>The system disk as the first virtio-blk device (the guest images' /dev/vda), every other drive where its controller puts it.</summary>
    private static (QemuDisk? SystemDisk, IReadOnlyList<QemuDrive> Drives) ToQemuDrives(IReadOnlyList<DriveAttachment> drives)
    {
        var system = drives.FirstOrDefault(d => d.IsSystemDisk);
        var systemDisk = system is { Path: { } path } ? new QemuDisk(path, Format(system.Format), BootIndex: system.BootIndex) : null;
        return (systemDisk, drives.Where(d => !d.IsSystemDisk).Select(ToQemuDrive).ToList());
    }

    private static QemuDrive ToQemuDrive(DriveAttachment drive)
    {
        var cdrom = drive.Kind == DriveKind.Dvd;
        var media = drive.Path is { } path ? new QemuDisk(path, Format(drive.Format), ReadOnly: cdrom) : null;
        var bus = drive.ControllerType == ControllerType.IDE ? QemuDriveBus.Ide : QemuDriveBus.Scsi;
        return new QemuDrive(bus, drive.ControllerNumber, drive.ControllerLocation, cdrom, media, drive.BootIndex);
    }

    private static QemuDiskFormat Format(string format) => format == "raw" ? QemuDiskFormat.Raw : QemuDiskFormat.Qcow2;

    /// <summary>QEMU's refusal (a worker started before it had the SCSI controller, a node in use) as the host's hot-plug failure.</summary>
    private void WithQmpRefusals(VmRecord vm, Func<QmpClient, Task> action)
    {
        try
        {
            WithQmp(vm, action);
        }
        catch (QmpException ex)
        {
            throw new InvalidOperationException($"QEMU refused it ({ex.Description}).", ex);
        }
    }
}
