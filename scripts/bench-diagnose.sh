#!/usr/bin/env bash
# Benchmark `kubectl-heal diagnose -A -o json` against a synthetic cluster served on loopback.
#
# Builds a cluster of 10,000 pods in 1,000 Deployments across 50 namespaces, 100 nodes and 20,000
# core/v1 events (deep copies of objects captured from a v1.36 API server, ~5 KB per pod with
# managedFields; ~3.6 % of the Deployments broken: crash loops with logs, OOMKilled, image pull
# errors, unschedulable, failing readiness probes), serves it with scripts/bench/fake_apiserver.py
# on 127.0.0.1 twice (one server answering protobuf when asked, as kube-apiserver does, one
# answering JSON only) and measures, best of K runs:
#   kubectl-heal diagnose -A -o json                       (release build; protobuf on the wire)
#   kubectl-heal diagnose -A -o json, JSON wire            (the same binary against the JSON-only server)
#   kubectl get pods -A                                                     (when kubectl exists)
#   kubectl get pods -A -o json
#   kubectl get pods,deployments,replicasets,services,endpointslices,events -A -o json
#   kubectl-heal timeline deployment/NAME -n NS -o json     (one broken Deployment's timeline)
# Prints wall time, peak RSS and output size of each, and the ratios against the targets
# (diagnosis <= 1/3 of kubectl's pods-only wall time, peak RSS < 150 MB, a timeline <= 1 s).
# Talks to nothing but 127.0.0.1 (proxies are unset for the measured commands).
set -euo pipefail

usage() {
  cat <<'EOF'
usage: scripts/bench-diagnose.sh [options]
  --pods N                 pods in total (default 10000)
  --namespaces N           namespaces (default 50)
  --deployments-per-ns N   Deployments per namespace (default 20)
  --nodes N                nodes (default 100)
  --events N               core/v1 events (default 20000)
  --unschedulable N        Deployments whose pods stay Pending (64 CPUs requested; default 3)
  --mass-failure           the mass-failure case: 20,000 pods in 2,000 Deployments, 10,000 of them
                           Pending with a FailedScheduling event each, 60,000 events (sets the
                           five options above; later options override)
  --seed N                 generator seed (default 42)
  --runs K                 best of K runs (default 3)
  --out DIR                keep cluster, outputs and logs in DIR (default: a temp dir, removed)
  --binary PATH            use this kubectl-heal instead of building one
  --compare PATH           also measure this kubectl-heal (say, the previous commit's release
                           build) and check both report the same findings (codes, pod counts,
                           samples)
  --no-cost-model          the server answers at once instead of waiting what a v1.24 API
                           server's LIST costs (scripts/bench/fake_apiserver.py, CostModel)
  --no-build               do not build; use .build-bench/release/kubectl-heal as it is
  --skip-kubectl           do not measure kubectl
  --with-snapshot          also measure `kubectl-heal diagnose --snapshot LIST.json -A -o json`
  --latency-ms N           add N ms to every API response (simulated network round trip)
  --no-gzip                the server never gzips (default: gzip above 128 KiB, like kube-apiserver)
  --enforce                exit 1 when a target is missed or kubectl-heal fails
  -h, --help               this text
EOF
}

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/scripts/bench"
PODS=10000 NAMESPACES=50 DPN=20 NODES=100 EVENTS=20000 UNSCHEDULABLE=3 SEED=42 RUNS=3
OUT="" BINARY="" COMPARE="" BUILD=1 SKIP_KUBECTL=0 WITH_SNAPSHOT=0 LATENCY=0 NO_GZIP=0 ENFORCE=0 COST_MODEL=v1.24

