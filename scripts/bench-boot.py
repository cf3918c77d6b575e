#!/usr/bin/env python3
"""Benchmark (never an assertion): the tiny image from "start" to its guest agent's first answer, three ways,
in paired rounds (one of each per round, after one warm-up round), with the median of each and its ratios:
  - HyperNest: `hypernest -c 'Start-VM; Wait-VM -For Heartbeat'` as a user types it (the process's wall time),
    and the same two cmdlets timed inside that process (Measure-Command: no process start);
  - plain QEMU: a command line written by hand (same accelerator, CPU, memory, kernel, initrd, kernel command
    line, disk, tap NIC on a bridge, agent port, entropy), timed from launching it to the agent's answer;
  - libvirt: a domain with the same devices, from `virsh start` to the first `virsh qemu-agent-command` answer
    (libvirtd runs in this benchmark's network namespace, as `libvirtd -d`, without systemd).
Run by `scripts/bench.sh boot` inside a network namespace of its own with a scratch HYPERNEST_HOME; needs root,
the installed hypernest and its tiny image; libvirt is measured when libvirtd and virsh are installed.
    scripts/bench-boot.py [rounds=10]
"""
import os, shutil, statistics, subprocess, sys, tempfile, time

from bench_common import LIBVIRT_FEATURES, agent_answers, backing_file, differencing_disk, hypernest, hypernest_qemu_argv, option, plain_qemu_argv, run, virsh_agent_answers

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 10
MEMORY_MB = 512
BRIDGE = "hnbench0"
DOMAIN = "hn-bench-boot"  # lab-lib.sh's bench_stop_libvirtd undefines every hn-bench-* domain


IN_PROCESS = "HyperNest: the same, timed inside the process (no process start)"
START_VM = "  of which Start-VM alone (returns once QEMU runs)"


class HyperNestBoot:
    label = "HyperNest: hypernest -c 'Start-VM; Wait-VM -For Heartbeat'"

    def __init__(self):
        hypernest(f"New-VMSwitch -Name BenchNet -SwitchType Internal | Out-Null; "
                  f"New-VM -Name boot -Image tiny -MemoryStartupBytes {MEMORY_MB}MB -SwitchName BenchNet | Out-Null")
        self.inner = {}

    def boot(self):
        start = time.monotonic()
        inner = hypernest("$start = Measure-Command { Start-VM boot }; $wait = Measure-Command { Wait-VM boot -For Heartbeat -Timeout 300 | Out-Null }; "
                          "'{0:0} {1:0}' -f $start.TotalMilliseconds, $wait.TotalMilliseconds")
        wall = time.monotonic() - start
        start_ms, wait_ms = (int(x) for x in inner.splitlines()[-1].split())  # after any warning Start-VM printed
        self.inner = {START_VM: start_ms / 1000, IN_PROCESS: (start_ms + wait_ms) / 1000}
        return wall

    def figures(self):
        """What the last boot measured inside the process, by label."""
        return self.inner

    def stop(self):
        hypernest("Stop-VM boot -TurnOff")


class PlainQemuBoot:
    label = "plain QEMU command line (by hand)"

    def __init__(self, work, kernel, initrd, append, cpu, disk):
        self.work, self.kernel, self.initrd, self.append, self.cpu, self.disk = work, kernel, initrd, append, cpu, disk
        self.qemu = None

    def boot(self):
        start = time.monotonic()
        # The tap on the bridge, as a script that starts QEMU by hand would make it.
        run("ip", "tuntap", "add", "hnbtap0", "mode", "tap")
        run("ip", "link", "set", "hnbtap0", "master", BRIDGE, "up")
        nic = ["-netdev", "tap,id=n0,ifname=hnbtap0,script=no,downscript=no", "-device", "virtio-net-pci,netdev=n0"]
        argv = plain_qemu_argv(self.work, self.cpu, MEMORY_MB, self.kernel, self.initrd, self.append, self.disk, nic)
        self.qemu = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        answered = agent_answers(f"{self.work}/qga.sock", 300)
        return None if answered is None else time.monotonic() - start

    def stop(self):
        self.qemu.kill()
        self.qemu.wait()
        run("ip", "link", "del", "hnbtap0", check=False)

    @staticmethod
    def figures():
        return {}


