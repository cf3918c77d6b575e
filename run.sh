#!/usr/bin/env bash
# Sets everything up (Debian packages, build, /usr/local/bin/hypernest) and runs the main job: the
# documents' nested lab, from nothing to an L2 reachable through L1's NAT (scripts/nested-lab.sh), in a
# network namespace of its own.
set -euo pipefail
source "$(dirname "$0")/scripts/setup.sh"
hn_require_root
hn_install_packages
hn_publish
echo "==> Main job: scripts/nested-lab.sh"
exec "$HN_ROOT/scripts/nested-lab.sh"
