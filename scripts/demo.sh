#!/usr/bin/env bash
# Quick start: builds kubectl-heal and diagnoses the bundled example snapshot (the broken
# workloads of the end-to-end suite plus a healthy namespace). No cluster needed.
# Extra arguments go to `diagnose`, e.g. scripts/demo.sh -o json
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build --product kubectl-heal >&2
exec .build/debug/kubectl-heal diagnose --snapshot scripts/example "$@"
