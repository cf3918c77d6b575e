#!/usr/bin/env bash
# hypernestd's figures (never assertions), in a network namespace and a HyperNest home of their own:
# GET /v1/vms (the API call, timed by curl) and Get-VM (the cmdlet, in a warm session) with no VMs, with
# DEFINED VMs defined, and with RUNNING tiny guests running besides; the service's RSS per running VM beside
# QEMU's own, and its CPU while idle with them. Ratios are to the call with no VMs.
#   scripts/bench-service.sh [running=10] [defined=1000] [runs=21]
set -euo pipefail
source "$(dirname "$0")/lab-lib.sh"
lab_enter_netns "$@"
running=${1:-10}
defined=${2:-1000}
runs=${3:-21}
(( running >= 1 )) || { echo "bench-service: RUNNING must be at least 1 (the rows with guests running are measured with them); got $running" >&2; exit 2; }

hypernest -NoProfile -c 'Get-VMHost | Out-Null'
socket=$LAB_HOME/run/hypernestd.sock
service=$(cat "$LAB_HOME/run/hypernestd.pid")

api_call_s() { curl -s -o /dev/null -w '%{time_total}\n' --unix-socket "$socket" http://hypernestd/v1/vms; }
# The first GET /v1/vms after the VMs were made (ms): the service's code for a listing this size is still
# .NET's first-tier code (recompiled after 30 calls), and its store cache is cold.
api_first_ms() { api_call_s | awk '{printf "%.1f", $1 * 1000}'; }
# Median of $runs GET /v1/vms, curl's own time (no process start), after 30 untimed calls: the steady state
# of a service that runs for days.
api_ms() {
  for ((i = 0; i < 30; i++)); do api_call_s >/dev/null; done
  for ((i = 0; i < runs; i++)); do api_call_s; done | sort -n | awk '{a[NR] = $1 * 1000} END {printf "%.1f", a[int((NR + 1) / 2)]}'
}
cmdlet_ms() { # median of $runs Get-VM in one warm session
  hypernest -NoProfile -c "\$null = Get-VM; \$t = 1..$runs | ForEach-Object { (Measure-Command { Get-VM }).TotalMilliseconds } | Sort-Object; '{0:0.0}' -f \$t[[int](($runs - 1) / 2)]"
}
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

api0=$(api_ms); cmd0=$(cmdlet_ms); rss0=$(rss_kb "$service")
t0=$(date +%s%N)
hypernest -NoProfile -c "1..$defined | ForEach-Object { New-VM -Name ('def{0:0000}' -f \$_) -NoVHD | Out-Null }"
t1=$(date +%s%N)
new_vm_ms=$(awk -v a="$t0" -v b="$t1" -v n="$defined" 'BEGIN {printf "%.1f", (b - a) / 1e6 / n}')
apiFirst=$(api_first_ms); apiD=$(api_ms); cmdD=$(cmdlet_ms); rssD=$(rss_kb "$service")

echo "==> starting $running tiny guests"
hypernest -NoProfile -c "1..$running | ForEach-Object { New-VM -Name ('run{0:00}' -f \$_) -MemoryStartupBytes 256MB -Image tiny | Out-Null }; Get-VM run* | Start-VM; Get-VM run* | ForEach-Object { Wait-VM -Name \$_.Name -For Heartbeat -Timeout 600 | Out-Null }"
# Then until they settle (load average under 1.5, at most 2 minutes; ten idle TCG guests keep it near 12 here):
# each guest's PowerShell Direct endpoint and its spare session server (.NET under TCG) start after its heartbeat,
# and ten of them fill this machine's two cores, which every call would wait behind. The load at the measurement is
# printed with the figures.
for ((i = 0; i < 24; i++)); do awk '{exit !($1 < 1.5)}' /proc/loadavg && break; sleep 5; done
load=$(cut -d' ' -f1 /proc/loadavg)
apiR=$(api_ms); cmdR=$(cmdlet_ms); rssR=$(rss_kb "$service")
# The same calls with the guests frozen (SIGSTOP): what the running VMs cost the service itself, apart from
# the wait for a core behind ten TCG guests. The sampler's probes of frozen guests time out in the background.
pkill -STOP -f "qemu-system.*$LAB_HOME"
sleep 10
apiF=$(api_ms); cmdF=$(cmdlet_ms)
pkill -CONT -f "qemu-system.*$LAB_HOME"
qemu_kb=$(for pid in $(pgrep -f "qemu-system.*$LAB_HOME"); do rss_kb "$pid"; done | awk '{s += $1} END {print s + 0}')
ticks0=$(cpu_ticks "$service"); sleep 30; ticks1=$(cpu_ticks "$service")
idle_cpu=$(awk -v a="$ticks0" -v b="$ticks1" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.2f", (b - a) / hz / 30 * 100}')

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
per_vm() { awk -v a="$1" -v b="$2" -v n="$running" 'BEGIN {printf "%.1f", (a - b) / n}'; }
printf '\n%-62s %10s %8s\n' "measure" "value" "ratio"
printf '%-62s %10s %8s\n' "GET /v1/vms, no VMs (ms, median of $runs after 30)" "$api0" "1.00"
printf '%-62s %10s %8s\n' "GET /v1/vms, $defined defined, first call (ms)" "$apiFirst" "$(ratio "$apiFirst" "$api0")"
printf '%-62s %10s %8s\n' "GET /v1/vms, $defined defined (ms)" "$apiD" "$(ratio "$apiD" "$api0")"
printf '%-62s %10s %8s\n' "GET /v1/vms, $defined defined + $running running (ms; load $load)" "$apiR" "$(ratio "$apiR" "$api0")"
printf '%-62s %10s %8s\n' "GET /v1/vms, $defined defined + $running running, guests frozen (ms)" "$apiF" "$(ratio "$apiF" "$api0")"
printf '%-62s %10s %8s\n' "  per running VM, guests frozen (ms)" "$(per_vm "$apiF" "$apiD")" "-"
printf '%-62s %10s %8s\n' "Get-VM in a warm session, no VMs (ms)" "$cmd0" "1.00"
printf '%-62s %10s %8s\n' "Get-VM in a warm session, $defined defined (ms)" "$cmdD" "$(ratio "$cmdD" "$cmd0")"
printf '%-62s %10s %8s\n' "Get-VM in a warm session, $defined defined + $running running (ms)" "$cmdR" "$(ratio "$cmdR" "$cmd0")"
printf '%-62s %10s %8s\n' "Get-VM in a warm session, $defined defined + $running running, frozen (ms)" "$cmdF" "$(ratio "$cmdF" "$cmd0")"
printf '%-62s %10s %8s\n' "New-VM -NoVHD through the service (ms per VM)" "$new_vm_ms" "-"
printf '%-62s %10s %8s\n' "hypernestd RSS, idle / $defined defined / + $running running (MB)" "$((rss0 / 1024)) / $((rssD / 1024)) / $((rssR / 1024))" "-"
printf '%-62s %10s %8s\n' "  hypernestd RSS per running VM (MB)" "$(awk -v a="$rssR" -v b="$rssD" -v n="$running" 'BEGIN {printf "%.1f", (a - b) / 1024 / n}')" "-"
printf '%-62s %10s %8s\n' "  QEMU RSS per running VM (MB)" "$(awk -v a="$qemu_kb" -v n="$running" 'BEGIN {printf "%.0f", a / 1024 / n}')" "-"
printf '%-62s %10s %8s\n' "hypernestd CPU, idle with $running running (% of one core, 30 s)" "$idle_cpu" "-"
