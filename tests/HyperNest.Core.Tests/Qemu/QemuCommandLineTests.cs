using System.Text.Json.Nodes;
using HyperNest.Model;
using HyperNest.Qemu;

namespace HyperNest.Core.Tests.Qemu;

public sealed class QemuCommandLineTests
{
    private static readonly Guid Id = Guid.Parse("6f1c2b7e-58a4-4c0e-9d6b-2a1f0e3c4d5b");

    private static readonly QemuRuntimePaths Runtime = QemuRuntimePaths.ForVm("/run/hypernest", Id);

    private static QemuLaunchSpec Gen1Tcg => new()
    {
        VmId = Id,
        Generation = 1,
        MemoryBytes = 512L * 1024 * 1024,
        ProcessorCount = 2,
        Accelerator = AcceleratorKind.TCG,
        ExposeVirtualizationExtensions = true,
        Disk = new QemuDisk("/var/lib/hypernest/disks/vm.qcow2"),
        KernelBoot = new QemuDirectKernelBoot("/var/lib/hypernest/images/host/vmlinuz", "/var/lib/hypernest/images/host/initrd.img", "console=ttyS0 root=/dev/vda rw"),
        Runtime = Runtime,
    };

    [Fact]
    public void Build_Gen1Tcg_MatchesGoldenArgv()
    {
        const string dir = "/run/hypernest/6f1c2b7e-58a4-4c0e-9d6b-2a1f0e3c4d5b";
        string[] expected =
        [
            "-name", "guest=hn-6f1c2b7e-58a4-4c0e-9d6b-2a1f0e3c4d5b",
            "-nodefaults",
            "-no-user-config",
            "-machine", "pc",
            "-accel", "tcg",
            "-cpu", "qemu64,+svm,+npt",
            "-smp", "2",
            "-m", "512M",
            "-display", "none",
            "-blockdev", """{"driver":"qcow2","node-name":"hn-disk0","read-only":false,"file":{"driver":"file","filename":"/var/lib/hypernest/disks/vm.qcow2","node-name":"hn-disk0-file","read-only":false}}""",
            "-device", "virtio-blk-pci,drive=hn-disk0,id=hn-disk0-dev",
            "-kernel", "/var/lib/hypernest/images/host/vmlinuz",
            "-initrd", "/var/lib/hypernest/images/host/initrd.img",
            "-append", "console=ttyS0 root=/dev/vda rw",
            "-chardev", $"file,id=hn-serial0,path={dir}/serial.log,append=on",
            "-serial", "chardev:hn-serial0",
            "-chardev", $"socket,id=hn-qga,path={dir}/qga.sock,server=on,wait=off",
            "-device", "virtio-serial-pci,id=hn-vserial",
            "-device", "virtserialport,bus=hn-vserial.0,chardev=hn-qga,name=org.qemu.guest_agent.0",
            "-chardev", $"socket,id=hn-psdirect,path={dir}/psdirect.sock,server=on,wait=off",
            "-device", "virtserialport,bus=hn-vserial.0,chardev=hn-psdirect,name=org.hypernest.powershell-direct.0",
            "-device", "virtio-rng-pci",
            "-device", "virtio-scsi-pci,id=hn-scsi0",
            "-qmp", $"unix:{dir}/qmp.sock,server=on,wait=off",
            "-chardev", $"socket,id=hn-events,path={dir}/events.qmp,server=on,wait=off",
            "-mon", "chardev=hn-events,mode=control",
            "-runas", "hypernest-qemu",
            "-sandbox", "on,obsolete=deny,elevateprivileges=allow,spawn=deny,resourcecontrol=deny",
            "-msg", "timestamp=on",
            "-pidfile", $"{dir}/qemu.pid",
        ];

        Assert.Equal(expected, QemuCommandLine.Build(Gen1Tcg));
    }

    [Theory]
    [InlineData(AcceleratorKind.TCG, true, "qemu64,+svm,+npt")]
    [InlineData(AcceleratorKind.TCG, false, "qemu64,-svm")]
    [InlineData(AcceleratorKind.KVM, true, "host")]
    [InlineData(AcceleratorKind.KVM, false, "host,-vmx,-svm")]
    public void Build_AcceleratorAndNesting_ChoosesCpuModel(AcceleratorKind accelerator, bool expose, string cpu)
    {
        var argv = QemuCommandLine.Build(Gen1Tcg with { Accelerator = accelerator, ExposeVirtualizationExtensions = expose });

        Assert.Equal(cpu, ValueOf(argv, "-cpu"));
        Assert.Equal(accelerator == AcceleratorKind.KVM ? "kvm" : "tcg", ValueOf(argv, "-accel"));
    }

