namespace HyperNest.Images;

/// <summary>
/// What a HyperNest guest image expects from the QEMU command line (verified with the tiny image
/// under TCG, machine pc + SeaBIOS and q35 + OVMF):
/// <list type="bullet">
/// <item>direct kernel boot: -kernel VmImage.KernelPath (or PvhKernelPath with SeaBIOS) -initrd InitrdPath -append KernelCommandLine;</item>
/// <item>the root disk (a qcow2 overlay of DiskPath) as the first virtio-blk-pci device, which the guest sees as /dev/vda;</item>
/// <item>a serial port (ttyS0, e.g. -serial file:console.log) for the console;</item>
/// <item>-device virtio-serial plus -device virtserialport,name=<see cref="AgentPortName"/> for the guest agent,
/// and a second port named <see cref="PowerShellDirectPortName"/> for PowerShell Direct;</item>
/// <item>ACPI left on: QMP system_powerdown presses the power button and the guest powers off in ~2.5 s;</item>
/// <item>HyperNest itself on a read-only virtio-blk disk with serial <see cref="IntegrationDiskSerial"/>, after every other
/// device, which the guest mounts at <see cref="IntegrationMountPoint"/> (Hyper-V's integration services).</item>
/// </list>
/// The agent socket may be connected per command: reconnecting after the host closed its
/// connection works (measured: three reconnects, guest-sync and guest-ping answer at once). Send
/// guest-sync first on each connection so a reply left over from an earlier client is skipped.
/// </summary>
public static class GuestContract
{
    /// <summary>The virtio-serial port name qemu-ga listens on inside the guest.</summary>
    public const string AgentPortName = "org.qemu.guest_agent.0";

    /// <summary>
    /// The virtio-serial port of PowerShell Direct: the guest's endpoint (hypernest -PowerShellDirectEndpoint,
    /// started by init) serves PowerShell sessions on it; the host reaches it through QEMU's socket.
    /// </summary>
    public const string PowerShellDirectPortName = "org.hypernest.powershell-direct.0";

    /// <summary>The guest console device named in the kernel command line.</summary>
    public const string ConsoleDevice = "ttyS0";

    /// <summary>Where the first virtio-blk disk appears in the guest; the initramfs mounts it as root.</summary>
    public const string RootDevice = "/dev/vda";

    /// <summary>Console line the tiny guest prints just before it starts the agent.</summary>
    public const string AgentStartingLine = "hypernest-tiny: starting guest agent";

    /// <summary>
    /// The virtio-blk serial of the integration disk. The guest finds the disk by it (/sys/block/vd*/serial),
    /// never by its vdX name, which depends on how many disks the VM has. At most 20 bytes (VIRTIO_BLK_ID_BYTES).
    /// </summary>
    public const string IntegrationDiskSerial = "hypernest-tools";

    /// <summary>
    /// Where the guest mounts the integration disk: the folder a HyperNest host installs to, so HyperNest
    /// inside an L1 guest runs from the same path and finds itself installed.
    /// </summary>
    public const string IntegrationMountPoint = IntegrationSource.InstalledFolder;

    /// <summary>The command guests run (Invoke-Command, the network restore hook); a link into the mounted disk.</summary>
    public const string HyperNestCommand = "/usr/local/bin/hypernest";
}
