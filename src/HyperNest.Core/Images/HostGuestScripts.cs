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
        for module in tun bridge veth br_netfilter nf_tables; do
            modprobe -q "$module" || echo "hypernest-host: could not load $module"
        done
        mkdir -p /var/lib/hypernest /var/tmp
        echo "hypernest-host: ready"
        """ + "\n";

    /// <summary>
    /// /etc/hypernest/rc.sysinit for the host image: the tiny guest's, then rc.host before init starts
    /// the agent (so /dev/kvm exists by the time the host answers a heartbeat).
    /// </summary>
    public static string SystemInit => TinyGuestScripts.SystemInit + "/etc/hypernest/rc.host\n";
}
