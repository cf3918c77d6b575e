#!/usr/bin/env bash
# HyperNest's benchmarks: figures and ratios against baselines measured in the same run (plain QEMU, libvirt,
# the first path of a pair), medians of several repetitions, never assertions. Each area runs in a network
# namespace and a HyperNest home of its own and needs /usr/local/bin/hypernest (./run.sh or ./test.sh installs
# it); the libvirt baselines install Debian's libvirt when it is missing (its daemons run only in the namespace).
#   scripts/bench.sh AREA [ARGS]   one area, with its own arguments:
#     boot [rounds=10]                   tiny image to agent answer: HyperNest vs plain QEMU vs libvirt
#     cli [runs=11]                      Get-VM with 0/100/1000 VMs vs virsh list --all
#     service [running=10] [defined=1000] [runs=21]   GET /v1/vms and Get-VM from the service's model; its RSS and CPU
#     nested                             L0 -> L1 -> L2 to heartbeat
#     network [seconds=10]               iperf3 L1->L0, L2->L0 through NAT and over the spoofed bridge; the same with libvirt's L1 on a libvirt NAT network
#     memory [count=8]                   Dynamic Memory density, balancer cost, following a guest
#     direct [runs=11]                   Invoke-Command into a tiny guest, an L1 and an L2 in it, cold and warm
#     confinement [pairs=5]              -runas and -sandbox against unconfined QEMU
#   scripts/bench.sh all               every area with its defaults, then a Markdown report (docs/benchmarks.md's table)
set -euo pipefail
here=$(dirname "$(readlink -f "$0")")
area=${1:-}
shift || true

case $area in
  boot | cli | service | nested | network | memory | direct) exec "$here/bench-$area.sh" "$@" ;;
  confinement) exec python3 "$here/bench-confinement.py" "$@" ;;
  all) ;;
  *) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2 ;;
esac

areas="boot cli service nested network memory direct confinement"
out=$(mktemp -d /tmp/hn-bench-all-XXXXXX)
for area in $areas; do
  echo "==> scripts/bench.sh $area" >&2
  "$0" "$area" >"$out/$area.txt" || echo "(scripts/bench.sh $area failed: exit $?)" >>"$out/$area.txt"
done
cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
accel=$(grep -qwE 'vmx|svm' /proc/cpuinfo && echo KVM || echo "TCG (no vmx/svm)")
echo "# Benchmarks"
echo
echo "Run by \`scripts/bench.sh all\` on $(date -u +%Y-%m-%d), commit $(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo unknown):"
echo "$(nproc) cores ($cpu), $(awk '/MemTotal/ {printf "%d GiB", $2 / 1048576 + 0.5}' /proc/meminfo), $(. /etc/os-release; echo "$PRETTY_NAME"), kernel $(uname -r),"
echo "$(qemu-system-x86_64 --version | head -1), accelerator $accel$(command -v libvirtd >/dev/null && echo ", libvirt $(libvirtd --version | awk '{print $NF}')")."
for area in $areas; do
  echo
  echo "## $area"
  echo
  echo '```'
  grep -v '^==>' "$out/$area.txt" | sed '/./,$!d'
  echo '```'
done
rm -rf "$out"
