using System.Globalization;
using System.Text.Json.Nodes;
using HyperNest.Model;

namespace HyperNest.Qemu;

/// <summary>
/// Turns a <see cref="QemuLaunchSpec"/> into QEMU's argv. No shell ever sees it. Values we do not
/// control (disk and firmware-variable paths) only appear inside -blockdev JSON, whose escaping leaves
/// them no way to start another option; everything else is ours and checked by <see cref="QemuArgumentSafety"/>.
/// </summary>
public static class QemuCommandLine
{
    public const string DiskNode = "hn-disk0";
    public const string IntegrationDiskNode = "hn-tools";
    public const string OvmfCodeNode = "hn-ovmf-code";
    public const string OvmfVarsNode = "hn-ovmf-vars";
    public const string GuestAgentChardev = "hn-qga";
    public const string PowerShellDirectChardev = "hn-psdirect";
    public const string SerialChardev = "hn-serial0";
    public const string VirtioSerialBus = "hn-vserial";
    public const string HotplugMemoryDevice = "hn-vmem";
    public const string HotplugMemoryBackend = "hn-vmem-ram";

    /// <summary>The port name qemu-guest-agent opens inside the guest (/dev/virtio-ports/org.qemu.guest_agent.0).</summary>
    public const string GuestAgentPortName = "org.qemu.guest_agent.0";

    private const long MiB = 1024 * 1024;

    public static IReadOnlyList<string> Build(QemuLaunchSpec spec)
    {
        Validate(spec);
        var runtime = spec.Runtime;
        var args = new List<string>
        {
            "-name", "guest=" + spec.GuestName,
            "-nodefaults",
            "-no-user-config",
            "-machine", MachineArgument(spec),
            "-accel", spec.Accelerator == AcceleratorKind.KVM ? "kvm" : "tcg",
            "-cpu", QemuCpuArgument.For(spec.Accelerator, spec.ExposeVirtualizationExtensions),
            "-smp", spec.ProcessorCount.ToString(CultureInfo.InvariantCulture),
            "-m", MemoryArgument(spec),
            "-display", "none",
        };

        if (spec.HotplugMemory is { } hotplug)
        {
            // One virtio-mem device over the whole region: untouched, its memory costs the host nothing (the
            // backend's pages are only allocated when the guest uses them), and what is unplugged is given back.
            // reserve=off: the region (as large as the host's memory) must not count against a strict commit limit.
            args.Add("-object");
            args.Add("memory-backend-ram,id=" + HotplugMemoryBackend + ",size=" + MiBArgument(hotplug.RegionBytes) + ",reserve=off");
            args.Add("-device");
            args.Add("virtio-mem-pci,id=" + HotplugMemoryDevice + ",memdev=" + HotplugMemoryBackend + ",requested-size=" + MiBArgument(hotplug.PluggedFor(spec.MemoryBytes)));
        }

        if (spec.Generation == 2)
        {
            args.Add("-blockdev");
            args.Add(Json(new JsonObject
            {
                ["driver"] = "file",
                ["filename"] = QemuFirmware.OvmfCode,
                ["node-name"] = OvmfCodeNode,
                ["read-only"] = true,
            }));
            args.Add("-blockdev");
            args.Add(Json(new JsonObject
            {
                ["driver"] = "file",
                ["filename"] = spec.OvmfVarsPath,
                ["node-name"] = OvmfVarsNode,
                ["read-only"] = false,
            }));
        }

        if (spec.Disk is { } disk)
        {
            AddDisk(args, disk, DiskNode);
        }

        for (var i = 0; i < spec.NetworkAdapters.Count; i++)
        {
            var adapter = spec.NetworkAdapters[i];
            var netdev = NetworkBackendId(i);
            args.Add("-netdev");
            args.Add("tap,id=" + netdev + ",ifname=" + adapter.TapName + ",script=no,downscript=no");
            args.Add("-device");
            args.Add("virtio-net-pci,netdev=" + netdev + ",mac=" + adapter.MacAddress.ToLowerInvariant() + ",id=" + NetworkDeviceId(i) + BootIndexProperty(adapter.BootIndex));
        }

        if (spec.KernelBoot is { } boot)
        {
            args.Add("-kernel");
            args.Add(boot.KernelPath);
            if (boot.InitrdPath is not null)
            {
                args.Add("-initrd");
                args.Add(boot.InitrdPath);
            }

            if (boot.Append is not null)
            {
                args.Add("-append");
                args.Add(boot.Append);
            }
        }

        args.AddRange(
        [
            // append=on: a restart or a restore from saved state continues the console log instead of truncating it.
            "-chardev", "file,id=" + SerialChardev + ",path=" + runtime.SerialLog + ",append=on",
            "-serial", "chardev:" + SerialChardev,
            "-chardev", "socket,id=" + GuestAgentChardev + ",path=" + runtime.GuestAgentSocket + ",server=on,wait=off",
            "-device", "virtio-serial-pci,id=" + VirtioSerialBus,
            "-device", "virtserialport,bus=" + VirtioSerialBus + ".0,chardev=" + GuestAgentChardev + ",name=" + GuestAgentPortName,
            "-chardev", "socket,id=" + PowerShellDirectChardev + ",path=" + runtime.PowerShellDirectSocket + ",server=on,wait=off",
            "-device", "virtserialport,bus=" + VirtioSerialBus + ".0,chardev=" + PowerShellDirectChardev + ",name=" + Images.GuestContract.PowerShellDirectPortName,
            // Entropy for the guest kernel's early boot (otherwise getrandom() can stall under TCG).
            "-device", "virtio-rng-pci",
            // Hyper-V's SCSI controller 0, present even without SCSI drives so disks can be hot-plugged onto it.
            // After the devices above, so it takes a PCI slot none of theirs had.
            "-device", "virtio-scsi-pci,id=" + QemuDriveDevices.ScsiControllerId(0),
        ]);

        foreach (var drive in spec.Drives)
        {
            if (drive.Media is { } media)
            {
                args.Add("-blockdev");
                args.Add(Json(QemuDriveDevices.Blockdev(media, drive.NodeName)));
            }

            args.Add("-device");
            args.Add(QemuDriveDevices.DeviceArgument(QemuDriveDevices.Device(drive)));
        }

        // Last of all devices: PCI slots are handed out in command-line order, and the guest names
        // virtio disks (vda, vdb, …) and NICs in slot order, so the VM's own devices keep theirs.
        if (spec.IntegrationDisk is { } integration)
        {
            AddDisk(args, integration, IntegrationDiskNode);
        }

        args.AddRange(["-qmp", "unix:" + runtime.QmpSocket + ",server=on,wait=off"]);
        args.AddRange(["-chardev", "socket,id=hn-events,path=" + runtime.EventsSocket + ",server=on,wait=off", "-mon", "chardev=hn-events,mode=control"]);

        if (spec.IncomingStateFile is not null)
        {
            // The state arrives later as a descriptor (QmpClient.LoadStateAsync): after -runas, QEMU cannot open the file.
            args.AddRange(["-incoming", "defer"]);
        }

        if (spec.RunAsUser is { } user)
        {
            args.AddRange(["-runas", user]);
        }

        args.AddRange(["-sandbox", QemuConfinement.SandboxOptions]);

        // QEMU's messages (its stderr, which the launcher appends to the VM's QEMU log) get timestamps to line
        // them up with HyperNest's own records. Not daemonized: see QemuProcessLauncher.
        args.AddRange(["-msg", "timestamp=on", "-pidfile", runtime.PidFile]);
        return args;
    }

