#!/usr/bin/env bash
# Benchmark of the whole L0 → L1 → L2 run under TCG (prints figures; asserts nothing). Needs
# /usr/local/bin/hypernest and the "host" image (./test.sh builds both). Runs in a network namespace of
# its own, like the integration tests. DESIGN.md's reference: raw QEMU, busybox L1 and L2: ~30 s.
#   scripts/bench-nested.sh
set -euo pipefail
if [[ ${HN_BENCH_IN_NETNS:-} != 1 ]]; then
  exec env HN_BENCH_IN_NETNS=1 unshare --net -- "$0" "$@"
fi
ip link set lo up
home=$(mktemp -d /tmp/hn-bench-nested-XXXXXX)
export HYPERNEST_HOME=$home
trap 'hypernest -c "Get-VM | Stop-VM -TurnOff" >/dev/null 2>&1 || true; rm -rf "$home"' EXIT

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

hypernest -c 'New-VM -Name L1 -Image host -MemoryStartupBytes 2GB | Out-Null; Set-VMProcessor -VMName L1 -ExposeVirtualizationExtensions $true' 2>/dev/null
t0=$(date +%s%N)
hypernest -c 'Start-VM L1; Wait-VM L1 -For Heartbeat -Timeout 300' 2>/dev/null
l1_ms=$(ms "$t0")
t1=$(date +%s%N)
hypernest -c 'Invoke-Command -VMName L1 -ScriptBlock { Get-VMHost | Select-Object -ExpandProperty Accelerator }' >/dev/null
invoke_ms=$(ms "$t1")
t2=$(date +%s%N)
hypernest -c 'Invoke-Command -VMName L1 -ScriptBlock { New-VM -Name L2 -Image tiny | Out-Null; Start-VM L2; Wait-VM L2 -For Heartbeat -Timeout 300 }' >/dev/null
l2_ms=$(ms "$t2")
total_ms=$(ms "$t0")
active=$(hypernest -c 'Get-VM L1 | Select-Object -ExpandProperty NestedHypervisorActive')

printf '%-52s %10s\n' "measure (TCG, emulated AMD SVM for L1)" "ms"
printf '%-52s %10d\n' "L0: Start-VM L1 to heartbeat (host image)" "$l1_ms"
printf '%-52s %10d\n' "Invoke-Command round trip into L1 (Get-VMHost)" "$invoke_ms"
printf '%-52s %10d\n' "Invoke-Command: L1 creates, starts L2, heartbeat" "$l2_ms"
printf '%-52s %10d\n' "whole L0 -> L1 -> L2 run" "$total_ms"
printf '%-52s %10s\n' "L1 NestedHypervisorActive while L2 runs" "$active"
printf '%-52s %10s\n' "reference: raw QEMU L0->L1->L2 (DESIGN.md)" "~30000"
