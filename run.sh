#!/usr/bin/env bash
# Sets everything up (Debian packages, build, /usr/local/bin/hypernest) and runs the main job:
# build the tiny guest image if needed, boot a demo VM, show its console and Get-VM, stop it.
set -euo pipefail
source "$(dirname "$0")/scripts/setup.sh"
hn_require_root
hn_install_packages
hn_publish
echo "==> Main job: scripts/demo.ps1"
exec hypernest -File "$HN_ROOT/scripts/demo.ps1"