    /// <summary>The disk's block nodes and the virtio-blk device on them.</summary>
    private static void AddDisk(List<string> args, QemuDisk disk, string node)
    {
        args.Add("-blockdev");
        args.Add(Json(QemuDriveDevices.Blockdev(disk, node)));
        args.Add("-device");
        args.Add("virtio-blk-pci,drive=" + node + ",id=" + node + "-dev" + (disk.Serial is { } serial ? ",serial=" + serial : "") + BootIndexProperty(disk.BootIndex));
    }

    private static string BootIndexProperty(int? index) => index is { } i ? ",bootindex=" + i.ToString(CultureInfo.InvariantCulture) : "";

    private static string MachineArgument(QemuLaunchSpec spec) => spec.Generation == 1
        ? "pc"
        : "q35,pflash0=" + OvmfCodeNode + ",pflash1=" + OvmfVarsNode;

    private static string Json(JsonObject value) => value.ToJsonString();

    /// <summary>virtio-mem's block size on x86 (QEMU's default, the transparent huge page size): sizes are whole blocks.</summary>
    public const long HotplugBlockBytes = 2 * MiB;

    /// <summary>-m: fixed memory, or the boot memory with maxmem room for the hot-pluggable region.</summary>
    private static string MemoryArgument(QemuLaunchSpec spec) => spec.HotplugMemory is { } hotplug
        ? MiBArgument(hotplug.BaseBytes) + ",maxmem=" + MiBArgument(hotplug.MaximumBytes)
        : (spec.MemoryBytes / MiB).ToString(CultureInfo.InvariantCulture) + "M";

    private static string MiBArgument(long bytes) => (bytes / MiB).ToString(CultureInfo.InvariantCulture) + "M";

