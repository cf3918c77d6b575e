#!/usr/bin/env bash
# PowerShell Direct round trips into a tiny guest and an L1 under TCG (prints figures; asserts nothing).
# Needs /usr/local/bin/hypernest and the images (./test.sh builds them). Runs in a network namespace of
# its own, like the integration tests.
#   scripts/bench-direct.sh [runs per warm figure, default 11] [images, default "tiny host"]
set -euo pipefail
if [[ ${HN_BENCH_IN_NETNS:-} != 1 ]]; then
  exec env HN_BENCH_IN_NETNS=1 unshare --net -- "$0" "$@"
fi
ip link set lo up
home=$(mktemp -d /tmp/hn-bench-direct-XXXXXX)
export HYPERNEST_HOME=$home
trap 'hypernest -c "Get-VM | Stop-VM -TurnOff" >/dev/null 2>&1 || true; rm -rf "$home"' EXIT
runs=${1:-11}
hypernest -NoProfile -File "$(dirname "$0")/bench-direct.ps1" -Runs "$runs" -Guests "${2:-tiny host}"
