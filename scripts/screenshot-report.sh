#!/usr/bin/env bash
# Renders the bundled example as `diagnose -o html` and photographs it in headless Chromium:
# the screenshot in docs/. Usage: scripts/screenshot-report.sh [OUTPUT.png]
set -euo pipefail
cd "$(dirname "$0")/.."
output="${1:-docs/diagnose-report.png}"
swift build --product kubectl-heal >/dev/null
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# --config /dev/null: a config file in the working directory or $XDG_CONFIG_HOME must not change it.
.build/debug/kubectl-heal diagnose --snapshot scripts/example --config /dev/null -o html > "$work/report.html"
# No sandbox: it cannot start as root in a container. Chromium's D-Bus complaints go to the log.
chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --hide-scrollbars \
    --user-data-dir="$work/profile" --window-size=1200,1700 --screenshot="$output" \
    "file://$work/report.html" 2>"$work/chromium.log" >/dev/null
echo "wrote $output"
