#!/usr/bin/env bash
# Healing benchmark on the stateful fake cluster (Tests/HealTestSupport/FakeCluster):
#   - detection latency: a healthy Deployment's pods start failing → the DETECTED line of
#     `diagnose --watch` (target: under 1 s);
#   - repair of memory-hungry: first occurrence (228Mi rolled back, 328Mi verified) vs the
#     learned occurrence (straight to 328Mi), with --verify-for 300ms; each step's write →
#     observedGeneration and write → verified, the 409s retried, and the same repair while
#     another writer patches the Deployment's annotations every 50 ms;
#   - idle `diagnose --watch` over 1,000 pods: CPU share and RSS of the release binary
#     (targets: under 1% CPU, under 60 MB).
# Usage: scripts/bench-heal.sh [RUNS] [IDLE_SECONDS]   (defaults: 5 runs, 600 s idle)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --product kubectl-heal >&2
swift build --build-tests >&2
KUBECTL_HEAL_BENCH_HEAL=1 KUBECTL_HEAL_BENCH_RUNS="${1:-5}" KUBECTL_HEAL_BENCH_IDLE_SECONDS="${2:-600}" \
KUBECTL_HEAL_BINARY="$(swift build -c release --show-bin-path)/kubectl-heal" \
  swift test --skip-build --filter HealBenchmark 2>&1 | grep -v -E '^(◇|↳|\[|Test Suite|Test Case)' | grep -E '^(detection|repair|  |idle|✘)'
