#!/usr/bin/env bash
# CLI figures (prints a table; asserts nothing), in a network namespace and a HyperNest home of their own:
# `hypernest -c 'Get-VM'` as a user types it and Get-VM in a warm session with 0, 100 and 1000 VMs defined, and
# `virsh list --all` (libvirtd in the same namespace), each the median of RUNS; ratios are HyperNest's to virsh's
# with as many VMs. Process and engine start are shown apart.
#   scripts/bench-cli.sh [runs=11]
set -euo pipefail
source "$(dirname "$0")/lab-lib.sh"
if [[ ${HN_LAB_IN_NETNS:-} != 1 ]]; then bench_install_libvirt; fi
lab_enter_netns "$@"
bench_start_libvirtd
runs=${1:-11}

median_ms() { # command... -> median wall time in ms over $runs runs
  local i t0 t1
  for ((i = 0; i < runs; i++)); do
    t0=$(date +%s%N); "$@" >/dev/null; t1=$(date +%s%N)
    echo $(((t1 - t0) / 1000000))
  done | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'
}
in_session_ms() { # median of $runs Get-VM in one session (the engine and the module warm)
  hypernest -NoProfile -c "\$null = Get-VM; \$t = 1..$runs | ForEach-Object { (Measure-Command { Get-VM }).TotalMilliseconds } | Sort-Object; '{0:0}' -f \$t[[int](($runs - 1) / 2)]"
}
define_vms() { # up to $1 VMs in all (no disks: listing cost only)
  hypernest -NoProfile -c "$2..$1 | ForEach-Object { New-VM -Name ('bench{0:0000}' -f \$_) -NoVHD | Out-Null }"
}
# libvirt 9.0 here (libvirtd -d, no systemd) takes 32 s to define one domain (measured: three in a row, 32.2, 32.0 and
# 31.9 s; virsh list 22 ms; started with 100 domain configs in place it had not answered after 300 s), so virsh is
# timed with no domains only.
virsh_many="not measured: libvirt 9.0 here takes 32 s to define each domain"

version_ms=$(median_ms hypernest -Version)
noop_ms=$(median_ms hypernest -NoProfile -c '$null')
rows=()
defined=0
for count in 0 100 1000; do
  if ((count > defined)); then define_vms "$count" $((defined + 1)); defined=$count; fi
  cold=$(median_ms hypernest -NoProfile -c 'Get-VM')
  warm=$(in_session_ms)
  virsh_ms=-
  if [[ -n $BENCH_LIBVIRT && $count -eq 0 ]]; then virsh_ms=$(median_ms virsh -q list --all); fi
  rows+=("$count $cold $warm $virsh_ms")
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 > 0) printf "%.2f", a / b; else print "-" }'; }
printf '\nCLI, median of %s (ms); ratios to virsh list --all with as many domains\n' "$runs"
printf '%-58s %8s %8s\n' "measure" "ms" "/virsh"
printf '%-58s %8s %8s\n' "hypernest -Version (process start)" "$version_ms" "-"
printf '%-58s %8s %8s\n' "hypernest -NoProfile -c '\$null' (PowerShell engine start)" "$noop_ms" "-"
for row in "${rows[@]}"; do
  read -r count cold warm virsh_ms <<<"$row"
  if [[ $virsh_ms == - && -n $BENCH_LIBVIRT ]]; then
    printf '%-58s %s\n' "virsh list --all, $count domains" "$virsh_many"
  else
    printf '%-58s %8s %8s\n' "virsh list --all, $count domains" "$virsh_ms" "$( [[ $virsh_ms == - ]] && echo - || echo 1.00)"
  fi
  printf '%-58s %8s %8s\n' "hypernest -NoProfile -c 'Get-VM', $count VMs" "$cold" "$(ratio "$cold" "$virsh_ms")"
  printf '%-58s %8s %8s\n' "Get-VM in a warm session, $count VMs" "$warm" "$(ratio "$warm" "$virsh_ms")"
done
[[ -n $BENCH_LIBVIRT ]] || echo "libvirt not measured: $BENCH_NO_LIBVIRT"
printf '%-58s %8s\n' "installed HyperNest (MB on disk)" "$(du -sm "$(dirname "$(readlink -f "$(command -v hypernest)")")" | cut -f1)"
