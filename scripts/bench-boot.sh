#!/usr/bin/env bash
# Boot benchmark (prints figures; asserts nothing): the tiny image to its agent's first answer by HyperNest,
# by a plain QEMU command line and by libvirt, in paired rounds (scripts/bench-boot.py says how). Runs in a
# network namespace and a HyperNest home of its own; installs libvirt first when it is missing.
#   scripts/bench-boot.sh [rounds=10]
set -euo pipefail
source "$(dirname "$0")/lab-lib.sh"
if [[ ${HN_LAB_IN_NETNS:-} != 1 ]]; then bench_install_libvirt; fi
lab_enter_netns "$@"
bench_start_libvirtd
python3 "$(dirname "$0")/bench-boot.py" "$@"
