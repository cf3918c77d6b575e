"""Shared by the Python benchmarks (scripts/bench-*.py): processes, HyperNest calls, QEMU argv, the guest agent."""
import base64, json, os, re, socket, subprocess, sys, time


def run(*argv, check=True, quiet=True):
    return subprocess.run(argv, check=check, text=True, stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE if quiet else None, stderr=subprocess.PIPE if quiet else None)


def hypernest(script):
    done = run("hypernest", "-NoProfile", "-c", script, check=False)
    if done.returncode != 0:
        sys.exit(f"hypernest -c {script!r} failed (exit {done.returncode}):\n{done.stderr}{done.stdout}")
    return done.stdout.strip()


def hypernest_qemu_argv():
    """The argv of the running HyperNest VM's QEMU (its kernel, initrd, append and CPU are the baselines' too)."""
    home = os.environ["HYPERNEST_HOME"]
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                with open(f"/proc/{pid}/cmdline", "rb") as f:
                    argv = f.read().decode().split("\0")
            except OSError:
                continue
            if argv[0].endswith("qemu-system-x86_64") and any(home in a for a in argv):
                return argv
    sys.exit("no QEMU of this benchmark's HyperNest home is running")


def hypernest_agent_socket():
    """The guest agent socket of the running HyperNest VM, as its QEMU command line names it."""
    argv = hypernest_qemu_argv()
    for i, argument in enumerate(argv[:-1]):
        if argument == "-chardev" and argv[i + 1].startswith("socket,id=hn-qga,"):
            return dict(part.split("=", 1) for part in argv[i + 1].split(",") if "=" in part)["path"]
    sys.exit("the running HyperNest VM's QEMU has no guest agent socket")


def differencing_disk(base, path):
    """A qcow2 at PATH over BASE, as New-VM makes one over an image; returns PATH."""
    run("qemu-img", "create", "-q", "-f", "qcow2", "-F", "qcow2", "-b", base, path)
    return path


def backing_file(disk):
    """The image a differencing disk stands on."""
    return json.loads(run("qemu-img", "info", "-U", "--output=json", disk).stdout)["full-backing-filename"]


def plain_qemu_argv(work, cpu, memory_mb, kernel, initrd, append, disk, devices=()):
    """The command line a person writes by hand for a direct-kernel-boot guest with its agent on WORK/qga.sock and its
    console in WORK/serial.log: the baselines of the boot and nested benchmarks (TCG; DEVICES add, e.g., a NIC)."""
    return [
        "/usr/bin/qemu-system-x86_64", "-nodefaults", "-machine", "pc", "-accel", "tcg", "-cpu", cpu, "-m", str(memory_mb),
        "-display", "none", "-kernel", kernel, "-initrd", initrd, "-append", append,
        "-drive", f"file={disk},if=virtio,format=qcow2", *devices,
        "-chardev", f"socket,id=qga,path={work}/qga.sock,server=on,wait=off",
        "-device", "virtio-serial-pci", "-device", "virtserialport,chardev=qga,name=org.qemu.guest_agent.0",
        "-device", "virtio-rng-pci", "-serial", f"file:{work}/serial.log",
    ]


# What virt-install writes for an x86 guest and libvirt's domain XML leaves out unless asked: without <acpi/>
# libvirt starts QEMU with -no-acpi, a machine unlike HyperNest's, plain QEMU's and every virt-install guest.
LIBVIRT_FEATURES = "<features><acpi/><apic/></features>"


def iperf_line(server, seconds):
    """iperf3's client, TCP to SERVER for SECONDS, figures in Mbit/s."""
    return f"iperf3 -c {server} -t {seconds} -f m --connect-timeout 10000"


def receiver_mbits(output):
    """The receiver's Mbit/s in iperf3's summary, or '' when it has none."""
    figures = re.findall(r"([\d.]+) Mbits/sec.*receiver", output)
    return figures[-1] if figures else ""


def option(argv, name):
    return argv[argv.index(name) + 1]


def agent_answers(path, deadline):
    """Seconds until the guest agent behind the chardev socket PATH answers guest-ping (None after DEADLINE)."""
    start = time.monotonic()
    while time.monotonic() - start < deadline:
        try:
            with socket.socket(socket.AF_UNIX) as agent:
                agent.settimeout(0.5)
                agent.connect(path)
                agent.sendall(b'{"execute":"guest-ping"}\n')
                if b"return" in agent.recv(100):
                    return time.monotonic() - start
        except OSError:
            time.sleep(0.05)
    return None


def virsh_agent_answers(domain, deadline, since=None):
    """Seconds from SINCE (default now) until the libvirt domain's guest agent answers guest-ping (None after DEADLINE)."""
    start = time.monotonic() if since is None else since
    while time.monotonic() - start < deadline:
        if run("virsh", "-q", "qemu-agent-command", domain, "--timeout", "1", '{"execute":"guest-ping"}', check=False).returncode == 0:
            return time.monotonic() - start
        time.sleep(0.05)
    return None


class AgentShell:
    """Runs shell scripts in a guest through its agent's guest-exec; subclasses say how a command reaches the agent."""

    def execute(self, command, **arguments):
        raise NotImplementedError

    def shell(self, script, timeout=300):
        """Runs SCRIPT with the guest's /bin/sh and waits for it; returns (exit code, output)."""
        pid = self.execute("guest-exec", path="/bin/sh", arg=["-c", script], **{"capture-output": True})["pid"]
        start = time.monotonic()
        while time.monotonic() - start < timeout:
            status = self.execute("guest-exec-status", pid=pid)
            if status["exited"]:
                output = base64.b64decode(status.get("out-data", "")) + base64.b64decode(status.get("err-data", ""))
                return status.get("exitcode"), output.decode(errors="replace")
            time.sleep(0.1)
        raise TimeoutError(f"the guest's script did not end in {timeout} s")


class GuestAgent(AgentShell):
    """One connection to a guest agent: guest-sync first (stale answers are skipped), then commands one at a time."""

    def __init__(self, path):
        self.sock = socket.socket(socket.AF_UNIX)
        self.sock.settimeout(30)
        self.sock.connect(path)
        self.file = self.sock.makefile("rb")
        token = int(time.monotonic() * 1000) % 1000000
        self.sock.sendall(json.dumps({"execute": "guest-sync", "arguments": {"id": token}}).encode() + b"\n")
        while self.answer().get("return") != token:
            pass

    def answer(self):
        # A client before this one may have left guest-sync-delimited's 0xFF marker in the channel.
        return json.loads(self.file.readline().lstrip(b"\xff"))

    def execute(self, command, **arguments):
        self.sock.sendall(json.dumps({"execute": command, "arguments": arguments}).encode() + b"\n")
        answer = self.answer()
        if "error" in answer:
            raise RuntimeError(f"{command}: {answer['error']}")
        return answer["return"]

    def close(self):
        self.file.close()
        self.sock.close()


class VirshAgent(AgentShell):
    """A libvirt domain's guest agent, which libvirtd holds: every command goes through `virsh qemu-agent-command`."""

    def __init__(self, domain):
        self.domain = domain

    def execute(self, command, **arguments):
        done = run("virsh", "-q", "qemu-agent-command", self.domain, "--timeout", "30", json.dumps({"execute": command, "arguments": arguments}), check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{command}: {done.stderr.strip()}")
        return json.loads(done.stdout)["return"]
