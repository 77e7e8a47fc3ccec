#!/usr/bin/env bash
# The test command: installs dependencies, runs the Swift test suites, checks that generated
# files (completions, man page, scenario fixtures) are current, and exercises the built binary
# as a process (exit codes, kubectl plugin completion).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build --build-tests
swift test --skip-build
scripts/check-generated.sh
scripts/smoke.sh .build/debug/kubectl-heal
