#!/usr/bin/env bash
# Benchmarks (never assertions): prints a table of medians and ratios against baselines measured in the
# same run. Needs /usr/local/bin/hypernest (./run.sh or ./test.sh installs it) and the tiny image.
#   scripts/bench.sh [runs]
set -euo pipefail
runs=${1:-21}
home=$(mktemp -d /tmp/hn-bench-XXXXXX)
trap 'HYPERNEST_HOME=$home hypernest -c "Get-VM | Stop-VM -TurnOff" >/dev/null 2>&1 || true; rm -rf "$home"' EXIT
export HYPERNEST_HOME=$home

median_ms() { # command... -> median wall time in ms over $runs runs
  local times=()
  for ((i = 0; i < runs; i++)); do
    local t0 t1
    t0=$(date +%s%N); "$@" >/dev/null; t1=$(date +%s%N)
    times+=($(((t1 - t0) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

version_ms=$(median_ms hypernest -Version)
empty_ms=$(median_ms hypernest -c 'Get-VM')
hypernest -c "$(for i in $(seq 1 100); do printf 'New-VM -Name bench%03d -NoVHD; ' "$i"; done)" >/dev/null
hundred_ms=$(median_ms hypernest -c 'Get-VM')
# In one session (the engine and the module warm), the median of $runs Get-VM calls with 100 VMs.
insession_ms=$(hypernest -NoProfile -c "\$null = Get-VM; \$t = 1..$runs | ForEach-Object { (Measure-Command { Get-VM }).TotalMilliseconds } | Sort-Object; [math]::Round(\$t[[int](($runs - 1) / 2)], 1)")
noop_ms=$(median_ms hypernest -NoProfile -c '$null')

name=boot$$
hypernest -c "New-VM -Name $name -MemoryStartupBytes 512MB -Image tiny" >/dev/null
t0=$(date +%s%N)
hypernest -c "Start-VM $name; Wait-VM -Name $name -For Heartbeat -Timeout 300" >/dev/null
t1=$(date +%s%N)
boot_ms=$(((t1 - t0) / 1000000))
hypernest -c "Stop-VM $name -TurnOff" >/dev/null

printf '%-44s %10s %8s\n' "measure" "ms" "ratio"
printf '%-44s %10d %8s\n' "hypernest -Version (baseline: process start)" "$version_ms" "1.00"
printf '%-44s %10d %8.2f\n' "hypernest -c 'Get-VM', 0 VMs" "$empty_ms" "$(awk -v a="$empty_ms" -v b="$version_ms" 'BEGIN {print a / b}')"
printf '%-44s %10d %8.2f\n' "hypernest -c 'Get-VM', 100 VMs (median of $runs)" "$hundred_ms" "$(awk -v a="$hundred_ms" -v b="$version_ms" 'BEGIN {print a / b}')"
printf '%-44s %10d %8.2f\n' "hypernest -NoProfile -c '\$null' (engine start)" "$noop_ms" "$(awk -v a="$noop_ms" -v b="$version_ms" 'BEGIN {print a / b}')"
printf '%-44s %10s %8s\n' "Measure-Command { Get-VM } in session, 100 VMs" "$insession_ms" "-"
printf '%-44s %10d %8s\n' "Start-VM to heartbeat, tiny image (TCG)" "$boot_ms" "-"
printf '%-44s %10s %8s\n' "installed HyperNest (MB)" "$(du -sm "$(dirname "$(readlink -f "$(command -v hypernest)")")" | cut -f1)" "-"
hypernest -NoProfile -c 'Get-VMImage | Format-Table Name, Built, @{ Name = "Size(MB)"; Expression = { [long]($_.SizeBytes / 1MB) } }'