    [Fact]
    public void Build_Gen2_UsesQ35WithOvmfPflashNodes()
    {
        var argv = QemuCommandLine.Build(Gen1Tcg with { Generation = 2, OvmfVarsPath = "/var/lib/hypernest/vms/x/OVMF_VARS.fd" });

        Assert.Equal("q35,pflash0=hn-ovmf-code,pflash1=hn-ovmf-vars", ValueOf(argv, "-machine"));
        var blockdevs = argv.Select((a, i) => (a, i)).Where(p => p.a == "-blockdev").Select(p => JsonNode.Parse(argv[p.i + 1])!).ToList();
        Assert.Contains(blockdevs, b => b["node-name"]!.GetValue<string>() == "hn-ovmf-code" && b["filename"]!.GetValue<string>() == QemuFirmware.OvmfCode && b["read-only"]!.GetValue<bool>());
        Assert.Contains(blockdevs, b => b["node-name"]!.GetValue<string>() == "hn-ovmf-vars" && b["filename"]!.GetValue<string>() == "/var/lib/hypernest/vms/x/OVMF_VARS.fd");
    }

    [Fact]
    public void Build_HotplugMemory_BootsWithTheBase_AndPlugsTheRestOfTheStartupMemory()
    {
        var argv = QemuCommandLine.Build(Gen1Tcg with { HotplugMemory = new HyperNest.State.MemoryLayout(256L << 20, 3840L << 20) }).ToList();

        Assert.Equal("256M,maxmem=4096M", argv[argv.IndexOf("-m") + 1]);
        Assert.Contains("memory-backend-ram,id=hn-vmem-ram,size=3840M,reserve=off", argv);
        Assert.Contains("virtio-mem-pci,id=hn-vmem,memdev=hn-vmem-ram,requested-size=256M", argv);
    }

    [Theory]
    [InlineData(1024L << 20, 3072L << 20)] // startup (512 MiB) below the base
    [InlineData(256L << 20, 3L << 20)] // a region of no whole 2 MiB blocks
    [InlineData(128L << 20, 256L << 20)] // startup above base + region
    [InlineData(255L << 20, 3840L << 20)] // 257 MiB to plug: not whole blocks
    public void Build_HotplugMemoryThatCannotHoldTheStartupMemory_IsRefused(long baseBytes, long regionBytes)
    {
        Assert.Throws<ArgumentException>(() => QemuCommandLine.Build(Gen1Tcg with { HotplugMemory = new HyperNest.State.MemoryLayout(baseBytes, regionBytes) }));
    }

