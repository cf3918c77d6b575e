#!/usr/bin/env python3
"""Benchmark (never an assertion): from nothing to an L2's heartbeat (L0 -> L1 -> L2), in paired rounds:
  - HyperNest: New-VM L1 (host image, 2 GB, ExposeVirtualizationExtensions), then `Start-VM L1; Wait-VM L1` and
    `Invoke-Command -VMName L1 { New-VM L2 (tiny, 512 MB); Start-VM L2; Wait-VM L2 }`, as a user types them;
  - plain QEMU: L1 by a command line written by hand (same accelerator and CPU, memory, kernel, initrd, kernel
    command line, disk, agent port), then in L1, through its guest agent, L2's disk and a plain QEMU/KVM command
    line for the tiny image that L1 carries, until L2's agent answers inside L1.
Each round starts from new VMs (new differencing disks). Run by `scripts/bench.sh nested` inside a network
namespace of its own with a scratch HYPERNEST_HOME; needs root, the installed hypernest and its host image.
    scripts/bench-nested.py [rounds=3]
"""
import os, shutil, statistics, subprocess, sys, tempfile, time

from bench_common import GuestAgent, agent_answers, backing_file, differencing_disk, hypernest, hypernest_qemu_argv, option, plain_qemu_argv, run

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 3
L2_MEMORY_MB = 512

# Inside L1 (the host image: bash, qemu-system-x86, qemu-utils, the tiny image in HyperNest's cache, kvm_amd loaded
# before the agent starts): L2's differencing disk and QEMU/KVM, then bash's /dev/tcp pings L2's agent until it answers.
L2_SCRIPT = r"""
set -e
image=$(ls -d /var/cache/hypernest/images/tiny-* | grep -v '\.lock$' | head -1)
append=$(sed -n 's/.*"kernelCommandLine": "\(.*\)".*/\1/p' "$image/image.json")
rm -f /tmp/l2.qcow2
qemu-img create -q -f qcow2 -F qcow2 -b "$image/disk.qcow2" /tmp/l2.qcow2
qemu-system-x86_64 -nodefaults -machine pc -accel kvm -cpu host,-vmx,-svm -m %d -display none \
  -kernel "$image/vmlinux" -initrd "$image/initrd.img" -append "$append" \
  -drive file=/tmp/l2.qcow2,if=virtio,format=qcow2 \
  -chardev socket,id=qga,host=127.0.0.1,port=4444,server=on,wait=off \
  -device virtio-serial-pci -device virtserialport,chardev=qga,name=org.qemu.guest_agent.0 \
  -device virtio-rng-pci -serial file:/tmp/l2.serial -daemonize -pidfile /tmp/l2.pid
exec bash -c 'until { exec 3<>/dev/tcp/127.0.0.1/4444 && echo "{\"execute\":\"guest-ping\"}" >&3 && read -r -t 2 line <&3 && [[ $line == *return* ]]; } 2>/dev/null; do exec 3<&-; sleep 0.05; done'
""" % L2_MEMORY_MB


def hypernest_round(first):
    hypernest("New-VM -Name L1 -Image host -MemoryStartupBytes 2GB | Out-Null; Set-VMProcessor -VMName L1 -ExposeVirtualizationExtensions $true")
    start = time.monotonic()
    hypernest("Start-VM L1; Wait-VM L1 -For Heartbeat -Timeout 300 | Out-Null")
    l1 = time.monotonic() - start
    argv = hypernest_qemu_argv() if first else None
    # L1's disk is a differencing disk over the host image's, which the plain chain's L1 gets too.
    base = backing_file(hypernest("(Get-VMHardDiskDrive -VMName L1).Path")) if first else None
    hypernest(f"Invoke-Command -VMName L1 -ScriptBlock {{ New-VM -Name L2 -Image tiny -MemoryStartupBytes {L2_MEMORY_MB}MB | Out-Null; "
              "Start-VM L2; Wait-VM L2 -For Heartbeat -Timeout 300 | Out-Null }")
    total = time.monotonic() - start
    hypernest("Stop-VM L1 -TurnOff; Remove-VM L1 -Force")
    return (l1, total), argv, base


def plain_round(work, argv, base):
    disk = differencing_disk(base, f"{work}/l1.qcow2")
    l1_argv = plain_qemu_argv(work, option(argv, "-cpu"), 2048, option(argv, "-kernel"), option(argv, "-initrd"), option(argv, "-append"), disk)
    start = time.monotonic()
    qemu = subprocess.Popen(l1_argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        if agent_answers(f"{work}/qga.sock", 300) is None:
            sys.exit("plain QEMU: L1's agent did not answer in 300 s")
        l1 = time.monotonic() - start
        agent = GuestAgent(f"{work}/qga.sock")
        code, output = agent.shell(L2_SCRIPT)
        total = time.monotonic() - start
        agent.close()
        if code != 0:
            sys.exit(f"plain QEMU: L2 in L1 failed (exit {code}): {output}")
        return l1, total
    finally:
        qemu.kill()
        qemu.wait()
        os.remove(disk)


def main():
    work = tempfile.mkdtemp(prefix="hn-bench-nested-")
    times = {"hypernest": [], "plain": []}
    base = None
    try:
        for round_ in range(ROUNDS):
            figures, argv, image = hypernest_round(first=round_ == 0)
            times["hypernest"].append(figures)
            if argv:
                plain_argv, base = argv, image
            times["plain"].append(plain_round(work, plain_argv, base))
            print(f"round {round_ + 1}: HyperNest L1 {figures[0]:.1f} s, L2 {figures[1]:.1f} s; "
                  f"plain L1 {times['plain'][-1][0]:.1f} s, L2 {times['plain'][-1][1]:.1f} s", file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    def median(who, index):
        return statistics.median(t[index] for t in times[who])

    print(f"\nNested, from nothing to heartbeat (TCG L0 with emulated AMD SVM; KVM in L1), median of {ROUNDS} paired rounds")
    print(f"{'measure':62} {'s':>6} {'/plain':>7}")
    for index, what in ((0, "L1 (host image, 2 GB) heartbeat"), (1, "L2 (tiny, 512 MB, inside L1) heartbeat")):
        plain, ours = median("plain", index), median("hypernest", index)
        print(f"{'plain QEMU command lines: ' + what:62} {plain:6.1f} {1:7.2f}")
        print(f"{'HyperNest cmdlets: ' + what:62} {ours:6.1f} {ours / plain:7.2f}")


main()
