#!/usr/bin/env bash
# HyperNest's main job (./run.sh): the documents' nested lab from nothing to an L2 that reaches L0's
# side through L1's NAT, printing the topology and each check as it passes. Exits non-zero when a
# check fails. Runs in a network namespace and a HyperNest home of its own (see lab-lib.sh).
set -euo pipefail
source "$(dirname "$0")/lab-lib.sh"
lab_enter_netns "$@"

sed -n '/^#   L0/,/^#            └─ L2s/p' "$(dirname "$0")/lab-lib.sh" | grep -v 'bench only\|L2s' | sed 's/^#//'
lab_l0
lab_l1
lab_nat_l2
lab_step "TCP through the NAT: L2 -> L0 with iperf3 (3 s)"
mbits=$(lab_iperf 3 l2 L2)
if [[ -n $mbits ]]; then lab_pass "L2 -> L0 TCP through NAT: $mbits Mbit/s"; else lab_fail "L2 -> L0 TCP through NAT (iperf3 gave no result)"; fi

lab_step "The lab"
l0 'Get-VM | Format-Table Name, State, Accelerator, NestedHypervisorActive'
l0 'Get-VMSwitch | Format-Table Name, SwitchType, ConnectedVMs'
l1 'Get-VMSwitch | Format-Table Name, SwitchType; Get-NetNat | Format-Table Name, InternalIPInterfaceAddressPrefix; Get-VM | Format-Table Name, State, Accelerator'
l2 L2 'Get-NetIPAddress -AddressFamily IPv4 | Format-Table IPAddress, InterfaceAlias, PrefixLength; Get-DnsClientServerAddress -AddressFamily IPv4 | Format-Table InterfaceAlias, ServerAddresses'
if [[ $LAB_FAILED -ne 0 ]]; then
  echo "The nested lab FAILED (see [FAIL] above)." >&2
  exit 1
fi
echo
echo "The nested lab works: L2 reaches L0 through L1's NAT, by ping, TCP and name."