class LibvirtBoot:
    label = "libvirt: virsh start to the agent's answer"

    def __init__(self, work, kernel, initrd, append, cpu_model, disk):
        xml = f"""<domain type='qemu'>
  <name>{DOMAIN}</name>
  <memory unit='MiB'>{MEMORY_MB}</memory>
  <vcpu>1</vcpu>
  <os><type arch='x86_64' machine='pc'>hvm</type><kernel>{kernel}</kernel><initrd>{initrd}</initrd><cmdline>{append}</cmdline></os>
  {LIBVIRT_FEATURES}
  <cpu mode='custom' match='exact'><model fallback='allow'>{cpu_model}</model></cpu>
  <devices>
    <disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='{disk}'/><target dev='vda' bus='virtio'/></disk>
    <interface type='bridge'><source bridge='{BRIDGE}'/><model type='virtio'/></interface>
    <channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0'/></channel>
    <rng model='virtio'><backend model='random'>/dev/urandom</backend></rng>
    <serial type='file'><source path='{work}/serial.log'/></serial>
  </devices>
</domain>
"""
        with open(f"{work}/domain.xml", "w") as f:
            f.write(xml)
        run("virsh", "-q", "define", f"{work}/domain.xml")

    def boot(self):
        start = time.monotonic()
        run("virsh", "-q", "start", DOMAIN)
        return virsh_agent_answers(DOMAIN, 300, since=start)

    def stop(self):
        run("virsh", "-q", "destroy", DOMAIN, check=False)

    @staticmethod
    def figures():
        return {}


def main():
    run("ip", "link", "add", BRIDGE, "type", "bridge")
    run("ip", "link", "set", BRIDGE, "up")
    # libvirt's QEMU runs as libvirt-qemu: the files it opens must be readable by it, so each baseline gets copies.
    work = tempfile.mkdtemp(prefix="hn-bench-boot-", dir="/var/lib/libvirt/images" if os.path.isdir("/var/lib/libvirt/images") else None)
    os.chmod(work, 0o755)
    hypernest_boot = HyperNestBoot()
    hypernest_boot.boot()
    argv = hypernest_qemu_argv()
    hypernest_boot.stop()
    kernel, initrd = shutil.copy(option(argv, "-kernel"), work), shutil.copy(option(argv, "-initrd"), work)
    append, cpu = option(argv, "-append"), option(argv, "-cpu")
    # The VM's disk is a differencing disk over the image's (QEMU gets it as a descriptor, so ask HyperNest).
    vm_disk = hypernest("(Get-VMHardDiskDrive -VMName boot).Path")
    base_image = shutil.copy(backing_file(vm_disk), work)
    os.chmod(base_image, 0o644)
    disks = {name: differencing_disk(base_image, f"{work}/{name}.qcow2") for name in ("plain", "libvirt")}
    for disk in disks.values():
        os.chmod(disk, 0o666)
    runners = [hypernest_boot, PlainQemuBoot(work, kernel, initrd, append, cpu, disks["plain"])]
    # scripts/bench-boot.sh starts libvirtd in this namespace (lab-lib.sh's bench_start_libvirtd) or says why not.
    why_not_libvirt = None if os.environ.get("BENCH_LIBVIRT") == "1" else os.environ.get("BENCH_NO_LIBVIRT") or "not started"
    try:
        if why_not_libvirt is None:
            runners.append(LibvirtBoot(work, kernel, initrd, append, cpu.split(",")[0], disks["libvirt"]))
        times = {label: [] for label in [r.label for r in runners] + [IN_PROCESS, START_VM]}
        for round_ in range(ROUNDS + 1):
            for runner in runners:
                seconds = runner.boot()
                runner.stop()
                time.sleep(1)
                if round_ > 0:  # round 0 warms the page cache and each manager's own caches
                    times[runner.label].append(seconds)
                    for label, figure in runner.figures().items():
                        times[label].append(figure)
            if round_ > 0:
                print(f"round {round_}: " + "  ".join("%.2f" % times[r.label][-1] if times[r.label][-1] else "-" for r in runners), file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    median = {label: statistics.median(t for t in values if t is not None) for label, values in times.items()}
    plain = median[PlainQemuBoot.label]
    libvirt = median.get(LibvirtBoot.label)
    print(f"\nBoot, tiny image ({MEMORY_MB} MB, TCG, tap NIC): start to the guest agent's first answer, median of {ROUNDS} paired rounds")
    print(f"{'measure':66} {'s':>6} {'/plain':>7} {'/libvirt':>9}")

    def row(label, seconds):
        versus_libvirt = f"{seconds / libvirt:9.2f}" if libvirt else f"{'-':>9}"
        print(f"{label:66} {seconds:6.2f} {seconds / plain:7.2f} {versus_libvirt}")

    row(HyperNestBoot.label, median[HyperNestBoot.label])
    row(IN_PROCESS, median[IN_PROCESS])
    print(f"{START_VM:66} {median[START_VM]:6.2f}")
    row(PlainQemuBoot.label, plain)
    if libvirt:
        row(LibvirtBoot.label, libvirt)
    else:
        print(f"{'libvirt: not measured':66} {why_not_libvirt}")


main()
