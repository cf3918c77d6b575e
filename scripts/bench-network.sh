#!/usr/bin/env bash
# TCP throughput of the nested networking options under TCG (prints figures; asserts nothing):
# L1 -> L0 (the baseline, L1 on L0's switch; then again through L1's guest agent instead of a session), L2 -> L0
# through L1's NAT, and L2 -> L0 over the spoofed bridge (External switch in L1), each with iperf3 for the same
# time; ratios are against the baseline.
# Then the same three paths with L1 run by libvirt on a libvirt NAT network (bench-network-libvirt.py),
# when libvirt is installed (it is installed when missing, as for the boot benchmark).
#   scripts/bench-network.sh [seconds per run, default 10]
set -euo pipefail
source "$(dirname "$0")/lab-lib.sh"
if [[ ${HN_LAB_IN_NETNS:-} != 1 ]]; then bench_install_libvirt; fi
lab_enter_netns "$@"
seconds=${1:-10}

# L1 -> L0 with iperf3 run by L1's guest agent instead of a PowerShell session: the network path alone, measured as
# libvirt's L1 is (it has no PowerShell Direct).
# Only L1 runs then, so its socket is the one the running QEMU names.
agent_iperf() {
  python3 - "$1" "$(dirname "$0")" <<'PY'
import sys
sys.path.insert(0, sys.argv[2])
from bench_common import GuestAgent, hypernest_agent_socket, iperf_line, receiver_mbits
code, output = GuestAgent(hypernest_agent_socket()).shell(iperf_line("10.0.0.1", sys.argv[1]), timeout=int(sys.argv[1]) + 120)
print(receiver_mbits(output))
PY
}

# Each figure is taken with only the guests its path needs running: nested guests share L1's one
# emulated CPU, so an idle L2 left running would tax the next measurement. Progress goes to stderr.
{
  lab_l0
  lab_l1
} >&2
l1_mbits=$(lab_iperf "$seconds" l1)
l1_agent_mbits=$(agent_iperf "$seconds")
lab_nat_l2 >&2
nat_mbits=$(lab_iperf "$seconds" l2 L2)
l1 'Stop-VM L2 -TurnOff' >&2
lab_spoof_l2 >&2
spoof_mbits=$(lab_iperf "$seconds" l2 L2s)
l1 'Stop-VM L2s -TurnOff' >&2
# libvirt's L1 takes HyperNest's L1's command line and disk image while it still runs, then stops it.
bench_start_libvirtd
libvirt_rows=""
if [[ -n $BENCH_LIBVIRT ]]; then
  libvirt_rows=$(python3 "$(dirname "$0")/bench-network-libvirt.py" "$seconds") || echo "bench-network-libvirt.py failed (exit $?)" >&2
fi
if [[ $LAB_FAILED -ne 0 ]]; then
  echo "A lab check failed (see [FAIL] above); the figures below may be missing." >&2
fi
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

printf '%-48s %10s %8s\n' "iperf3 TCP, ${seconds} s each (TCG)" "Mbit/s" "ratio"
printf '%-48s %10s %8s\n' "L1 -> L0 (baseline)" "$l1_mbits" "1.00"
printf '%-48s %10s %8s\n' "L1 -> L0, iperf3 run by L1's guest agent" "$l1_agent_mbits" "$(ratio "$l1_agent_mbits" "$l1_mbits")"
printf '%-48s %10s %8s\n' "L2 -> L0 through L1's NAT" "$nat_mbits" "$(ratio "$nat_mbits" "$l1_mbits")"
printf '%-48s %10s %8s\n' "L2 -> L0 over the spoofed bridge" "$spoof_mbits" "$(ratio "$spoof_mbits" "$l1_mbits")"
if [[ -z $BENCH_LIBVIRT ]]; then
  printf '%-48s %s\n' "libvirt's NAT network for L1: not measured" "$BENCH_NO_LIBVIRT"
else
  # Ratios to libvirt's own L1 -> L0, and (last column) each path against HyperNest's same path: libvirt's L1 runs
  # iperf3 through its guest agent, so HyperNest's row for it is the guest agent's.
  libvirt_l1=$(awk -F'\t' 'NR == 1 {print $2}' <<<"$libvirt_rows")
  hypernest_paths=("$l1_agent_mbits" "$nat_mbits" "$spoof_mbits")
  i=0
  while IFS=$'\t' read -r label mbits; do
    printf '%-48s %10s %8s %s\n' "$label" "$mbits" "$(ratio "$mbits" "$libvirt_l1")" "(HyperNest/libvirt $(ratio "${hypernest_paths[$i]}" "$mbits"))"
    i=$((i + 1))
  done <<<"$libvirt_rows"
fi
