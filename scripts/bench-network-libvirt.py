#!/usr/bin/env python3
"""Benchmark (never an assertion): bench-network.sh's three paths with L1 run by libvirt on a libvirt NAT network
instead of by HyperNest on an Internal switch. L1 is the same host image (kernel, initrd, command line, CPU with
virtualization extensions, 2 GB, and HyperNest's integration disk, which carries the HyperNest L1 runs) with its
NIC on a libvirt network like libvirt's `default` (forward mode NAT,
DHCP, libvirt's dnsmasq) whose address, 10.0.1.1, serves iperf3; inside L1, HyperNest (the image carries it) runs
the documents' NAT and an L2 behind it, then an External switch and an L2 over L1's adapter (libvirt filters no
MAC address: spoofing needs no switch). Run by bench-network.sh inside its network namespace, with HyperNest's
L1 still running (its QEMU command line and disk are where this L1's come from) and libvirtd started.
    scripts/bench-network-libvirt.py SECONDS
Prints three lines "label<TAB>Mbit/s" (an empty figure when a step failed, with the reason on stderr).
"""
import glob, json, os, shutil, subprocess, sys, tempfile, time

from bench_common import LIBVIRT_FEATURES, VirshAgent, backing_file, differencing_disk, hypernest, hypernest_qemu_argv, iperf_line, option, receiver_mbits, run, virsh_agent_answers

SECONDS = int(sys.argv[1]) if len(sys.argv) > 1 else 10
DOMAIN = "hn-bench-net-l1"  # lab-lib.sh's bench_stop_libvirtd undefines every hn-bench-* domain
NETWORK = "hn-bench-nat"
L0 = "10.0.1.1"
SETTLE_SECONDS = 30

NETWORK_XML = f"""<network>
  <name>{NETWORK}</name>
  <forward mode='nat'/>
  <bridge name='hnbnat0' stp='on' delay='0'/>
  <ip address='{L0}' netmask='255.255.255.0'><dhcp><range start='10.0.1.100' end='10.0.1.200'/></dhcp></ip>
</network>
"""

# In L1 (guest-exec gives a bare environment): HyperNest's first command starts its engine and service under TCG.
L1_ENV = "export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root; "


def l1_shell(agent, what, script, timeout=900):
    code, output = agent.shell(L1_ENV + script, timeout=timeout)
    if code != 0:
        print(f"libvirt L1: {what} failed (exit {code}): {output[-2000:]}", file=sys.stderr)
    return output


def l2_iperf(agent, vm):
    """iperf3 from the L2 VM to L0 after a pause, then the VM turned off (only one L2 runs at a time, as in bench-network.sh)."""
    time.sleep(SETTLE_SECONDS)
    output = l1_shell(agent, f"iperf3 {vm} -> L0", f"hypernest -NoProfile -c 'Invoke-Command -VMName {vm} {{ {iperf_line(L0, SECONDS)} }}'")
    l1_shell(agent, f"turning {vm} off", f"hypernest -NoProfile -c 'Stop-VM {vm} -TurnOff'")
    return receiver_mbits(output)


def cpu_xml(cpu):
    """HyperNest's -cpu (model,+feature,-feature) as libvirt's <cpu>: the same model and features, svm among them."""
    model, *features = cpu.split(",")
    lines = [f"<feature policy='{'require' if f[0] == '+' else 'disable'}' name='{f[1:]}'/>" for f in features if f[:1] in "+-" and len(f) > 1]
    return f"<cpu mode='custom' match='exact'><model fallback='allow'>{model}</model>{''.join(lines)}</cpu>"


def integration_disk(argv):
    """HyperNest's read-only integration disk (HyperNest itself, which L1 runs the L2s with) as HyperNest's L1 has it."""
    for i, argument in enumerate(argv[:-1]):
        if argument == "-blockdev" and '"hn-tools"' in argv[i + 1]:
            filename = json.loads(argv[i + 1]).get("file", {}).get("filename", "")
            if os.path.isfile(filename):
                return filename
    built = glob.glob("/var/cache/hypernest/images/hypernest-tools-*/tools.img")
    if not built:
        sys.exit("libvirt L1: HyperNest's integration disk was not found")
    return max(built, key=os.path.getmtime)


def domain_xml(work, argv, disk):
    return f"""<domain type='qemu'>
  <name>{DOMAIN}</name>
  <memory unit='MiB'>2048</memory>
  <vcpu>1</vcpu>
  <os><type arch='x86_64' machine='pc'>hvm</type><kernel>{work}/vmlinux</kernel><initrd>{work}/initrd.img</initrd><cmdline>{option(argv, "-append")}</cmdline></os>
  {LIBVIRT_FEATURES}
  {cpu_xml(option(argv, "-cpu"))}
  <devices>
    <disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='{disk}'/><target dev='vda' bus='virtio'/></disk>
    <disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='{work}/tools.img'/><target dev='vdb' bus='virtio'/><serial>hypernest-tools</serial><readonly/></disk>
    <interface type='network'><source network='{NETWORK}'/><model type='virtio'/></interface>
    <channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0'/></channel>
    <rng model='virtio'><backend model='random'>/dev/urandom</backend></rng>
    <serial type='file'><source path='{work}/serial.log'/></serial>
  </devices>
</domain>
"""


