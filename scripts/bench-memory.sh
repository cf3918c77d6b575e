#!/usr/bin/env bash
# Memory figures (never assertions), in a network namespace and a HyperNest home of their own:
#  - density: COUNT idle tiny guests with 1 GB of startup memory, static, then with Dynamic Memory (minimum
#    256 MB): the sum of their QEMU processes' RSS once they settle, and what the guests were assigned;
#  - the balancer's cost: hypernestd's CPU over 30 s with the COUNT Dynamic Memory guests, beside the same
#    with the static ones (its sampler runs in both), and its RSS;
#  - following a guest: a Dynamic Memory guest writes 512 MB into a tmpfs in 64 MB steps a second apart (at
#    once, it would outrun a balancer that looks once a second, and its OOM killer would act); the seconds until
#    its memory holds them with its buffer (status OK), and until it is given back once deleted.
#   scripts/bench-memory.sh [count=8]
set -euo pipefail
source "$(dirname "$0")/lab-lib.sh"
lab_enter_netns "$@"
count=${1:-8}
MiB=$((1024 * 1024))

rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
qemu_rss_mb() { for pid in $(pgrep -f "qemu-system.*$LAB_HOME"); do rss_kb "$pid"; done | awk '{s += $1} END {printf "%d", s / 1024}'; }
assigned_mb() { hypernest -NoProfile -c "'{0:0}' -f ((Get-VM | Measure-Object MemoryAssigned -Sum).Sum / 1MB)"; }

# Starts COUNT guests of the given memory setup, waits for their heartbeat and SETTLE seconds; prints
# "<qemu rss MB> <assigned MB> <service CPU ms per second over 30 s>", then turns them off and removes them.
density() {
  local setup=$1
  hypernest -NoProfile -c "1..$count | ForEach-Object { \$n = 'm{0:00}' -f \$_; New-VM -Name \$n -MemoryStartupBytes 1GB -Image tiny | Out-Null; $setup }
    Get-VM m* | Start-VM; Get-VM m* | ForEach-Object { Wait-VM -Name \$_.Name -For Heartbeat -Timeout 900 | Out-Null }" >&2
  sleep 30
  local service ticks0 ticks1
  service=$(cat "$LAB_HOME/run/hypernestd.pid")
  ticks0=$(cpu_ticks "$service"); sleep 30; ticks1=$(cpu_ticks "$service")
  echo "$(qemu_rss_mb) $(assigned_mb) $(( (ticks1 - ticks0) * 1000 / $(getconf CLK_TCK) / 30 )) $(( $(rss_kb "$service") / 1024 ))"
  hypernest -NoProfile -c 'Get-VM m* | Stop-VM -TurnOff; Get-VM m* | Remove-VM -Force' >&2
}

echo "==> $count static guests" >&2
read -r static_rss static_assigned static_cpu static_service <<<"$(density '')"
echo "==> $count Dynamic Memory guests" >&2
read -r dynamic_rss dynamic_assigned dynamic_cpu dynamic_service <<<"$(density "Set-VMMemory -VMName \$n -DynamicMemoryEnabled \$true -MinimumBytes 256MB -MaximumBytes 2GB")"

echo "==> one Dynamic Memory guest follows 512 MB" >&2
hypernest -NoProfile -c "New-VM -Name follow -MemoryStartupBytes 512MB -Image tiny | Out-Null; Set-VMMemory -VMName follow -DynamicMemoryEnabled \$true -MinimumBytes 256MB -MaximumBytes 2GB
  Start-VM follow; Wait-VM -Name follow -For Heartbeat -Timeout 300 | Out-Null" >&2
follow=$(hypernest -NoProfile -c "
  \$s = New-PSSession -VMName follow
  Invoke-Command -Session \$s -ScriptBlock { busybox mkdir -p /mnt/f; busybox mount -t tmpfs -o size=1g tmpfs /mnt/f }
  Start-Sleep 10; \$idle = (Get-VM follow).MemoryAssigned
  \$clock = [Diagnostics.Stopwatch]::StartNew()
  Invoke-Command -Session \$s -ScriptBlock { foreach (\$i in 1..8) { busybox dd if=/dev/zero of=/mnt/f/\$i bs=1M count=64 2>&1 | Out-Null; Start-Sleep 1 } }
  \$written = \$clock.Elapsed.TotalSeconds
  while (-not ((Get-VM follow).MemoryStatus -eq 'OK' -and (Get-VM follow).MemoryDemand -gt \$idle + 480MB) -and \$clock.Elapsed.TotalSeconds -lt 120) { Start-Sleep -Milliseconds 200 }
  \$followed = \$clock.Elapsed.TotalSeconds; \$grown = (Get-VM follow).MemoryAssigned
  Invoke-Command -Session \$s -ScriptBlock { busybox rm /mnt/f/1 /mnt/f/2 /mnt/f/3 /mnt/f/4 /mnt/f/5 /mnt/f/6 /mnt/f/7 /mnt/f/8 }
  \$clock.Restart()
  while ((Get-VM follow).MemoryAssigned -gt \$idle + 96MB -and \$clock.Elapsed.TotalSeconds -lt 120) { Start-Sleep -Milliseconds 200 }
  '{0:0.0} {1:0.0} {2:0.0} {3:0} {4:0}' -f \$written, \$followed, \$clock.Elapsed.TotalSeconds, (\$idle / 1MB), (\$grown / 1MB)")
read -r written followed reclaimed idle_mb grown_mb <<<"$follow"

printf '\n%-62s %12s %8s\n' "measure ($count tiny guests, 1 GB startup, TCG)" "figure" "ratio"
printf '%-62s %9d MB %8s\n' "QEMU RSS, static" "$static_rss" "1.00"
printf '%-62s %9d MB %8.2f\n' "QEMU RSS, Dynamic Memory (minimum 256 MB)" "$dynamic_rss" "$(awk -v a="$dynamic_rss" -v b="$static_rss" 'BEGIN {print a / b}')"
printf '%-62s %9d MB %8s\n' "memory assigned to the guests, static" "$static_assigned" "1.00"
printf '%-62s %9d MB %8.2f\n' "memory assigned to the guests, Dynamic Memory" "$dynamic_assigned" "$(awk -v a="$dynamic_assigned" -v b="$static_assigned" 'BEGIN {print a / b}')"
printf '%-62s %6d ms/s %8s\n' "hypernestd CPU, static guests (sampler only)" "$static_cpu" "-"
printf '%-62s %6d ms/s %8s\n' "hypernestd CPU, Dynamic Memory guests (sampler + balancer)" "$dynamic_cpu" "-"
printf '%-62s %9d MB %8s\n' "hypernestd RSS, static / Dynamic Memory" "$static_service" "$dynamic_service"
printf '%-62s %10s s %8s\n' "guest writes 512 MB into a tmpfs (8 x 64 MB, 1 s apart)" "$written" "-"
printf '%-62s %10s s %8s\n' "... until its memory holds it with its buffer (OK)" "$followed" "-"
printf '%-62s %10s s %8s\n' "... deleted: until it is given back (within 96 MB of idle)" "$reclaimed" "-"
printf '%-62s %6s -> %s MB\n' "assigned: idle -> holding 512 MB" "$idle_mb" "$grown_mb"
