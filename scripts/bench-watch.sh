#!/usr/bin/env bash
# Live-view benchmark on the stateful fake cluster (Tests/HealTestSupport/FakeCluster), the
# figures issue 15 names:
#   - recovery: diagnose --watch and failover watch --apply across an API server outage
#     (stopped, restarted on the same port with its objects), from the restart or the breakage
#     to the report (target: within 5 s);
#   - any kind: a node going NotReady, a Service's selector changed to match no pod → the
#     finding (target: 1 s);
#   - idle diagnose -A --watch over 5,000 pods: CPU share and RSS of the release binary
#     (targets: under 1 % of a core, under 150 MB).
#   IDLE_PODS sets the idle watch's pods (500 a namespace).
# Usage: scripts/bench-watch.sh [RUNS] [IDLE_SECONDS] [OUTAGE_SECONDS] [IDLE_PODS]   (defaults: 3, 120, 10, 5000)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --product kubectl-heal >&2
swift build --build-tests >&2
KUBECTL_HEAL_BENCH_WATCH=1 KUBECTL_HEAL_BENCH_RUNS="${1:-3}" KUBECTL_HEAL_BENCH_IDLE_SECONDS="${2:-120}" \
KUBECTL_HEAL_BENCH_OUTAGE_SECONDS="${3:-10}" KUBECTL_HEAL_BENCH_IDLE_PODS="${4:-5000}" KUBECTL_HEAL_BINARY="$(swift build -c release --show-bin-path)/kubectl-heal" \
  swift test --skip-build --filter WatchBenchmark 2>&1 | grep -v -E '^(◇|↳|\[|Test Suite|Test Case)' | grep -E '^(recovery|any kind|idle|✘)'