def main():
    # HyperNest's L1 is running: its command line and its disk's image are this L1's; then it stops (one emulated
    # CPU at a time on this machine).
    argv = hypernest_qemu_argv()
    base = backing_file(hypernest("(Get-VMHardDiskDrive -VMName L1).Path"))
    hypernest("Stop-VM L1 -TurnOff")
    # libvirt's QEMU runs as libvirt-qemu: it gets copies it can read (dynamic ownership would chown the originals).
    work = tempfile.mkdtemp(prefix="hn-bench-net-", dir="/var/lib/libvirt/images" if os.path.isdir("/var/lib/libvirt/images") else None)
    os.chmod(work, 0o755)
    iperf = None
    try:
        shutil.copy(option(argv, "-kernel"), f"{work}/vmlinux")
        shutil.copy(option(argv, "-initrd"), f"{work}/initrd.img")
        shutil.copy(integration_disk(argv), f"{work}/tools.img")
        image = shutil.copy(base, f"{work}/host.qcow2")
        os.chmod(image, 0o644)
        disk = differencing_disk(image, f"{work}/l1.qcow2")
        with open(f"{work}/network.xml", "w") as f:
            f.write(NETWORK_XML)
        with open(f"{work}/domain.xml", "w") as f:
            f.write(domain_xml(work, argv, disk))
        run("virsh", "-q", "net-define", f"{work}/network.xml")
        run("virsh", "-q", "net-start", NETWORK)
        iperf = subprocess.Popen(["iperf3", "-s", "-B", L0], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        run("virsh", "-q", "define", f"{work}/domain.xml")
        run("virsh", "-q", "start", DOMAIN)
        agent = VirshAgent(DOMAIN)
        answered = virsh_agent_answers(DOMAIN, 300)
        if answered is None:
            sys.exit("libvirt L1: its agent did not answer in 300 s")
        print(f"libvirt L1: agent answered after {answered:.0f} s", file=sys.stderr)

        l1_shell(agent, "L1's address", "hypernest -NoProfile -c 'Get-NetAdapter Ethernet | New-NetIPAddress -IPAddress 10.0.1.2 -AddressFamily IPv4 -PrefixLength 24 | Out-Null'")
        l1 = receiver_mbits(l1_shell(agent, "iperf3 L1 -> L0", iperf_line(L0, SECONDS)))

        # Each L2 is set up by one HyperNest command in L1 and measured by the next, after a pause, as bench-network.sh
        # does with its separate steps: the setup's own .NET work in L1 (a cold hypernest and its hypernestd under
        # TCG) must not be what the L2's iperf3 competes with.
        nat_setup = l1_shell(agent, "L2 through L1's NAT", "hypernest -NoProfile -c '"
            "New-VMSwitch -Name VmNAT -SwitchType Internal | Out-Null; "
            "New-NetNat -Name LocalNAT -InternalIPInterfaceAddressPrefix 192.168.100.0/24 | Out-Null; "
            "Get-NetAdapter \"vEthernet (VmNat)\" | New-NetIPAddress -IPAddress 192.168.100.1 -AddressFamily IPv4 -PrefixLength 24 | Out-Null; "
            "New-VM -Name L2 -Image tiny -SwitchName VmNAT | Out-Null; Start-VM L2; Wait-VM L2 -For Heartbeat -Timeout 300 | Out-Null; "
            "\"L2 runs under $((Get-VM L2).Accelerator)\"; "
            "Invoke-Command -VMName L2 { Get-NetAdapter Ethernet | New-NetIPAddress -IPAddress 192.168.100.2 -DefaultGateway 192.168.100.1 -AddressFamily IPv4 -PrefixLength 24 | Out-Null }'")
        print(f"libvirt L1: {next((line for line in nat_setup.splitlines() if line.startswith('L2 runs under')), 'L2 did not start')}", file=sys.stderr)
        nat = l2_iperf(agent, "L2")

        l1_shell(agent, "L2 over the bridge", "hypernest -NoProfile -c '"
            "New-VMSwitch -Name Ext -NetAdapterName Ethernet | Out-Null; "
            "New-VM -Name L2s -Image tiny -SwitchName Ext | Out-Null; Start-VM L2s; Wait-VM L2s -For Heartbeat -Timeout 300 | Out-Null; "
            "Invoke-Command -VMName L2s { Get-NetAdapter Ethernet | New-NetIPAddress -IPAddress 10.0.1.3 -AddressFamily IPv4 -PrefixLength 24 | Out-Null }'")
        spoof = l2_iperf(agent, "L2s")

        print(f"L1 -> L0 (libvirt NAT network)\t{l1}")
        print(f"L2 -> L0 through L1's NAT (libvirt NAT network)\t{nat}")
        print(f"L2 -> L0 over L1's bridge (libvirt NAT network)\t{spoof}")
    finally:
        run("virsh", "-q", "destroy", DOMAIN, check=False)
        run("virsh", "-q", "undefine", DOMAIN, check=False)
        run("virsh", "-q", "net-destroy", NETWORK, check=False)
        run("virsh", "-q", "net-undefine", NETWORK, check=False)
        if iperf is not None:
            iperf.kill()
            iperf.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
