#!/usr/bin/env bash
# PowerShell Direct round trips into a tiny guest and an L1 under TCG (prints figures; asserts nothing).
# Needs /usr/local/bin/hypernest (./run.sh or ./test.sh installs it). Runs in a network namespace and a
# HyperNest home of its own, like the lab (scripts/lab-lib.sh).
#   scripts/bench-direct.sh [runs per warm figure, default 11] [images, default "tiny host"]
set -euo pipefail
source "$(dirname "$0")/lab-lib.sh"
lab_enter_netns "$@"
hypernest -NoProfile -File "$(dirname "$0")/bench-direct.ps1" -Runs "${1:-11}" -Guests "${2:-tiny host}"
