#!/usr/bin/env bash
# Sets everything up and runs all tests: unit tests, then the integration tests, which boot real
# guests under TCG as root inside a network namespace of their own (unshare -n), so nothing touches
# the machine's real network.
set -euo pipefail
source "$(dirname "$0")/scripts/setup.sh"
hn_require_root
hn_install_packages "${HN_TEST_PACKAGES[@]}"
hn_fetch_resolved
hn_publish
cd "$HN_ROOT"
dotnet build HyperNest.slnx -c Release -nologo -v quiet

# Guest images come from Debian packages (mmdebstrap and the machine's apt sources), which the test
# namespace cannot reach: build them here, before unshare. Cached by recipe hash, so this is quick when
# nothing changed. "host" contains "tiny", so this builds both.
# A scratch home (images live in the shared cache): its hypernestd is stopped with it, so the tests leave
# no service running.
echo "==> Guest images"
images_home=$(mktemp -d /tmp/hn-images-XXXXXX)
HYPERNEST_HOME=$images_home hypernest -c 'New-VMImage -Name host | Out-Null; Get-VMImage'
kill "$(cat "$images_home/run/hypernestd.pid")" 2>/dev/null || true
rm -rf "$images_home"

log=$(mktemp)
status=0
for project in tests/HyperNest.Core.Tests tests/HyperNest.PowerShell.Tests; do
  echo "==> $project"
  dotnet test "$project" -c Release --no-build -nologo 2>&1 | tee -a "$log" || status=1
done
# The nested test (L0 -> L1 -> L2, most of the integration run's time, nearly all of it in one guest's single
# vCPU) runs beside the others, each run in a network namespace of its own, so neither sees the other's
# switches and the 2 cores are both used. The runtime memory test goes with it, so the two runs take about as long.
integration() { # <filter>: dotnet test of the integration tests matching it, as root in a new network namespace
  HYPERNEST_TEST_HOST_NETNS=$(readlink /proc/self/ns/net) unshare --net -- bash -c \
    'ip link set lo up && exec dotnet test tests/HyperNest.IntegrationTests -c Release --no-build -nologo --filter "$1" --logger "console;verbosity=normal"' _ "$1"
}
nested_filter='FullyQualifiedName~NestedNetworkingTests|FullyQualifiedName~RuntimeMemoryTests'
nested_log=$(mktemp)
trap 'rm -f "$log" "$nested_log"' EXIT
echo "==> tests/HyperNest.IntegrationTests (two runs, each in its own network namespace)"
integration "$nested_filter" >"$nested_log" 2>&1 &
nested_pid=$!
integration "FullyQualifiedName!~NestedNetworkingTests&FullyQualifiedName!~RuntimeMemoryTests" 2>&1 | tee -a "$log" || status=1
wait "$nested_pid" || status=1
echo "==> tests/HyperNest.IntegrationTests ($nested_filter)"
tee -a "$log" <"$nested_log"

passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
echo "Tests: $passed passed, $failed failed, $skipped skipped"
if [[ $failed -ne 0 ]]; then status=1; fi
# A test host that crashed reports the tests it had run as passed; the run itself says it was aborted.
if grep -q 'Test Run Aborted' "$log"; then echo "A test run was aborted (see above)." >&2; status=1; fi
exit $status
