using HyperNest.Hosting;

namespace HyperNest.Images;

/// <summary>
/// The tiny guest's userland glue. PID 1 is busybox init (no systemd: it alone costs ~16 s under
/// TCG); it runs rc.sysinit, keeps qemu-ga alive, and powers off on the ACPI power button or when
/// the agent asks.
/// </summary>
internal static class TinyGuestScripts
{
    /// <summary>/etc/inittab for busybox init.</summary>
    public const string Inittab = """
        # busybox init: hypernest tiny guest
        ::sysinit:/etc/hypernest/rc.sysinit
        ::respawn:/etc/hypernest/guest-agent
        ::respawn:/etc/hypernest/powershell-direct
        ::respawn:/bin/busybox acpid -f -c /etc/acpi
        ::shutdown:/etc/hypernest/rc.shutdown
        """ + "\n";

    /// <summary>
    /// /etc/hypernest/rc.sysinit: mounts (HyperNest's integration disk among them), hostname, lo,
    /// power-button modules, then the network restore hook.
    /// </summary>
    public static string SystemInit => SystemInitCommon + RestoreNetworkHook;

    /// <summary>rc.sysinit without the restore hook: the host image runs its rc.host in between.</summary>
    public const string SystemInitCommon = """
        #!/bin/busybox sh
        # PID 1 is busybox init; this runs once before the agent starts. busybox sh prefers its own
        # applets, which matters: the essential package set has no mount, ip or kill.
        export PATH=/usr/sbin:/usr/bin:/sbin:/bin
        # The initramfs moves /proc, /sys and /dev here. busybox sh runs its applets through
        # /proc/self/exe, so without /proc even "mount" would not be found.
        [ -e /proc/self/exe ] || /bin/busybox mount -t proc proc /proc
        [ -d /sys/class ] || mount -t sysfs sysfs /sys
        [ -e /dev/null ] || mount -t devtmpfs devtmpfs /dev
        mkdir -p /dev/pts /dev/shm
        mount -t devpts -o gid=5,mode=620 devpts /dev/pts
        mount -t tmpfs -o mode=1777 tmpfs /dev/shm
        mount -t tmpfs -o mode=755 tmpfs /run
        mount -t tmpfs -o mode=1777 tmpfs /tmp
        mount -o remount,rw /
        /etc/hypernest/mount-integration-disk
        hostname -F /etc/hostname
        ip link set lo up
        # virtio_net (loaded by the initramfs) names the NIC eth0 (no udev to rename it). It stays
        # down and unaddressed here: whoever manages the guest's network configures it.
        # The ACPI power button (QMP system_powerdown) reaches acpid as an input event: needs button + evdev.
        modprobe -q button
        modprobe -q evdev
        /etc/hypernest/virtio-port-links
        echo "hypernest-tiny: system ready ($(uname -r))"
        """ + "\n";

    /// <summary>The restore hook's output of the last boot, in the guest.</summary>
    public const string RestoreNetworkLog = "/var/log/hypernest-restore-network.log";

    /// <summary>
    /// The last lines of rc.sysinit: the kernel forgets bridges, addresses, NAT rules and resolv.conf
    /// on reboot, while HyperNest keeps them in state.db; "hypernest -RestoreNetwork" re-applies them.
    /// Only where HyperNest has been used (state.db exists) and its integration disk is mounted, and in
    /// the background so a slow or failing restore never delays the agent (init starts it once
    /// rc.sysinit returns). Its output goes through tee to the console and a log readable with
    /// Invoke-Command; with stdin and stdout not the console, .NET does not take it for a terminal and
    /// write keypad escape codes into the serial log.
    /// </summary>
    public const string RestoreNetworkHook = $"""
        if [ -e {HostPaths.DefaultHome}/state.db ] && [ -x {GuestContract.HyperNestCommand} ]; then
            echo "hypernest-guest: restoring the stored network configuration in the background"
            {GuestContract.HyperNestCommand} -RestoreNetwork </dev/null 2>&1 | tee {RestoreNetworkLog} &
        fi
        """ + "\n";

    /// <summary>/etc/hypernest/virtio-port-links: what udev would do for named virtio-serial ports.</summary>
    public const string VirtioPortLinks = """
        #!/bin/busybox sh
        # udev normally creates /dev/virtio-ports/<name>; this guest has no udev, so link the named ports here.
        mkdir -p /dev/virtio-ports
        for port in /sys/class/virtio-ports/*; do
            [ -r "$port/name" ] || continue
            name=$(cat "$port/name")
            [ -n "$name" ] || continue
            ln -sf "../${port##*/}" "/dev/virtio-ports/$name"
        done
        """ + "\n";