need_arg() { [[ $# -ge 2 && -n "$2" ]] || { echo "bench-diagnose: $1 needs a value" >&2; exit 64; }; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --pods) need_arg "$@"; PODS="$2"; shift 2 ;;
    --namespaces) need_arg "$@"; NAMESPACES="$2"; shift 2 ;;
    --deployments-per-ns) need_arg "$@"; DPN="$2"; shift 2 ;;
    --nodes) need_arg "$@"; NODES="$2"; shift 2 ;;
    --events) need_arg "$@"; EVENTS="$2"; shift 2 ;;
    --unschedulable) need_arg "$@"; UNSCHEDULABLE="$2"; shift 2 ;;
    --mass-failure) PODS=20000; NAMESPACES=50; DPN=40; EVENTS=60000; UNSCHEDULABLE=1000; shift ;;
    --compare) need_arg "$@"; COMPARE="$2"; shift 2 ;;
    --no-cost-model) COST_MODEL=none; shift ;;
    --seed) need_arg "$@"; SEED="$2"; shift 2 ;;
    --runs) need_arg "$@"; RUNS="$2"; shift 2 ;;
    --out) need_arg "$@"; OUT="$2"; shift 2 ;;
    --binary) need_arg "$@"; BINARY="$2"; BUILD=0; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --skip-kubectl) SKIP_KUBECTL=1; shift ;;
    --with-snapshot) WITH_SNAPSHOT=1; shift ;;
    --latency-ms) need_arg "$@"; LATENCY="$2"; shift 2 ;;
    --no-gzip) NO_GZIP=1; shift ;;
    --enforce) ENFORCE=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench-diagnose: unknown option: $1" >&2; usage >&2; exit 64 ;;
  esac
done
for v in "$PODS" "$NAMESPACES" "$DPN" "$NODES" "$EVENTS" "$UNSCHEDULABLE" "$SEED" "$RUNS" "$LATENCY"; do
  [[ "$v" =~ ^[0-9]+$ ]] || { echo "bench-diagnose: option values must be whole numbers (got '$v')" >&2; exit 64; }
done
[[ "$RUNS" -ge 1 ]] || { echo "bench-diagnose: --runs must be at least 1" >&2; exit 64; }

say() { printf '==> %s\n' "$*" >&2; }

command -v python3 >/dev/null || { echo "bench-diagnose: python3 is required" >&2; exit 69; }

# ---------------------------------------------------------------- build
HEAL_PROBLEM=""
if [[ -n "$BINARY" ]]; then
  HEAL="$BINARY"
else
  HEAL="$ROOT/.build-bench/release/kubectl-heal"
fi

# ---------------------------------------------------------------- work dir + cleanup
if [[ -n "$OUT" ]]; then
  mkdir -p "$OUT"
  WORK="$(cd "$OUT" && pwd)"
else
  WORK="$(mktemp -d "${TMPDIR:-/tmp}/heal-bench.XXXXXX")"
