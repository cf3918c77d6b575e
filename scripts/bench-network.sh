#!/usr/bin/env bash
# TCP throughput of the nested networking options under TCG (prints figures; asserts nothing):
# L1 -> L0 (the baseline, L1 on L0's switch), L2 -> L0 through L1's NAT, and L2 -> L0 over the spoofed
# bridge (External switch in L1), each with iperf3 for the same time; ratios are against the baseline.
#   scripts/bench-network.sh [seconds per run, default 10]
set -euo pipefail
source "$(dirname "$0")/lab-lib.sh"
lab_enter_netns "$@"
seconds=${1:-10}

# Each figure is taken with only the guests its path needs running: nested guests share L1's one
# emulated CPU, so an idle L2 left running would tax the next measurement. Progress goes to stderr.
{
  lab_l0
  lab_l1
} >&2
l1_mbits=$(lab_iperf "$seconds" l1)
lab_nat_l2 >&2
nat_mbits=$(lab_iperf "$seconds" l2 L2)
l1 'Stop-VM L2 -TurnOff' >&2
lab_spoof_l2 >&2
spoof_mbits=$(lab_iperf "$seconds" l2 L2s)
if [[ $LAB_FAILED -ne 0 ]]; then
  echo "A lab check failed (see [FAIL] above); the figures below may be missing." >&2
fi
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

printf '%-48s %10s %8s\n' "iperf3 TCP, ${seconds} s each (TCG)" "Mbit/s" "ratio"
printf '%-48s %10s %8s\n' "L1 -> L0 (baseline)" "$l1_mbits" "1.00"
printf '%-48s %10s %8s\n' "L2 -> L0 through L1's NAT" "$nat_mbits" "$(ratio "$nat_mbits" "$l1_mbits")"
printf '%-48s %10s %8s\n' "L2 -> L0 over the spoofed bridge" "$spoof_mbits" "$(ratio "$spoof_mbits" "$l1_mbits")"
