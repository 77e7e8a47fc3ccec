#!/usr/bin/env bash
# Right-sizing benchmark: PrometheusUsageSource.usage(for:) over 1,000 Deployments (20 namespaces
# × 50, one pod with one container each) holding 14 days of 1-minute cAdvisor samples (40 million)
# in a real Prometheus on 127.0.0.1. Prints how long generating and backfilling the data took,
# then per query step: wall time, queries sent, peak RSS of the test process
# (Tests/HealUsageTests/UsageBenchmark.swift) and the CPU time Prometheus spent answering (steadier
# than wall time on a shared machine), and Prometheus' own peak RSS. Then `anomalies`' and
# `forecast`'s queries and models over the same workloads (anomalies: memory at a 5-minute step,
# CPU per hour, throttling and restarts; forecast: CPU at 5 minutes, memory at 15). Target for
# each: under 10 s.
# Usage: scripts/bench-recommend.sh [NAMESPACES] [DEPLOYMENTS] [STEPS]   (defaults: 20 50 60,300)
#   KUBECTL_HEAL_BENCH_DATA=DIR keeps the backfilled TSDB in DIR and reuses it next time.
#   KUBECTL_HEAL_BENCH_RELEASE=1 builds and runs the benchmark in release (with testing enabled).
set -euo pipefail
cd "$(dirname "$0")/.."
namespaces="${1:-20}"
deployments="${2:-50}"
steps="${3:-60,300}"
# 2025-06-26T00:00:00Z: one promtool block range holds the 14 days (see PrometheusFixture.swift).
end=1750896000

scripts/install-deps.sh
build=()
if [ "${KUBECTL_HEAL_BENCH_RELEASE:-0}" = 1 ]; then build=(-c release -Xswiftc -enable-testing); fi
swift build "${build[@]}" --build-tests >&2

work="$(mktemp -d)"
prometheus_pid=""
cleanup() {
    if [ -n "$prometheus_pid" ]; then kill "$prometheus_pid" 2>/dev/null || true; wait "$prometheus_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

tsdb="${KUBECTL_HEAL_BENCH_DATA:-$work}/tsdb-$namespaces-$deployments"
if [ -d "$tsdb" ]; then
    echo "data: reusing $tsdb"
else
    started=$(now)
    python3 scripts/prometheus/usage_data.py bench --end "$end" --namespaces "$namespaces" --deployments "$deployments" >"$work/bench.om"
    generated=$(now)
    size=$(du -m "$work/bench.om" | cut -f1)
    # 504h: promtool's hidden --max-block-duration, so that one pass over the input writes one
    # block (by default it re-reads the whole file for every 2-hour block).
    promtool tsdb create-blocks-from openmetrics --quiet --max-block-duration=504h "$work/bench.om" "$tsdb.partial" >&2
    mv "$tsdb.partial" "$tsdb"
    rm "$work/bench.om"
    echo "data: generated $((namespaces * deployments)) workloads × 2 series × 20,170 samples in $(elapsed "$started" "$generated") s ($size MB of OpenMetrics), backfilled in $(elapsed "$generated" "$(now)") s ($(du -sm "$tsdb" | cut -f1) MB of TSDB)"
fi

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
printf 'global:\n  scrape_interval: 1m\n' >"$work/prometheus.yml"
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$tsdb" --storage.tsdb.retention.time=36500d \
    --web.listen-address="127.0.0.1:$port" >"$work/prometheus.log" 2>&1 &
prometheus_pid=$!
python3 - "$port" <<'PY' || { tail -20 "$work/prometheus.log" >&2; exit 1; }
import sys, time, urllib.request
deadline = time.time() + 120
while time.time() < deadline:
    try:
        with urllib.request.urlopen("http://127.0.0.1:%s/-/ready" % sys.argv[1], timeout=5) as answer:
            if answer.status == 200:
                sys.exit(0)
    except OSError:
        time.sleep(0.5)
sys.exit("Prometheus did not become ready within 120 s")
PY

KUBECTL_HEAL_BENCH_RECOMMEND=1 KUBECTL_HEAL_PROMETHEUS_URL="http://127.0.0.1:$port" KUBECTL_HEAL_BENCH_END="$end" \
KUBECTL_HEAL_BENCH_NAMESPACES="$namespaces" KUBECTL_HEAL_BENCH_DEPLOYMENTS="$deployments" KUBECTL_HEAL_BENCH_STEPS="$steps" \
KUBECTL_HEAL_BENCH_PROMETHEUS_PID="$prometheus_pid" \
  swift test "${build[@]}" --skip-build --filter UsageBenchmark 2>&1 | grep -E '^(step|✘)'
echo "prometheus: peak RSS $(awk '/^VmHWM:/ { printf "%.1f MB", $2 / 1024 }' "/proc/$prometheus_pid/status")"
