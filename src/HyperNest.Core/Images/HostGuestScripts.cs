namespace HyperNest.Images;

/// <summary>The "host" guest's system init: the tiny guest's, plus what a HyperNest host needs from the kernel.</summary>
internal static class HostGuestScripts
{
    /// <summary>/etc/hypernest/rc.host: run by rc.sysinit's last line; loads the hypervisor and network modules.</summary>
    public const string HostInit = """
        #!/bin/busybox sh
        # No udev here: devtmpfs creates /dev/kvm and /dev/net/tun as soon as their modules load.
        export PATH=/usr/sbin:/usr/bin:/sbin:/bin
        if grep -qw svm /proc/cpuinfo; then
            modprobe -q kvm_amd && echo "hypernest-host: kvm_amd loaded"
        elif grep -qw vmx /proc/cpuinfo; then
            modprobe -q kvm_intel && echo "hypernest-host: kvm_intel loaded"
        else
            echo "hypernest-host: no svm/vmx in this CPU; nested guests run under TCG"
        fi
        # Not br_netfilter: it sends bridged frames through the IP firewall, so the NAT and filter
        # rules would also hit traffic between guests on one switch. The port guards use nftables'
        # bridge family, which works without it. The kernel loads the rest (nft_masq, nft_chain_nat,
        # nf_nat, nf_conntrack) through /sbin/modprobe when a rule needs them.
        for module in tun bridge veth nf_tables; do
            modprobe -q "$module" || echo "hypernest-host: could not load $module"
        done
        mkdir -p /var/lib/hypernest /var/tmp
        # The user L2 QEMUs drop to (QemuConfinement); the image has no useradd (essential variant).
        if ! grep -q '^hypernest-qemu:' /etc/passwd; then
            echo 'hypernest-qemu:x:900:900:HyperNest QEMU:/nonexistent:/usr/sbin/nologin' >> /etc/passwd
            echo 'hypernest-qemu:x:900:' >> /etc/group
        fi
        echo "hypernest-host: ready"
        """ + "\n";

    /// <summary>
    /// /etc/hypernest/rc.sysinit for the host image: the tiny guest's, then rc.host before init starts
    /// the agent (so /dev/kvm exists by the time the host answers a heartbeat), then the network
    /// restore hook, after rc.host has loaded the bridge and nftables modules.
    /// </summary>
    public static string SystemInit =>
        TinyGuestScripts.SystemInitCommon + "/etc/hypernest/rc.host\n" + TinyGuestScripts.RestoreNetworkHook;
}