fi
SERVER_PIDS=()
# shellcheck disable=SC2317  # invoked by trap
cleanup() {
  local rc=$?
  for pid in ${SERVER_PIDS[@]+"${SERVER_PIDS[@]}"}; do
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  if [[ -z "$OUT" ]]; then rm -rf "$WORK"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [[ "$BUILD" -eq 1 ]]; then
  BUILD_LOG="$WORK/build.log"
  if ! command -v swift >/dev/null; then
    HEAL_PROBLEM="swift is not installed; cannot build kubectl-heal"
  elif command -v dpkg-query >/dev/null && ! "$ROOT/scripts/install-deps.sh" >"$WORK/deps.log" 2>&1; then
    HEAL_PROBLEM="installing build dependencies failed (see $WORK/deps.log)"
    cat "$WORK/deps.log" >&2
  else
    say "building kubectl-heal (release, --scratch-path .build-bench)"
    if ! (cd "$ROOT" && swift build -c release --product kubectl-heal --scratch-path "$ROOT/.build-bench") >"$BUILD_LOG" 2>&1; then
      HEAL_PROBLEM="release build of kubectl-heal failed; last lines of $BUILD_LOG:
$(grep -E 'error:' "$BUILD_LOG" | head -15 || true)
$(tail -5 "$BUILD_LOG")"
    fi
  fi
fi
if [[ -z "$HEAL_PROBLEM" && ! -x "$HEAL" ]]; then
  HEAL_PROBLEM="no kubectl-heal binary at $HEAL"
fi
if [[ -n "$HEAL_PROBLEM" ]]; then
  printf '\n!! kubectl-heal cannot be measured: %s\n!! continuing with the kubectl figures only\n\n' "${HEAL_PROBLEM%%$'\n'*}" >&2
fi

# ---------------------------------------------------------------- cluster + server
CLUSTER="$WORK/cluster"
rm -rf "$CLUSTER"
say "generating the synthetic cluster ($PODS pods, $((NAMESPACES * DPN)) deployments, $NAMESPACES namespaces, $NODES nodes, $EVENTS events, seed $SEED)"
SNAP_ARGS=()
if [[ "$WITH_SNAPSHOT" -eq 1 ]]; then SNAP_ARGS=(--list-snapshot "$WORK/snapshot-list.json"); fi
python3 "$BENCH/make_cluster.py" --out "$CLUSTER" --seed "$SEED" --pods "$PODS" --namespaces "$NAMESPACES" \
  --deployments-per-ns "$DPN" --nodes "$NODES" --events "$EVENTS" --unschedulable "$UNSCHEDULABLE" \
  ${SNAP_ARGS[@]+"${SNAP_ARGS[@]}"}

SERVER_ARGS=(--data "$CLUSTER" --access-log "$WORK/access.log" --latency-ms "$LATENCY" --lifetime 7200 --cost-model "$COST_MODEL")
if [[ "$NO_GZIP" -eq 1 ]]; then SERVER_ARGS+=(--no-gzip); fi
: >"$WORK/access.log"
start_server() { # name extra-args... ; sets PORT
  local name="$1"
  shift
  python3 "$BENCH/fake_apiserver.py" "${SERVER_ARGS[@]}" "$@" >"$WORK/$name.port" 2>"$WORK/$name.log" &
  local pid=$!
  SERVER_PIDS+=("$pid")
  PORT=""
  for _ in $(seq 1 1200); do
    if [[ -s "$WORK/$name.port" ]]; then PORT="$(head -n1 "$WORK/$name.port")"; break; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if [[ ! "$PORT" =~ ^[0-9]+$ ]]; then
    echo "bench-diagnose: the fake API server ($name) did not start:" >&2
    cat "$WORK/$name.log" >&2
    exit 69
  fi
  say "fake API server ($name) on http://127.0.0.1:$PORT ($(grep -m1 'loaded' "$WORK/$name.log" | sed 's/^fake-apiserver: //'))"
}
start_server server
PROTOBUF_PORT="$PORT"
start_server server-json --json-only
JSON_PORT="$PORT"

HOMEDIR="$WORK/home"
mkdir -p "$HOMEDIR"
write_kubeconfig() { # file port
  cat >"$1" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: bench
  cluster:
    server: http://127.0.0.1:$2
contexts:
- name: bench
  context:
    cluster: bench
    user: bench
    namespace: default
current-context: bench
users:
- name: bench
  user:
    token: bench-dummy-token
EOF
}
KUBECONFIG_FILE="$WORK/kubeconfig"
write_kubeconfig "$KUBECONFIG_FILE" "$PROTOBUF_PORT"
JSON_KUBECONFIG_FILE="$WORK/kubeconfig-json"
write_kubeconfig "$JSON_KUBECONFIG_FILE" "$JSON_PORT"

# warm-up: the servers filter, serialise and cache each page on first use, per (resource,
# selectors, limit, start, gzip, protobuf); fetch every page the measured commands will, in
# every encoding, from both servers
for port in "$PROTOBUF_PORT" "$JSON_PORT"; do
python3 - "$port" "$ROOT/Sources/HealModel/Cluster/Event.swift" <<'EOF'
import json, re, sys, urllib.parse, urllib.request
base = "http://127.0.0.1:%s" % sys.argv[1]
opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
# kubectl: chunks of 500
lists = [(path, 500, "") for path in (
    "/api/v1/pods", "/apis/apps/v1/deployments", "/apis/apps/v1/replicasets", "/api/v1/services",
    "/apis/discovery.k8s.io/v1/endpointslices", "/api/v1/events", "/apis/events.k8s.io/v1/events", "/api/v1/nodes")]
# kubectl-heal: pages of 250 of every kind (KubeClient.list); events only through
# Event.diagnosisFieldSelectors: type=Warning, then type=Normal,reason=R for each explanatory reason
lists += [(path, 250, "") for path in (
    "/api/v1/pods", "/api/v1/services", "/api/v1/nodes", "/api/v1/persistentvolumeclaims",
    "/apis/apps/v1/deployments", "/apis/apps/v1/replicasets", "/apis/apps/v1/statefulsets", "/apis/apps/v1/daemonsets",
    "/apis/batch/v1/jobs", "/apis/discovery.k8s.io/v1/endpointslices", "/apis/autoscaling/v2/horizontalpodautoscalers",
    "/apis/networking.k8s.io/v1/ingresses", "/apis/policy/v1/poddisruptionbudgets")]
m = re.search(r"explanatoryNormalReasons: Set<String> = \[([^\]]*)\]", open(sys.argv[2]).read())
if not m:
    sys.exit("bench-diagnose: Event.explanatoryNormalReasons not found in %s; update the warm-up" % sys.argv[2])
reasons = sorted(re.findall(r'"([^"]+)"', m.group(1)))
lists += [("/api/v1/events", 250, sel) for sel in ["type=Warning"] + ["type=Normal,reason=" + r for r in reasons]]
# ... and, from the commit that reads field-selected Events from the watch cache on, unpaged
lists += [("/api/v1/events", 0, sel) for sel in ["type=Warning"] + ["type=Normal,reason=" + r for r in reasons]]
for path, limit, field_selector in lists:
    cont = ""
    while True:
        query = {"limit": limit} if limit else {}
        if field_selector:
            query["fieldSelector"] = field_selector
        if cont:
            query["continue"] = cont
        url = "%s%s?%s" % (base, path, urllib.parse.urlencode(query))
        for accept in ("application/vnd.kubernetes.protobuf, application/json", "application/json"):
            for enc in ("gzip", "identity"):
                body = opener.open(urllib.request.Request(url, headers={"Accept-Encoding": enc, "Accept": accept})).read()
        cont = json.loads(body)["metadata"].get("continue", "")  # body of the JSON identity request
        if not cont:
            break
EOF
done
: >"$WORK/access.log"

# isolated environment: no proxies, no LLM, state/cache in the work dir
RUN_ENV=(env -u http_proxy -u https_proxy -u HTTP_PROXY -u HTTPS_PROXY -u ALL_PROXY -u all_proxy
  -u OPENAI_API_KEY -u OPENAI_BASE_URL -u KUBECTL_HEAL_LLM_BASE_URL -u KUBECTL_HEAL_LLM_API_KEY
  "NO_PROXY=127.0.0.1,localhost" "no_proxy=127.0.0.1,localhost" NO_COLOR=1
  HOME="$HOMEDIR" KUBECONFIG="$KUBECONFIG_FILE" XDG_STATE_HOME="$WORK/xdg-state"
  XDG_CACHE_HOME="$WORK/xdg-cache" XDG_CONFIG_HOME="$WORK/xdg-config")
RESULTS="$WORK/results.ndjson"
: >"$RESULTS"
measure() { # label kind stdout -- cmd...
  local label="$1" kind="$2" stdout="$3"
  shift 3
  python3 "$BENCH/measure.py" run --label "$label" --kind "$kind" --runs "$RUNS" --stdout "$stdout" \
    --results "$RESULTS" --access-log "$WORK/access.log" "$@"
}

if [[ -z "$HEAL_PROBLEM" ]]; then
  say "measuring kubectl-heal diagnose -A -o json (best of $RUNS)"
  measure "kubectl-heal diagnose -A -o json" heal "$WORK/heal.json" -- \
    "${RUN_ENV[@]}" "$HEAL" diagnose -A -o json --kubeconfig "$KUBECONFIG_FILE"
  say "measuring kubectl-heal diagnose -A -o json against the JSON-only server (best of $RUNS)"
  measure "kubectl-heal diagnose -A -o json, JSON wire" heal "$WORK/heal-json-wire.json" -- \
    "${RUN_ENV[@]}" "$HEAL" diagnose -A -o json --kubeconfig "$JSON_KUBECONFIG_FILE"
  say "same findings over protobuf and over JSON: $(python3 "$BENCH/measure.py" same-findings \
    "$WORK/heal.json" "$WORK/heal-json-wire.json")"
  if [[ -n "$COMPARE" ]]; then
    say "measuring the kubectl-heal to compare with ($COMPARE)"
    measure "kubectl-heal (compared) diagnose -A -o json" heal "$WORK/heal-compared.json" -- \
      "${RUN_ENV[@]}" "$COMPARE" diagnose -A -o json --kubeconfig "$KUBECONFIG_FILE"
    say "same findings (code, workload, pod count, samples) in both reports: $(python3 "$BENCH/measure.py" same-findings \
      "$WORK/heal.json" "$WORK/heal-compared.json")"
  fi
  # One broken workload's timeline: its namespace's objects and Events, not the cluster's.
  read -r TL_NS TL_NAME < <(python3 -c '
import json, sys
m = json.load(open(sys.argv[1]))
b = next((b for b in m["broken"] if b["category"] == "crash-env"), m["broken"][0])
print(b["namespace"], b["deployment"])' "$CLUSTER/manifest.json")
  say "measuring kubectl-heal timeline deployment/$TL_NAME -n $TL_NS (best of $RUNS)"
  measure "kubectl-heal timeline deployment/NAME -n NS" timeline "$WORK/heal-timeline.json" -- \
    "${RUN_ENV[@]}" "$HEAL" timeline "deployment/$TL_NAME" -n "$TL_NS" -o json --kubeconfig "$KUBECONFIG_FILE"
  if [[ "$WITH_SNAPSHOT" -eq 1 ]]; then
    say "measuring kubectl-heal diagnose --snapshot (List file) -A -o json"
    measure "kubectl-heal diagnose --snapshot LIST -A" heal "$WORK/heal-snapshot.json" -- \
      "${RUN_ENV[@]}" "$HEAL" diagnose --snapshot "$WORK/snapshot-list.json" -A -o json
  fi
else
  printf '{"label":"kubectl-heal diagnose -A -o json","kind":"heal","runs":[],"ok":false,"error":%s}\n' \
    "$(python3 -c 'import json,sys; print(json.dumps(sys.argv[1]))' "$HEAL_PROBLEM")" >>"$RESULTS"
fi

if [[ "$SKIP_KUBECTL" -eq 0 ]]; then
  if command -v kubectl >/dev/null; then
    KUBECTL="$(command -v kubectl)"
    say "measuring $("$KUBECTL" version --client 2>/dev/null | head -n1) (best of $RUNS)"
    measure "kubectl get pods -A" table "$WORK/kubectl-pods.txt" -- \
      "${RUN_ENV[@]}" "$KUBECTL" --kubeconfig "$KUBECONFIG_FILE" --cache-dir "$WORK/kube-cache" get pods -A
    measure "kubectl get pods -A -o json" list "$WORK/kubectl-pods.json" -- \
      "${RUN_ENV[@]}" "$KUBECTL" --kubeconfig "$KUBECONFIG_FILE" --cache-dir "$WORK/kube-cache" get pods -A -o json
    measure "kubectl get <6 kinds> -A -o json" list "$WORK/kubectl-6kinds.json" -- \
      "${RUN_ENV[@]}" "$KUBECTL" --kubeconfig "$KUBECONFIG_FILE" --cache-dir "$WORK/kube-cache" \
      get pods,deployments,replicasets,services,endpointslices,events -A -o json
  else
    say "kubectl not installed: no kubectl comparison"
  fi
fi

say "cluster: $(python3 -c '
import json, sys
m = json.load(open(sys.argv[1]))
o = m["objects"]
print("%d pods (mean %d B), %d deployments, %d events, %d nodes; broken deployments %s" % (
    o["pods"]["count"], o["pods"]["meanBytes"], o["deployments"]["count"], o["events"]["count"],
    o["nodes"]["count"], json.dumps(m["brokenByCategory"])))' "$CLUSTER/manifest.json")"
REPORT_ARGS=(--results "$RESULTS")
if [[ "$ENFORCE" -eq 1 ]]; then REPORT_ARGS+=(--enforce); fi
set +e
python3 "$BENCH/measure.py" report "${REPORT_ARGS[@]}"
rc=$?
set -e
if [[ -n "$OUT" ]]; then say "outputs kept in $WORK"; fi
if [[ -n "$HEAL_PROBLEM" ]]; then
  printf '\n!! kubectl-heal was not measured: %s\n' "${HEAL_PROBLEM%%$'\n'*}" >&2
  rc=1
elif ! python3 -c 'import json,sys; sys.exit(0 if all(json.loads(l)["ok"] for l in open(sys.argv[1]) if "kubectl-heal" in json.loads(l)["label"]) else 1)' "$RESULTS"; then
  if [[ -n "$OUT" ]]; then
    printf '\n!! kubectl-heal failed on the synthetic cluster (details above; outputs in %s)\n' "$WORK" >&2
  else
    printf '\n!! kubectl-heal failed on the synthetic cluster (details above; rerun with --out DIR to keep its output)\n' >&2
  fi
  rc=1
fi
exit "$rc"