    /// <summary>
    /// /etc/hypernest/mount-integration-disk: mounts the read-only disk the host attaches to every VM,
    /// which carries HyperNest (/usr/local/bin/hypernest links into it). Run by rc.sysinit before anything
    /// starts hypernest; it costs one mount, and a VM without the disk boots on without waiting for one
    /// (the initramfs loaded virtio_blk, whose probe registered every disk before the root was mounted).
    /// </summary>
    public const string MountIntegrationDisk = $$"""
        #!/bin/busybox sh
        # Found by its virtio serial, never by its vdX name, which depends on how many disks the VM has.
        for serial in /sys/block/vd*/serial; do
            [ "$(cat "$serial" 2>/dev/null)" = "{{GuestContract.IntegrationDiskSerial}}" ] || continue
            device=${serial%/serial}
            device=/dev/${device##*/}
            mkdir -p {{GuestContract.IntegrationMountPoint}}
            if mount -t ext4 -o ro "$device" {{GuestContract.IntegrationMountPoint}}; then
                echo "hypernest-guest: HyperNest mounted from the integration disk $device"
            else
                echo "hypernest-guest: could not mount the integration disk $device"
            fi
            exit 0
        done
        echo "hypernest-guest: no integration disk; HyperNest (Invoke-Command) is not available in this guest"
        """ + "\n";

    /// <summary>/etc/hypernest/guest-agent: waits for the agent port and execs qemu-ga (respawned by init).</summary>
    public const string GuestAgent = """
        #!/bin/busybox sh
        # Respawned by init: qemu-ga serves the host over the virtio-serial port named by the host.
        port=/dev/virtio-ports/org.qemu.guest_agent.0
        tries=0
        while [ ! -e "$port" ]; do
            /etc/hypernest/virtio-port-links
            tries=$((tries + 1))
            if [ "$tries" -eq 50 ]; then
                echo "hypernest-tiny: waiting for $port (is the virtserialport on the QEMU command line?)"
            fi
            sleep 0.2
        done
        echo "hypernest-tiny: starting guest agent"
        exec /usr/sbin/qemu-ga --method=virtio-serial --path="$port"
        """ + "\n";

    /// <summary>
    /// /etc/hypernest/powershell-direct: the PowerShell Direct endpoint (respawned by init). It starts once
    /// the agent has opened its port (at most 10 s later), after rc.sysinit mounted HyperNest: .NET's start-up
    /// takes a TCG guest's one CPU for seconds, and started beside the agent it put the heartbeat (the agent's
    /// first answer) about half a second later. At nice 5, so its own start-up takes what CPU the rest of the
    /// boot leaves; it puts its spare PowerShell servers lower still (nice 19, PowerShellDirectEndpoint).
    /// </summary>
    public const string PowerShellDirect = $$"""
        #!/bin/busybox sh
        # Respawned by init: serves PowerShell Direct sessions over the virtio-serial port named by the host.
        port=/dev/virtio-ports/{{GuestContract.PowerShellDirectPortName}}
        if [ ! -x {{GuestContract.HyperNestCommand}} ]; then
            echo "hypernest-guest: no HyperNest in this guest, so no PowerShell Direct (no integration disk)"
            exec sleep 2147483647
        fi
        tries=0
        while [ ! -e "$port" ]; do
            /etc/hypernest/virtio-port-links
            tries=$((tries + 1))
            if [ "$tries" -eq 50 ]; then
                echo "hypernest-guest: no PowerShell Direct port $port (a VM started by an older HyperNest); restart the VM"
                exec sleep 2147483647
            fi
            sleep 0.2
        done
        tries=0
        until ls -l "/proc/$(pidof qemu-ga)/fd" 2>/dev/null | grep -q vport || [ "$tries" -eq 100 ]; do
            tries=$((tries + 1))
            sleep 0.1
        done
        exec nice -n 5 {{GuestContract.HyperNestCommand}} -PowerShellDirectEndpoint "$port" </dev/null
        """ + "\n";

    /// <summary>/etc/hypernest/rc.shutdown: stops everything and makes the root read-only.</summary>
    public const string SystemShutdown = """
        #!/bin/busybox sh
        # Run by busybox init on poweroff/reboot, before it kills every process and powers off.
        echo "hypernest-tiny: shutting down"
        kill -TERM -1 2>/dev/null
        sleep 0.2
        sync
        mount -o remount,ro / && echo "hypernest-tiny: root file system is read-only"
        """ + "\n";

    /// <summary>/sbin/shutdown: what qemu-ga's guest-shutdown execs.</summary>
    public const string ShutdownCommand = """
        #!/bin/busybox sh
        # qemu-ga's guest-shutdown execs "/sbin/shutdown -P|-H|-r +0 <message>" (sysvinit syntax);
        # busybox init takes the matching signal from busybox poweroff/halt/reboot.
        action=poweroff
        for arg in "$@"; do
            case "$arg" in
                -r) action=reboot ;;
                -H) action=halt ;;
                -P) action=poweroff ;;
            esac
        done
        echo "hypernest-tiny: $action requested ($*)" > /dev/console
        exec /bin/busybox "$action"
        """ + "\n";

    /// <summary>/etc/acpi/PWRF/00000080: busybox acpid's action for the power button.</summary>
    public const string PowerButtonAction = """
        #!/bin/busybox sh
        # busybox acpid runs /etc/acpi/PWRF/00000080 for the ACPI power button (QMP system_powerdown).
        echo "hypernest-tiny: power button pressed" > /dev/console
        exec /bin/busybox poweroff
        """ + "\n";
}
