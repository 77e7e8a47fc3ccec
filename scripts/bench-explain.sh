#!/usr/bin/env bash
# Explanation benchmark: `diagnose --explain` on 50 findings (50 crash-looping Deployments on
# the stateful fake cluster) against the scripted OpenAI-compatible server answering after a
# fixed latency — with the default concurrency bound (4), sequentially (--llm-concurrency 1),
# and a rerun answered from the on-disk cache.
# Usage: scripts/bench-explain.sh [LATENCY_MS]   (default 500)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build --build-tests >&2
KUBECTL_HEAL_BENCH_EXPLAIN=1 KUBECTL_HEAL_BENCH_LATENCY_MS="${1:-500}" \
  swift test --skip-build --filter ExplainBenchmark 2>&1 | grep -E '^(explain|  |✘)'
