using System.Globalization;
using System.Text.Json.Nodes;

namespace HyperNest.Qemu;

/// <summary>
/// The block nodes and devices of a VM's drives, in the two shapes QEMU takes them: -blockdev/-device
/// arguments at start, and blockdev-add/device_add QMP commands for hot-plug, built from the same properties
/// so a hot-added disk looks to the guest exactly as a cold-plugged one.
/// </summary>
public static class QemuDriveDevices
{
    /// <summary>The virtio-scsi controller every VM gets (Hyper-V's SCSI controller 0); hot-plugged SCSI disks need it present from start.</summary>
    public static string ScsiControllerId(int number) => "hn-scsi" + number.ToString(CultureInfo.InvariantCulture);

    /// <summary>A format node over a protocol node (file, or host_device for a block device); the path only ever travels inside JSON.</summary>
    public static JsonObject Blockdev(QemuDisk disk, string node) => new()
    {
        ["driver"] = disk.Format == QemuDiskFormat.Qcow2 ? "qcow2" : "raw",
        ["node-name"] = node,
        ["read-only"] = disk.ReadOnly,
        ["file"] = new JsonObject
        {
            ["driver"] = disk.HostDevice ? "host_device" : "file",
            ["filename"] = disk.Path,
            ["node-name"] = node + "-file",
            ["read-only"] = disk.ReadOnly,
        },
    };

    /// <summary>
    /// The node graph of a hot-plugged disk whose images QEMU got as descriptors: <paramref name="layers"/> are the
    /// disk and its backing files, top first, each with the fd set holding its descriptor. Backing nodes are given
    /// inline, so they go with the disk's node at blockdev-del.
    /// </summary>
    public static JsonObject BlockdevOnDescriptors(QemuDisk disk, string node, IReadOnlyList<(QemuDiskFormat Format, int FdSet)> layers)
    {
        JsonObject? below = null;
        for (var i = layers.Count - 1; i >= 0; i--)
        {
            var (format, fdSet) = layers[i];
            var top = i == 0;
            var readOnly = !top || disk.ReadOnly;
            var file = new JsonObject
            {
                ["driver"] = top && disk.HostDevice ? "host_device" : "file",
                ["filename"] = "/dev/fdset/" + fdSet.ToString(CultureInfo.InvariantCulture),
                ["read-only"] = readOnly,
            };
            var image = new JsonObject { ["driver"] = format == QemuDiskFormat.Qcow2 ? "qcow2" : "raw", ["read-only"] = readOnly, ["file"] = file };
            if (top)
            {
                image["node-name"] = node;
                file["node-name"] = node + "-file";
            }

            if (below is not null)
            {
                image["backing"] = below;
            }

            below = image;
        }

        return below ?? throw new ArgumentException("a disk has at least one image", nameof(layers));
    }

    /// <summary>The device's driver and properties, in -device order.</summary>
    public static IReadOnlyList<(string Key, object Value)> Device(QemuDrive drive)
    {
        var driver = (drive.Bus, drive.Cdrom) switch
        {
            (QemuDriveBus.Ide, false) => "ide-hd",
            (QemuDriveBus.Ide, true) => "ide-cd",
            (QemuDriveBus.Scsi, false) => "scsi-hd",
            (QemuDriveBus.Scsi, true) => "scsi-cd",
            _ => throw new ArgumentOutOfRangeException(nameof(drive)),
        };
        var properties = new List<(string, object)> { ("driver", driver) };
        if (drive.Media is not null)
        {
            properties.Add(("drive", drive.NodeName));
        }

        // The PIIX board names its two IDE buses ide.0 and ide.1; a unit is master (0) or slave (1). A
        // virtio-scsi controller's bus is <id>.0; Hyper-V's location becomes the SCSI target id.
        properties.AddRange(drive.Bus == QemuDriveBus.Ide
            ? [("bus", "ide." + drive.Controller.ToString(CultureInfo.InvariantCulture)), ("unit", drive.Location)]
            : [("bus", ScsiControllerId(drive.Controller) + ".0"), ("channel", 0), ("scsi-id", drive.Location), ("lun", 0)]);
        properties.Add(("id", drive.DeviceId));
        if (drive.BootIndex is { } index)
        {
            properties.Add(("bootindex", index));
        }

        return properties;
    }

    /// <summary>"driver,key=value,…" for -device.</summary>
    public static string DeviceArgument(IReadOnlyList<(string Key, object Value)> properties) =>
        string.Join(',', properties.Select(p => p.Key == "driver" ? Text(p.Value) : p.Key + "=" + Text(p.Value)));

    /// <summary>The device_add arguments: the same properties, numbers as JSON numbers.</summary>
    public static JsonObject DeviceCommand(IReadOnlyList<(string Key, object Value)> properties)
    {
        var command = new JsonObject();
        foreach (var (key, value) in properties)
        {
            command[key] = value is int number ? JsonValue.Create(number) : JsonValue.Create(Text(value));
        }

        return command;
    }

    private static string Text(object value) => Convert.ToString(value, CultureInfo.InvariantCulture)!;
}