    private static void Validate(QemuLaunchSpec spec)
    {
        if (spec.Generation is not (1 or 2))
        {
            throw new ArgumentException($"generation must be 1 or 2, not {spec.Generation}", nameof(spec));
        }

        if (spec.Generation == 2 && string.IsNullOrEmpty(spec.OvmfVarsPath))
        {
            throw new ArgumentException("a generation 2 VM needs its own OVMF variable store file", nameof(spec));
        }

        if (spec.MemoryBytes < 32 * MiB || spec.MemoryBytes % MiB != 0)
        {
            throw new ArgumentException($"memory must be a whole number of MiB, at least 32 MiB: {spec.MemoryBytes}", nameof(spec));
        }

        if (spec.HotplugMemory is { } layout && (layout.BaseBytes < 32 * MiB || layout.BaseBytes % MiB != 0 || layout.RegionBytes <= 0
            || layout.RegionBytes % HotplugBlockBytes != 0 || spec.MemoryBytes < layout.BaseBytes || spec.MemoryBytes > layout.MaximumBytes
            || (spec.MemoryBytes - layout.BaseBytes) % HotplugBlockBytes != 0))
        {
            throw new ArgumentException($"the hot-pluggable memory must be whole 2 MiB blocks above a base of whole MiB holding the startup memory: {layout}, startup {spec.MemoryBytes}", nameof(spec));
        }

        if (spec.ProcessorCount < 1)
        {
            throw new ArgumentException($"processor count must be at least 1: {spec.ProcessorCount}", nameof(spec));
        }

        var runtime = spec.Runtime;
        QemuArgumentSafety.RequireSocketPath(runtime.QmpSocket, "QMP socket path");
        QemuArgumentSafety.RequireSocketPath(runtime.GuestAgentSocket, "guest agent socket path");
        QemuArgumentSafety.RequireSocketPath(runtime.PowerShellDirectSocket, "PowerShell Direct socket path");
        QemuArgumentSafety.RequireSocketPath(runtime.EventsSocket, "QMP events socket path");
        QemuArgumentSafety.RequireOptionSafePath(runtime.SerialLog, "serial log path");
        QemuArgumentSafety.RequireOptionSafePath(runtime.PidFile, "pid file path");
        QemuArgumentSafety.RequireOptionSafePath(runtime.QemuLog, "QEMU log path");

        foreach (var serial in new[] { spec.Disk?.Serial, spec.IntegrationDisk?.Serial }.OfType<string>())
        {
            // virtio-blk carries at most 20 bytes (VIRTIO_BLK_ID_BYTES), and the serial travels in -device's option syntax.
            if (serial.Length is 0 or > 20 || !serial.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                throw new ArgumentException($"disk serial must be 1-20 characters of A-Z a-z 0-9 _ -: '{serial}'", nameof(spec));
            }
        }

        foreach (var drive in spec.Drives)
        {
            var (controllers, locations) = drive.Bus == QemuDriveBus.Ide ? (2, 2) : (1, 64);
            if (drive.Controller < 0 || drive.Controller >= controllers || drive.Location < 0 || drive.Location >= locations)
            {
                throw new ArgumentException($"no {drive.Bus} location {drive.Controller}:{drive.Location} on this machine", nameof(spec));
            }

            if (drive.Bus == QemuDriveBus.Ide && spec.Generation != 1)
            {
                throw new ArgumentException("IDE drives exist on generation 1 (i440FX) only", nameof(spec));
            }
        }

        foreach (var adapter in spec.NetworkAdapters)
        {
            if (!QemuNetworkAdapter.IsValidTapName(adapter.TapName))
            {
                throw new ArgumentException($"tap name must be 1-15 characters of a-z 0-9 _ -: '{adapter.TapName}'", nameof(spec));
            }

            if (!QemuNetworkAdapter.IsValidMac(adapter.MacAddress))
            {
                throw new ArgumentException($"MAC address must look like 02:00:00:12:34:56: '{adapter.MacAddress}'", nameof(spec));
            }
        }

        if (spec.KernelBoot is { } boot)
        {
            // -initrd takes a comma-separated list (multiboot modules), so a ',' would split the path.
            QemuArgumentSafety.RequireOptionSafePath(boot.KernelPath, "kernel path");
            if (boot.InitrdPath is not null)
            {
                QemuArgumentSafety.RequireOptionSafePath(boot.InitrdPath, "initrd path");
            }

            if (boot.Append is not null)
            {
                QemuArgumentSafety.RequireNoControlCharacters(boot.Append, "kernel command line");
            }
        }

        if (spec.RunAsUser is { } user && !QemuArgumentSafety.IsUserName(user))
        {
            throw new ArgumentException($"'{user}' is not a user name QEMU's -runas can take", nameof(spec));
        }
    }

    /// <summary>The -netdev id of the adapter in <paramref name="slot"/>.</summary>
    public static string NetworkBackendId(int slot) => "hn-net" + slot.ToString(CultureInfo.InvariantCulture);

    /// <summary>The virtio-net device id of the adapter in <paramref name="slot"/> (what QMP set_link names).</summary>
    public static string NetworkDeviceId(int slot) => NetworkBackendId(slot) + "-dev";
}