    [Fact]
    public void Build_Gen2WithoutVarsFile_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => QemuCommandLine.Build(Gen1Tcg with { Generation = 2 }));
    }

    [Theory]
    [InlineData("/srv/vms/evil,file.locking=off.qcow2")]
    [InlineData("/srv/vms/my disk \"quoted\" 'single';$(reboot)`id`.qcow2")]
    [InlineData("/srv/vms/a,,b=c\\d\nnewline.qcow2")]
    public void Build_HostileDiskPath_StaysInsideOneJsonString(string path)
    {
        var argv = QemuCommandLine.Build(Gen1Tcg with { Disk = new QemuDisk(path) });

        var index = argv.ToList().IndexOf("-blockdev");
        var json = JsonNode.Parse(argv[index + 1])!;
        Assert.Equal(path, json["file"]!["filename"]!.GetValue<string>());
        Assert.Equal(2, json.AsObject().Count(p => p.Key is "driver" or "node-name"));
        Assert.Single(argv, a => a.Contains("evil", StringComparison.Ordinal) || a.Contains("reboot", StringComparison.Ordinal) || a.Contains("newline", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_NeverContainsAnyTextOfTheUsersVmName()
    {
        // The spec has no VM name at all; the guest name comes from the GUID only.
        var argv = QemuCommandLine.Build(Gen1Tcg);

        Assert.Contains("guest=hn-" + Id.ToString("D"), argv);
        Assert.All(argv, a => Assert.DoesNotContain("$(", a, StringComparison.Ordinal));
        Assert.All(argv, a => Assert.DoesNotContain("`", a, StringComparison.Ordinal));
        Assert.All(argv, a => Assert.DoesNotContain(";", a, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/boot/vmlinuz,initrd=/etc/shadow")]
    [InlineData("relative/vmlinuz")]
    [InlineData("/boot/vml\ninuz")]
    public void Build_UnsafeKernelPath_IsRefused(string kernel)
    {
        Assert.Throws<ArgumentException>(() => QemuCommandLine.Build(Gen1Tcg with { KernelBoot = new QemuDirectKernelBoot(kernel) }));
    }

    [Fact]
    public void Build_InitrdWithComma_IsRefused()
    {
        // -initrd is a comma-separated module list for multiboot kernels.
        Assert.Throws<ArgumentException>(() => QemuCommandLine.Build(Gen1Tcg with { KernelBoot = new QemuDirectKernelBoot("/boot/vmlinuz", "/boot/a,b") }));
    }

    [Fact]
    public void Build_AppendWithNewline_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => QemuCommandLine.Build(Gen1Tcg with { KernelBoot = new QemuDirectKernelBoot("/boot/vmlinuz", null, "console=ttyS0\ninit=/bin/sh") }));
    }

    [Fact]
    public void Build_RuntimeDirWithComma_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => QemuCommandLine.Build(Gen1Tcg with { Runtime = QemuRuntimePaths.ForVm("/run/a,server=off", Id) }));
    }

    [Fact]
    public void Build_SocketPathTooLong_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => QemuCommandLine.Build(Gen1Tcg with { Runtime = QemuRuntimePaths.ForVm("/run/" + new string('x', 80), Id) }));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(16L * 1024 * 1024)]
    [InlineData(512L * 1024 * 1024 + 1)]
    public void Build_BadMemory_IsRefused(long bytes)
    {
        Assert.Throws<ArgumentException>(() => QemuCommandLine.Build(Gen1Tcg with { MemoryBytes = bytes }));
    }

    [Theory]
    [InlineData("/var/lib/hypernest/vms/x/saved.state")]
    [InlineData("/var/lib/x/state; rm -rf /")]
    public void Build_IncomingState_WaitsForTheStateAsADescriptor_WhateverThePath(string file)
    {
        var argv = QemuCommandLine.Build(Gen1Tcg with { IncomingStateFile = file });

        Assert.Equal("defer", ValueOf(argv, "-incoming"));
        Assert.DoesNotContain(argv, a => a.Contains(file, StringComparison.Ordinal));
    }

    [Fact]
    public void Build_NoIncomingState_HasNoIncoming()
    {
        Assert.DoesNotContain("-incoming", QemuCommandLine.Build(Gen1Tcg));
    }

    [Fact]
    public void Build_Confinement_DropsToTheQemuUserUnderASeccompFilter()
    {
        var argv = QemuCommandLine.Build(Gen1Tcg);

        Assert.Equal(QemuConfinement.UserName, ValueOf(argv, "-runas"));
        var sandbox = ValueOf(argv, "-sandbox");
        Assert.StartsWith("on,", sandbox, StringComparison.Ordinal);
        Assert.Contains("obsolete=deny", sandbox, StringComparison.Ordinal);
        Assert.Contains("resourcecontrol=deny", sandbox, StringComparison.Ordinal);
        Assert.Contains("spawn=deny", sandbox, StringComparison.Ordinal);
        Assert.DoesNotContain("-daemonize", argv);
    }

    [Fact]
    public void Build_NoRunAsUser_KeepsTheLaunchingUser()
    {
        Assert.DoesNotContain("-runas", QemuCommandLine.Build(Gen1Tcg with { RunAsUser = null }));
    }

    [Theory]
    [InlineData("root,chroot=/")]
    [InlineData("-nodefaults")]
    [InlineData("")]
    [InlineData("Qemu")]
    public void Build_RunAsUserThatIsNoUserName_IsRefused(string user)
    {
        Assert.Throws<ArgumentException>(() => QemuCommandLine.Build(Gen1Tcg with { RunAsUser = user }));
    }

    [Fact]
    public void Build_RawReadOnlyDisk_SetsFormatAndReadOnly()
    {
        var argv = QemuCommandLine.Build(Gen1Tcg with { Disk = new QemuDisk("/srv/base.img", QemuDiskFormat.Raw, ReadOnly: true) });

        var json = JsonNode.Parse(ValueOf(argv, "-blockdev"))!;
        Assert.Equal("raw", json["driver"]!.GetValue<string>());
        Assert.True(json["read-only"]!.GetValue<bool>());
    }

    [Fact]
    public void Build_NetworkAdapters_TapNetdevAndVirtioNetInSlotOrder()
    {
        var argv = QemuCommandLine.Build(Gen1Tcg with
        {
            NetworkAdapters = [new QemuNetworkAdapter("hn-t-6f1c2b7e0", "02:48:4E:00:00:01"), new QemuNetworkAdapter("hn-t-6f1c2b7e1", "02:48:4e:00:00:02")],
        });

        var list = argv.ToList();
        var first = list.IndexOf("-netdev");
        Assert.Equal(
            ["-netdev", "tap,id=hn-net0,ifname=hn-t-6f1c2b7e0,script=no,downscript=no", "-device", "virtio-net-pci,netdev=hn-net0,mac=02:48:4e:00:00:01,id=hn-net0-dev",
             "-netdev", "tap,id=hn-net1,ifname=hn-t-6f1c2b7e1,script=no,downscript=no", "-device", "virtio-net-pci,netdev=hn-net1,mac=02:48:4e:00:00:02,id=hn-net1-dev"],
            list.GetRange(first, 8));
    }

    [Theory]
    [InlineData("tap0,script=/tmp/evil", "02:00:00:00:00:01")]
    [InlineData("a-name-much-too-long", "02:00:00:00:00:01")]
    [InlineData("tap0", "02:00:00:00:00:01,romfile=/x")]
    [InlineData("tap0", "02-00-00-00-00-01")]
    public void Build_BadTapOrMac_IsRefused(string tap, string mac)
    {
        Assert.Throws<ArgumentException>(() => QemuCommandLine.Build(Gen1Tcg with { NetworkAdapters = [new QemuNetworkAdapter(tap, mac)] }));
    }

    private static readonly QemuDisk Tools = new("/var/cache/hypernest/images/hypernest-tools-0123456789ab/tools.img", QemuDiskFormat.Raw, ReadOnly: true, Serial: "hypernest-tools");

    [Fact]
    public void Build_IntegrationDisk_IsTheLastDeviceReadOnlyWithItsSerial()
    {
        var argv = QemuCommandLine.Build(Gen1Tcg with
        {
            NetworkAdapters = [new QemuNetworkAdapter("hn-t-6f1c2b7e0", "02:48:4e:00:00:01")],
            IntegrationDisk = Tools,
        }).ToList();

        var devices = argv.Select((a, i) => (a, i)).Where(p => p.a == "-device").Select(p => argv[p.i + 1]).ToList();
        Assert.Equal("virtio-blk-pci,drive=hn-tools,id=hn-tools-dev,serial=hypernest-tools", devices[^1]);
        Assert.Equal("virtio-blk-pci,drive=hn-disk0,id=hn-disk0-dev", devices[0]);
        var blockdevs = argv.Select((a, i) => (a, i)).Where(p => p.a == "-blockdev").Select(p => JsonNode.Parse(argv[p.i + 1])!).ToList();
        Assert.Equal("hn-disk0", blockdevs[0]!["node-name"]!.GetValue<string>());
        var tools = blockdevs[^1]!;
        Assert.Equal(
            """{"driver":"raw","node-name":"hn-tools","read-only":true,"file":{"driver":"file","filename":"/var/cache/hypernest/images/hypernest-tools-0123456789ab/tools.img","node-name":"hn-tools-file","read-only":true}}""",
            tools.ToJsonString());
    }

    [Fact]
    public void Build_IntegrationDiskOnABlockDevice_UsesHostDevice()
    {
        var argv = QemuCommandLine.Build(Gen1Tcg with { IntegrationDisk = Tools with { Path = "/dev/vdb", HostDevice = true } }).ToList();

        var tools = JsonNode.Parse(argv[argv.LastIndexOf("-blockdev") + 1])!;
        Assert.Equal("host_device", tools["file"]!["driver"]!.GetValue<string>());
        Assert.Equal("/dev/vdb", tools["file"]!["filename"]!.GetValue<string>());
        Assert.True(tools["file"]!["read-only"]!.GetValue<bool>());
    }

    [Fact]
    public void Build_NoIntegrationDisk_HasNoToolsDevice() =>
        Assert.DoesNotContain(QemuCommandLine.Build(Gen1Tcg), a => a.Contains("hn-tools", StringComparison.Ordinal));

    [Theory]
    [InlineData("hypernest-tools,drive=x")]
    [InlineData("a-serial-longer-than-20")]
    [InlineData("")]
    public void Build_UnsafeDiskSerial_IsRefused(string serial) =>
        Assert.Throws<ArgumentException>(() => QemuCommandLine.Build(Gen1Tcg with { IntegrationDisk = Tools with { Serial = serial } }));

    private static string ValueOf(IReadOnlyList<string> argv, string option) => argv[argv.ToList().IndexOf(option) + 1];

    [Fact]
    public void Build_Drives_SystemDiskStaysFirstVirtioAndTheRestHangWhereTheirControllersPutThem()
    {
        var spec = Gen1Tcg with
        {
            Disk = new QemuDisk("/d/system.qcow2", BootIndex: 2),
            Drives =
            [
                new QemuDrive(QemuDriveBus.Ide, 1, 0, Cdrom: true, Media: null, BootIndex: 1),
                new QemuDrive(QemuDriveBus.Ide, 0, 1, Cdrom: false, Media: new QemuDisk("/d/data.qcow2")),
                new QemuDrive(QemuDriveBus.Scsi, 0, 5, Cdrom: true, Media: new QemuDisk("/d/install.iso", QemuDiskFormat.Raw, ReadOnly: true)),
            ],
            NetworkAdapters = [new QemuNetworkAdapter("hntap0", "02:48:4e:00:00:01", BootIndex: 3)],
        };

        var args = QemuCommandLine.Build(spec);

        var devices = args.Where((_, i) => i > 0 && args[i - 1] == "-device").ToList();
        Assert.Equal("virtio-blk-pci,drive=hn-disk0,id=hn-disk0-dev,bootindex=2", devices[0]);
        Assert.Contains("virtio-net-pci,netdev=hn-net0,mac=02:48:4e:00:00:01,id=hn-net0-dev,bootindex=3", devices);
        Assert.Contains("ide-cd,bus=ide.1,unit=0,id=hn-ide1-0-dev,bootindex=1", devices);
        Assert.Contains("ide-hd,drive=hn-ide0-1,bus=ide.0,unit=1,id=hn-ide0-1-dev", devices);
        Assert.Contains("scsi-cd,drive=hn-scsi0-5,bus=hn-scsi0.0,channel=0,scsi-id=5,lun=0,id=hn-scsi0-5-dev", devices);
        Assert.True(devices.IndexOf("virtio-scsi-pci,id=hn-scsi0") < devices.FindIndex(d => d.StartsWith("scsi-cd", StringComparison.Ordinal)));
        var iso = JsonNode.Parse(args[args.ToList().FindIndex(a => a.Contains("install.iso", StringComparison.Ordinal))])!;
        Assert.Equal(("raw", true, true), (iso["driver"]!.GetValue<string>(), iso["read-only"]!.GetValue<bool>(), iso["file"]!["read-only"]!.GetValue<bool>()));
    }

    [Fact]
    public void Build_IdeDriveOnGen2_IsRefused()
    {
        var spec = Gen1Tcg with { Generation = 2, OvmfVarsPath = "/v/OVMF_VARS.fd", Drives = [new QemuDrive(QemuDriveBus.Ide, 0, 0, Cdrom: true, Media: null)] };

        Assert.Throws<ArgumentException>(() => QemuCommandLine.Build(spec));
    }

    [Fact]
    public void DeviceCommand_HotPlugSameDeviceAsColdPlug_NumbersAsJsonNumbers()
    {
        var drive = new QemuDrive(QemuDriveBus.Scsi, 0, 3, Cdrom: false, Media: new QemuDisk("/d/hot.qcow2"));

        var command = QemuDriveDevices.DeviceCommand(QemuDriveDevices.Device(drive));

        Assert.Equal("""{"driver":"scsi-hd","drive":"hn-scsi0-3","bus":"hn-scsi0.0","channel":0,"scsi-id":3,"lun":0,"id":"hn-scsi0-3-dev"}""", command.ToJsonString());
    }
}
