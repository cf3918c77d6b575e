#!/usr/bin/env bash
# Installs what HyperNest needs on a Debian 12 machine (idempotent), builds it, and installs the
# self-contained ReadyToRun build in /usr/local/lib/hypernest, with /usr/local/bin/hypernest pointing at it. Sourced by run.sh and test.sh.
set -euo pipefail

HN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Where the published HyperNest lives (the executable, PowerShell's engine and the HyperNest module).
HN_LIB=/usr/local/lib/hypernest
# iperf3 and dnsmasq-base serve L0's side of the nested lab (scripts/nested-lab.sh): TCP throughput
# (the guest images carry iperf3 too) and a DNS server.
HN_PACKAGES=(qemu-system-x86 qemu-utils ovmf seabios mmdebstrap nftables iproute2 iperf3 busybox-static cpio zstd xz-utils e2fsprogs util-linux dnsmasq-base genisoimage)
# The per-link DNS test runs systemd-resolved on a D-Bus of its own: the bus daemon, and the private library
# resolved links against (resolved itself is unpacked by hn_fetch_resolved, not installed).
HN_TEST_PACKAGES=(dbus-daemon libsystemd-shared)
# systemd-resolved for that test, unpacked from its Debian package here.
HN_RESOLVED_DIR=/var/cache/hypernest/test-tools/systemd-resolved

hn_require_root() {
  if [[ $(id -u) -ne 0 ]]; then
    echo "HyperNest manages VMs, bridges and /var/lib/hypernest: run this as root (sudo $0)." >&2
    exit 1
  fi
}

hn_install_packages() { # [extra packages…]
  local missing=()
  for p in "${HN_PACKAGES[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if ((${#missing[@]})); then
    echo "==> Installing Debian packages: ${missing[*]}"
    apt-get update -q
    # iperf3's postinst asks whether to start an iperf3 server at boot; this machine must not run one,
    # and an unanswered question would stall a non-interactive install.
    echo 'iperf3 iperf3/start_daemon boolean false' | debconf-set-selections
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
  # Every VM's QEMU drops to this user before the guest runs (QemuConfinement), as libvirt's runs as libvirt-qemu.
  if ! id -u hypernest-qemu >/dev/null 2>&1; then
    echo "==> Creating the unprivileged user QEMU runs as: hypernest-qemu"
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin --user-group hypernest-qemu
  fi
  if ! command -v dotnet >/dev/null; then
    echo "The .NET 10 SDK (dotnet) is not on PATH. Install it, then run this again." >&2
    exit 1
  fi
}

# systemd-resolved, unpacked under $HN_RESOLVED_DIR and never installed: its package would make the
# machine's /etc/resolv.conf resolved's stub. The version is the installed libsystemd-shared's (resolved
# links against that private library), else the archive's current one.
hn_fetch_resolved() {
  [[ -x $HN_RESOLVED_DIR/lib/systemd/systemd-resolved ]] && return
  echo "==> Unpacking systemd-resolved for the per-link DNS test into $HN_RESOLVED_DIR"
  local download
  download=$(mktemp -d)
  chown _apt "$download" 2>/dev/null || true
  local version
  version=$(dpkg-query -W -f='${Version}' libsystemd-shared)
  fetch() { (cd "$download" && { apt-get download -q "systemd-resolved=$version" || apt-get download -q systemd-resolved; }); }
  # Package lists older than the archive (a fresh machine's) cannot find it: refreshed once, then tried again.
  fetch || { apt-get update -q && fetch; }
  mkdir -p "$HN_RESOLVED_DIR"
  dpkg-deb -x "$download"/systemd-resolved_*.deb "$HN_RESOLVED_DIR"
  rm -rf "$download"
}

hn_publish() {
  echo "==> Building HyperNest (self-contained, ReadyToRun)"
  dotnet publish "$HN_ROOT/src/HyperNest.Cli/HyperNest.Cli.csproj" -c Release -r linux-x64 --self-contained \
    -p:PublishReadyToRun=true -o "$HN_ROOT/out/hypernest" -nologo -v quiet
  # A folder, not one file: PowerShell's engine and the HyperNest module (HyperNest.psd1, its dll and
  # views) live beside the executable, where any pwsh can Import-Module them. Swapped in whole, so a
  # hypernest that is running keeps the files it started with.
  rm -rf "$HN_LIB.new"
  cp -a "$HN_ROOT/out/hypernest" "$HN_LIB.new"
  if [[ -d $HN_LIB ]]; then mv "$HN_LIB" "$HN_LIB.old"; fi
  mv "$HN_LIB.new" "$HN_LIB"
  rm -rf "$HN_LIB.old"
  ln -sfn "$HN_LIB/hypernest" /usr/local/bin/hypernest
  ln -sfn "$HN_LIB/hypernestd" /usr/local/bin/hypernestd
  echo "==> Installed $HN_LIB (module: $HN_LIB/Modules/HyperNest/HyperNest.psd1), /usr/local/bin/hypernest and hypernestd"
  hn_restart_service
  # Only where systemd is the init (not in containers or CI sandboxes): the restore-at-boot unit, the
  # service with its socket, and the automatic stop actions at shutdown. Elsewhere the first client starts
  # hypernestd, and nothing stops the VMs at shutdown (the init system's SIGTERM ends QEMU).
  if [[ -d /run/systemd/system ]]; then
    install -m 0644 "$HN_ROOT/contrib/systemd/hypernest-restore-network.service" "$HN_ROOT/contrib/systemd/hypernestd.service" \
      "$HN_ROOT/contrib/systemd/hypernestd.socket" "$HN_ROOT/contrib/systemd/hypernest-guests.service" /etc/systemd/system/
    systemctl daemon-reload
    systemctl enable -q hypernest-restore-network.service hypernestd.socket hypernestd.service hypernest-guests.service
    systemctl start hypernestd.socket hypernest-guests.service
    echo "==> Enabled hypernest-restore-network.service, hypernestd.socket, hypernestd.service and hypernest-guests.service"
  fi
}

# A hypernestd of the default home still runs the build it started with: stop it (its VMs keep running)
# so the next command starts the one just installed.
hn_restart_service() {
  local pid_file=/var/lib/hypernest/run/hypernestd.pid
  if [[ -d /run/systemd/system ]] && systemctl is-active -q hypernestd.service; then
    systemctl restart hypernestd.service
  elif [[ -s $pid_file ]] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
    kill "$(cat "$pid_file")"
    echo "==> Stopped the running hypernestd (pid $(cat "$pid_file")); the next command starts the new one"
  fi
}
