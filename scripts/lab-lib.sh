# Shared by nested-lab.sh (run.sh's main job), bench-network.sh and bench-direct.sh: the documents' nested lab, built
# with their own cmdlet lines, inside a network namespace of its own (so the machine's real network is
# never touched) and a HyperNest home of its own (removed at the end).
#
#   L0 (this namespace)  vEthernet (LabNet) 10.0.0.1/24   dnsmasq (lab.hypernest.test), iperf3 -s
#    └─ L1 (host image, nested)  Ethernet 10.0.0.2/24
#        ├─ VmNAT (Internal) vEthernet (VmNat) 192.168.100.1/24, NetNat LocalNAT 192.168.100.0/24
#        │   └─ L2 (tiny)  Ethernet 192.168.100.2/24 gw .1, DNS 10.0.0.1
#        └─ Ext (External over L1's Ethernet; needs MAC spoofing on L1's adapter)   [bench only]
#            └─ L2s (tiny) Ethernet 10.0.0.3/24

lab_enter_netns() {
  if [[ ${HN_LAB_IN_NETNS:-} != 1 ]]; then
    echo "==> Guest images (built before the lab's namespace: mmdebstrap needs the machine's apt sources)"
    # Images live in the machine's shared cache; the call gets a scratch home of its own, whose hypernestd
    # would otherwise stay behind in this network namespace (the default home's is the user's, not the lab's).
    local images_home
    images_home=$(mktemp -d /tmp/hn-images-XXXXXX)
    HYPERNEST_HOME=$images_home HYPERNEST_RESOLV_CONF=$images_home/resolv.conf \
      hypernest -c 'New-VMImage -Name host | Out-Null; Get-VMImage | Format-Table Name, Built'
    lab_stop_service "$images_home"
    rm -rf "$images_home"
    exec env HN_LAB_IN_NETNS=1 unshare --net -- "$0" "$@"
  fi
  ip link set lo up
  LAB_HOME=$(mktemp -d /tmp/hn-lab-XXXXXX)
  export HYPERNEST_HOME=$LAB_HOME HYPERNEST_RESOLV_CONF=$LAB_HOME/resolv.conf
  trap lab_cleanup EXIT
}

# Stops the hypernestd of the home $1, if one runs.
lab_stop_service() {
  [[ -s $1/run/hypernestd.pid ]] && kill "$(cat "$1/run/hypernestd.pid")" 2>/dev/null || true
}

lab_cleanup() {
  hypernest -c 'Get-VM | Stop-VM -TurnOff' >/dev/null 2>&1 || true
  [[ -n ${LAB_DNSMASQ_PID:-} ]] && kill "$LAB_DNSMASQ_PID" 2>/dev/null || true
  pkill -f "iperf3 -s -B 10.0.0.1" 2>/dev/null || true
  # The lab home's hypernestd (the VMs are off; it would also stop by itself once its home is gone).
  lab_stop_service "$LAB_HOME"
  if [[ -n ${BENCH_LIBVIRT:-} ]]; then bench_stop_libvirtd; fi
  rm -rf "$LAB_HOME"
}

LAB_FAILED=0
lab_step() { printf '\n--- %s\n' "$*"; }
lab_pass() { printf '  [ok]   %s\n' "$*"; }
lab_fail() { printf '  [FAIL] %s\n' "$*"; LAB_FAILED=1; }

# Runs cmdlet lines on L0, in L1, in an L2 inside L1; echoes them first, as a console would.
# LAB_TIMEOUT (seconds), when set, bounds each call.
lab_hypernest() { if [[ -n ${LAB_TIMEOUT:-} ]]; then timeout "$LAB_TIMEOUT" hypernest "$@"; else hypernest "$@"; fi; }
l0() { printf 'PS L0> %s\n' "$1"; lab_hypernest -c "$1"; }
l1() { printf 'PS L1> %s\n' "$1"; lab_hypernest -c "Invoke-Command -VMName L1 -ScriptBlock { $1 }"; }
l2() { local vm=$1; printf 'PS %s> %s\n' "$vm" "$2"; lab_hypernest -c "Invoke-Command -VMName L1 -ScriptBlock { Invoke-Command -VMName $vm -ScriptBlock { $2 } }"; }

