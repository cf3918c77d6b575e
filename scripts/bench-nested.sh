#!/usr/bin/env bash
# Nested benchmark (prints figures; asserts nothing): from nothing to L1's and L2's heartbeat by HyperNest's
# cmdlets and by plain QEMU command lines, in paired rounds (scripts/bench-nested.py says how). Runs in a
# network namespace and a HyperNest home of its own.
#   scripts/bench-nested.sh [rounds=3]
set -euo pipefail
source "$(dirname "$0")/lab-lib.sh"
lab_enter_netns "$@"
python3 "$(dirname "$0")/bench-nested.py" "$@"
