#!/usr/bin/env bash
# The in-cluster healer's bound (issue 20): the release kubectl-heal as `diagnose -A --watch
# --metrics-addr` over a synthetic cluster of PODS pods (500 a namespace, 10 a Deployment) served
# by scripts/bench/fake_apiserver.py (lists in protobuf with the v1.24 cost model, watches open
# and quiet: nothing changes). Says how long until /readyz answers 200 (every informer listed and
# diagnosed), then its CPU share and RSS over SECONDS of idling.
# Usage: scripts/bench-healer.sh [PODS] [SECONDS]   (defaults: 50000, 60)
set -euo pipefail
cd "$(dirname "$0")/.."
PODS="${1:-50000}"
IDLE="${2:-60}"
scripts/install-deps.sh
swift build -c release --product kubectl-heal >&2
HEAL="$(swift build -c release --show-bin-path)/kubectl-heal"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/heal-healer.XXXXXX")"
cleanup() {
  local pids
  pids="$(jobs -p)"
  if [[ -n "$pids" ]]; then kill $pids 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

NAMESPACES=$(( PODS / 500 > 0 ? PODS / 500 : 1 ))
echo "generating $PODS pods in $NAMESPACES namespaces" >&2
python3 scripts/bench/make_cluster.py --out "$WORK/cluster" --pods "$PODS" --namespaces "$NAMESPACES" --deployments-per-ns 50 \
  --nodes $(( PODS / 100 > 0 ? PODS / 100 : 1 )) --events 20000 >&2
python3 scripts/bench/fake_apiserver.py --data "$WORK/cluster" --lifetime 7200 >"$WORK/port" 2>"$WORK/server.log" &
for _ in $(seq 1 1200); do [[ -s "$WORK/port" ]] && break; sleep 0.1; done
PORT="$(head -n1 "$WORK/port")"
cat >"$WORK/kubeconfig" <<KUBECONFIG
apiVersion: v1
kind: Config
clusters: [{name: bench, cluster: {server: "http://127.0.0.1:$PORT"}}]
users: [{name: bench, user: {token: bench}}]
contexts: [{name: bench, context: {cluster: bench, user: bench}}]
current-context: bench
KUBECONFIG

"$HEAL" diagnose -A --watch --metrics-addr 127.0.0.1:0 -v -o json --kubeconfig "$WORK/kubeconfig" >"$WORK/out" 2>"$WORK/err" &
python3 - "$!" "$WORK/err" "$PODS" "$IDLE" <<'MEASURE'
import os, re, sys, time, urllib.request
pid, err, pods, idle = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
started = time.monotonic()
opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
def alive():
    return os.path.exists("/proc/%d" % pid) and open("/proc/%d/stat" % pid).read().split()[2] != "Z"
url = None
while url is None:
    if not alive():
        sys.exit("kubectl-heal stopped:\n" + open(err).read())
    found = re.search(r"serving Prometheus metrics on (\S+)", open(err).read())
    url = found and found.group(1)
    time.sleep(0.1)
while True:
    if not alive():
        sys.exit("kubectl-heal stopped:\n" + open(err).read())
    try:
        if opener.open(url.replace("/metrics", "/readyz")).status == 200:
            break
    except Exception:
        pass
    time.sleep(0.2)
ready = time.monotonic() - started
ticks = lambda: sum(int(field) for field in open("/proc/%d/stat" % pid).read().rsplit(")", 1)[1].split()[11:13])
before = ticks()
time.sleep(idle)
cpu = (ticks() - before) / os.sysconf("SC_CLK_TCK") / idle * 100
status = dict(line.split(":", 1) for line in open("/proc/%d/status" % pid).read().splitlines() if ":" in line)
kib = lambda key: int(status[key].split()[0])
series = sum(1 for line in opener.open(url).read().decode().splitlines() if line.startswith("kubectl_heal_findings{"))
print("idle diagnose -A --watch, %d pods: ready (/readyz 200) after %.1f s; over %d s idle: CPU %.2f %% of a core, "
      "RSS %.0f MB (peak %.0f MB); %d finding series in /metrics" % (pods, ready, idle, cpu, kib("VmRSS") / 1024, kib("VmHWM") / 1024, series))
MEASURE