# A check passes when the command's output contains the expected text.
lab_check() {
  local what=$1 expected=$2 output
  shift 2
  output=$("$@" 2>&1 || true)
  if grep -qF -- "$expected" <<<"$output"; then lab_pass "$what"; else lab_fail "$what (expected '$expected', got: $(tail -3 <<<"$output" | tr '\n' ' '))"; fi
}

lab_l0() {
  lab_step "L0: an Internal switch with L0's side at 10.0.0.1, and its services (DNS, iperf3)"
  l0 'New-VMSwitch -Name LabNet -SwitchType Internal | Format-Table Name, SwitchType, BridgeName'
  l0 'Get-NetAdapter "vEthernet (LabNet)" | New-NetIPAddress -IPAddress 10.0.0.1 -AddressFamily IPv4 -PrefixLength 24 | Format-Table IPAddress, InterfaceAlias, PrefixLength'
  dnsmasq --keep-in-foreground --no-resolv --no-hosts --listen-address=10.0.0.1 --bind-interfaces \
    --address=/lab.hypernest.test/10.0.0.1 --pid-file= --log-facility=/dev/null &
  LAB_DNSMASQ_PID=$!
  iperf3 -s -B 10.0.0.1 -D
}

lab_l1() {
  lab_step "L1: the host image with virtualization extensions exposed, on LabNet"
  l0 'New-VM -Name L1 -Image host -MemoryStartupBytes 2GB -SwitchName LabNet | Out-Null'
  l0 'Set-VMProcessor -VMName L1 -ExposeVirtualizationExtensions $true'
  l0 'Start-VM L1; Wait-VM L1 -For Heartbeat -Timeout 300 | Out-Null'
  l1 'Get-NetAdapter "Ethernet" | New-NetIPAddress -IPAddress 10.0.0.2 -AddressFamily IPv4 -PrefixLength 24 | Out-Null'
  lab_check "L1 reaches L0 (10.0.0.1)" True l1 'Test-Connection 10.0.0.1 -Count 2 -Quiet'
}

lab_nat_l2() {
  lab_step "Inside L1: the documents' NAT (VmNAT, LocalNAT) and an L2 behind it"
  l1 'New-VMSwitch -Name VmNAT -SwitchType Internal | Out-Null'
  l1 'New-NetNat –Name LocalNAT –InternalIPInterfaceAddressPrefix "192.168.100.0/24" | Out-Null'
  l1 'Get-NetAdapter "vEthernet (VmNat)" | New-NetIPAddress -IPAddress 192.168.100.1 -AddressFamily IPv4 -PrefixLength 24 | Out-Null'
  l1 'New-VM -Name L2 -Image tiny -SwitchName VmNAT | Out-Null; Start-VM L2; Wait-VM L2 -For Heartbeat -Timeout 300 | Out-Null'
  l2 L2 'Get-NetAdapter "Ethernet" | New-NetIPAddress -IPAddress 192.168.100.2 -DefaultGateway 192.168.100.1 -AddressFamily IPv4 -PrefixLength 24 | Out-Null'
  l2 L2 'Netsh interface ip add dnsserver "Ethernet" address=10.0.0.1'
  lab_check "L2 reaches L0 through L1's NAT (ping)" True l2 L2 'Test-Connection 10.0.0.1 -Count 3 -Quiet'
  lab_check "L2 resolves lab.hypernest.test through L0's DNS server" 10.0.0.1 l2 L2 'Resolve-DnsName -Name lab.hypernest.test | Select-Object -ExpandProperty IPAddress'
}

lab_spoof_l2() {
  lab_step "Inside L1: an External switch over L1's Ethernet, and an L2 on it (MAC address spoofing)"
  l1 'New-VMSwitch -Name Ext -NetAdapterName Ethernet | Out-Null'
  l1 'New-VM -Name L2s -Image tiny -SwitchName Ext | Out-Null; Start-VM L2s; Wait-VM L2s -For Heartbeat -Timeout 300 | Out-Null'
  l2 L2s 'Get-NetAdapter "Ethernet" | New-NetIPAddress -IPAddress 10.0.0.3 -AddressFamily IPv4 -PrefixLength 24 | Out-Null'
  lab_check "with spoofing Off on L1's adapter, L2s cannot reach L0" False l2 L2s 'Test-Connection 10.0.0.1 -Count 2 -Quiet'
  l0 'Get-VMNetworkAdapter -VMName L1 | Set-VMNetworkAdapter -MacAddressSpoofing On'
  lab_check "with spoofing On, L2s reaches L0 over the bridge" True l2 L2s 'Test-Connection 10.0.0.1 -Count 3 -Quiet'
}

