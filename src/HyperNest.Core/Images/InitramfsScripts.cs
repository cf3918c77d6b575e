namespace HyperNest.Images;

/// <summary>The generic initramfs /init: load modules, wait for the root disk, mount it, switch_root to it.</summary>
internal static class InitramfsScripts
{
    /// <summary>Reads root= and rootfstype= from the kernel command line; powers off (so QEMU exits) when it cannot boot.</summary>
    public const string Init = """
        #!/bin/busybox sh
        # hypernest initramfs: load the few modules the root disk needs, mount it, switch to it.
        /bin/busybox mkdir -p /proc /sys /dev /newroot
        /bin/busybox mount -t proc proc /proc
        /bin/busybox mount -t sysfs sysfs /sys
        /bin/busybox mount -t devtmpfs devtmpfs /dev
        /bin/busybox --install -s /bin

        fail() {
            echo "hypernest-initramfs: FATAL: $*"
            sleep 2
            poweroff -f
        }

        root=/dev/vda
        rootfstype=ext4
        for arg in $(cat /proc/cmdline); do
            case "$arg" in
                root=*) root="${arg#root=}" ;;
                rootfstype=*) rootfstype="${arg#rootfstype=}" ;;
            esac
        done

        echo "hypernest-initramfs: loading modules"
        while read -r module; do
            [ -n "$module" ] || continue
            insmod "/lib/modules/$module" || echo "hypernest-initramfs: could not load $module"
        done < /etc/modules.load

        # devtmpfs creates the node as soon as virtio_blk probes the disk; the probe is asynchronous.
        tries=0
        while [ ! -b "$root" ]; do
            tries=$((tries + 1))
            [ "$tries" -le 300 ] || fail "root device $root did not appear"
            usleep 20000
        done

        echo "hypernest-initramfs: mounting $root"
        mount -t "$rootfstype" -o rw "$root" /newroot || fail "cannot mount $root"
        [ -x /newroot/sbin/init ] || fail "no /sbin/init on $root"
        mount --move /dev /newroot/dev
        mount --move /sys /newroot/sys
        mount --move /proc /newroot/proc
        exec switch_root /newroot /sbin/init
        """ + "\n";
}
