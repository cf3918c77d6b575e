#!/usr/bin/env python3
"""Benchmark (never an assertion): does confining QEMU cost the guest anything? Boots the tiny image to its
guest agent's first answer with HyperNest's own QEMU arguments, alternately unconfined and confined
(-runas hypernest-qemu and HyperNest's -sandbox filter), and prints the medians and their ratio.
Needs root, the tiny image and the hypernest-qemu user (./run.sh or ./test.sh make them).
    scripts/bench-confinement.py [pairs=5]
"""
import glob, os, shutil, statistics, subprocess, sys, tempfile

from bench_common import agent_answers, differencing_disk

SANDBOX = "on,obsolete=deny,elevateprivileges=allow,spawn=deny,resourcecontrol=deny"  # QemuConfinement.SandboxOptions
images = "/var/cache/hypernest/images"
tiny = max(glob.glob(f"{images}/tiny-*/disk.qcow2"), key=os.path.getmtime).rsplit("/", 1)[0]
tools = max(glob.glob(f"{images}/hypernest-tools-*/tools.img"), key=os.path.getmtime)


def argv(work, confined):
    disk = os.path.join(work, "disk.qcow2")
    differencing_disk(f"{tiny}/disk.qcow2", disk)
    args = [
        "/usr/bin/qemu-system-x86_64", "-name", "guest=hn-bench", "-nodefaults", "-no-user-config", "-machine", "pc",
        "-accel", "tcg", "-cpu", "qemu64,-svm", "-smp", "1", "-m", "256M", "-display", "none",
        "-blockdev", '{"driver":"qcow2","node-name":"d","file":{"driver":"file","filename":"%s"}}' % disk,
        "-device", "virtio-blk-pci,drive=d",
        "-kernel", f"{tiny}/vmlinux", "-initrd", f"{tiny}/initrd.img",
        "-append", "console=ttyS0 root=/dev/vda rootfstype=ext4 rw",
        "-chardev", f"file,id=s,path={work}/serial.log", "-serial", "chardev:s",
        "-chardev", f"socket,id=qga,path={work}/qga.sock,server=on,wait=off",
        "-device", "virtio-serial-pci,id=vs", "-device", "virtserialport,bus=vs.0,chardev=qga,name=org.qemu.guest_agent.0",
        "-device", "virtio-rng-pci",
        "-blockdev", '{"driver":"raw","node-name":"t","read-only":true,"file":{"driver":"file","filename":"%s"}}' % tools,
        "-device", "virtio-blk-pci,drive=t,serial=hypernest-tools",
    ]
    return args + (["-runas", "hypernest-qemu", "-sandbox", SANDBOX] if confined else [])


def boot_seconds(confined):
    work = tempfile.mkdtemp(prefix="hn-bench-")
    qemu = subprocess.Popen(argv(work, confined), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        answered = agent_answers(f"{work}/qga.sock", 180)
    finally:
        qemu.kill()
        qemu.wait()
        shutil.rmtree(work)
    return answered


pairs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
times = {False: [], True: []}
for _ in range(pairs):
    for confined in (False, True):
        times[confined].append(boot_seconds(confined))
medians = {c: statistics.median(t for t in times[c] if t is not None) for c in times}
print(f"{'tiny guest, QEMU start to agent answer':44} {'median s':>9} {'ratio':>6}   runs")
for confined, label in ((False, "unconfined (baseline)"), (True, "confined: -runas + -sandbox")):
    runs = " ".join("%.2f" % t if t is not None else "-" for t in times[confined])
    print(f"{label:44} {medians[confined]:9.2f} {medians[confined] / medians[False]:6.2f}   {runs}")
