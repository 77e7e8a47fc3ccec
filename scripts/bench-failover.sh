#!/usr/bin/env bash
# Failover benchmark on the stateful fake cluster (Tests/HealTestSupport/FakeCluster), in-process:
#   - `failover web --to green --apply` with a cold standby: time per step and the failover time
#     (first write to verified switch), with a standby Ready at once and one that takes 2 s;
#   - `failover watch --for 1s --apply`: how long after the trigger has held for 1 s the watcher
#     makes its first write (target: under 1 s).
# Usage: scripts/bench-failover.sh [RUNS]   (default 5 runs each; prints median / max)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build --build-tests >&2
KUBECTL_HEAL_BENCH_FAILOVER=1 KUBECTL_HEAL_BENCH_RUNS="${1:-5}" \
  swift test --skip-build --filter FailoverBenchmark 2>&1 | grep -v -E '^(◇|↳|\[|Test Suite|Test Case)' | grep -E '^(failover|  |watch)'