# iperf3 client in a guest, 10.0.0.1 as server; prints the receiver's Mbit/s (nothing when it failed).
# Bounded: a run that cannot connect or stalls gives no figure instead of holding the lab forever.
lab_iperf() {
  local seconds=$1
  shift
  { LAB_TIMEOUT=$((seconds + 120)) "$@" "iperf3 -c 10.0.0.1 -t $seconds -f m --connect-timeout 10000" 2>&1 || true; } |
    awk '/receiver/ { for (i = 1; i <= NF; i++) if ($i ~ /bits\/sec/) print $(i-1) }' | tail -1
}

# libvirt, the benchmarks' baseline (Debian's packages, the sysv flavour: these machines have no systemd). Its
# packages would start libvirtd (and its default network) on the machine's own network: policy-rc.d forbids
# every daemon start while they install; the benchmarks start libvirtd themselves inside their namespace.
bench_install_libvirt() {
  command -v libvirtd >/dev/null && command -v virtlogd >/dev/null && command -v virsh >/dev/null && return 0
  echo "==> Installing libvirt (the benchmarks' baseline; its daemons are not started here)"
  local guard=/usr/sbin/policy-rc.d made=0 rc=0
  if [[ ! -e $guard ]]; then printf '#!/bin/sh\nexit 101\n' >"$guard"; chmod +x "$guard"; made=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends libvirt-daemon-system \
    libvirt-daemon-system-sysv libvirt-daemon-driver-qemu libvirt-clients dnsmasq-base >/dev/null || rc=$?
  if [[ $made -eq 1 ]]; then rm -f "$guard"; fi
  return $rc
}

# libvirtd (and the virtlogd it logs through) inside the benchmark's namespace, as `libvirtd -d` without systemd.
# Sets BENCH_LIBVIRT=1 when it answers, else BENCH_NO_LIBVIRT to the reason; lab_cleanup stops them (and removes
# the domains the benchmark defined, which libvirt keeps in /etc/libvirt/qemu).
bench_start_libvirtd() {
  BENCH_LIBVIRT= BENCH_NO_LIBVIRT=
  if ! command -v libvirtd >/dev/null || ! command -v virsh >/dev/null; then
    BENCH_NO_LIBVIRT="libvirt is not installed"
  elif pgrep -x libvirtd >/dev/null; then
    BENCH_NO_LIBVIRT="a libvirtd already runs on this machine: stop it to measure libvirt here"
  else
    virtlogd -d && libvirtd -d
    local i
    for ((i = 0; i < 100; i++)); do virsh -q version >/dev/null 2>&1 && { BENCH_LIBVIRT=1; break; }; sleep 0.2; done
    [[ -n $BENCH_LIBVIRT ]] || BENCH_NO_LIBVIRT="libvirtd did not answer in 20 s"
  fi
  export BENCH_LIBVIRT BENCH_NO_LIBVIRT
}

bench_stop_libvirtd() {
  local pid
  # One virsh for all: the CLI benchmark defines a thousand.
  virsh -q list --name 2>/dev/null | grep '^hn-bench-' | sed 's/^/destroy /' | virsh -q >/dev/null 2>&1 || true
  virsh -q list --all --name 2>/dev/null | grep '^hn-bench-' | sed 's/^/undefine /' | virsh -q >/dev/null 2>&1 || true
  # The network benchmark's libvirt network, should its script have been killed before it removed it.
  virsh -q net-list --all --name 2>/dev/null | grep '^hn-bench-' | sed 's/^/net-destroy /; p; s/^net-destroy /net-undefine /' | virsh -q >/dev/null 2>&1 || true
  local pids=() i
  for pid in /run/libvirtd.pid /run/virtlogd.pid; do [[ -s $pid ]] && pids+=("$(cat "$pid")"); done
  ((${#pids[@]})) || return 0
  kill "${pids[@]}" 2>/dev/null || true
  # Until they are gone: the next benchmark starts its own and refuses while one runs.
  for pid in "${pids[@]}"; do
    for ((i = 0; i < 100; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  done
}
