#!/usr/bin/env bash
# Opt-in end-to-end suite of `kubectl-heal diagnose` against a real cluster.
# See scripts/e2e/README.md. Needs KUBECTL_HEAL_E2E_KUBECONFIG (skips, exit 0, when unset),
# kubectl and python3. Creates namespace heal-e2e-<random>, deletes it on exit.
#
# Environment:
#   KUBECTL_HEAL_E2E_KUBECONFIG   kubeconfig of the cluster to use (required; nothing runs without it)
#   KUBECTL_HEAL_E2E_CONTEXT      context in it (default: its current context)
#   KUBECTL_HEAL_BIN              kubectl-heal binary to test (default: release build in .build-bench)
#   KUBECTL_HEAL_E2E_TIMEOUT      seconds to wait for the scenarios to break (default 300)
#   KUBECTL_HEAL_E2E_SETTLE       seconds to wait after that, for events/back-off to accumulate (default 20)
#   KUBECTL_HEAL_E2E_KEEP=1       keep the namespace and the work dir for debugging
set -euo pipefail

if [[ -z "${KUBECTL_HEAL_E2E_KUBECONFIG:-}" ]]; then
  echo "e2e: KUBECTL_HEAL_E2E_KUBECONFIG is not set; skipping the end-to-end suite (see scripts/e2e/README.md)"
  exit 0
fi

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
E2E="$ROOT/scripts/e2e"
KCFG="$KUBECTL_HEAL_E2E_KUBECONFIG"
CONTEXT="${KUBECTL_HEAL_E2E_CONTEXT:-}"
TIMEOUT="${KUBECTL_HEAL_E2E_TIMEOUT:-300}"
SETTLE="${KUBECTL_HEAL_E2E_SETTLE:-20}"
KEEP="${KUBECTL_HEAL_E2E_KEEP:-0}"

die() { echo "e2e: $*" >&2; exit 1; }
say() { printf '==> %s\n' "$*"; }

[[ -r "$KCFG" ]] || die "KUBECTL_HEAL_E2E_KUBECONFIG=$KCFG is not a readable file"
KCFG="$(cd "$(dirname "$KCFG")" && pwd)/$(basename "$KCFG")"
command -v kubectl >/dev/null || die "kubectl is required for the e2e suite (install it, or unset KUBECTL_HEAL_E2E_KUBECONFIG)"
command -v python3 >/dev/null || die "python3 is required"
[[ "$TIMEOUT" =~ ^[0-9]+$ && "$SETTLE" =~ ^[0-9]+$ ]] || die "KUBECTL_HEAL_E2E_TIMEOUT/SETTLE must be whole seconds"

# kubectl and kubectl-heal against the cluster under test, never the user's default config
CTX_ARGS=()
if [[ -n "$CONTEXT" ]]; then CTX_ARGS=(--context "$CONTEXT"); fi
k() { kubectl --kubeconfig "$KCFG" ${CTX_ARGS[@]+"${CTX_ARGS[@]}"} "$@"; }

TIMEOUT_CMD=()
if command -v timeout >/dev/null; then TIMEOUT_CMD=(timeout 180); fi
heal() { NO_COLOR=1 ${TIMEOUT_CMD[@]+"${TIMEOUT_CMD[@]}"} "$HEAL" "$@"; }

# ---------------------------------------------------------------- results
PASSED=0
FAILED=0
pass() { PASSED=$((PASSED + 1)); echo "PASS  $*"; }
fail() { FAILED=$((FAILED + 1)); echo "FAIL  $*"; }
# run a python checker that prints PASS/FAIL lines; count them
checker() {
  local out rc=0
  out="$(python3 "$@" 2>&1)" || rc=$?
  printf '%s\n' "$out"
  PASSED=$((PASSED + $(grep -c '^PASS' <<<"$out" || true)))
  FAILED=$((FAILED + $(grep -c '^FAIL' <<<"$out" || true)))
  if [[ $rc -ne 0 ]] && ! grep -q '^FAIL' <<<"$out"; then
    fail "checker $2 exited $rc"
  fi
}

# ---------------------------------------------------------------- binary
if [[ -n "${KUBECTL_HEAL_BIN:-}" ]]; then
  HEAL="$KUBECTL_HEAL_BIN"
else
  say "building kubectl-heal (release, --scratch-path .build-bench)"
  (cd "$ROOT" && swift build -c release --product kubectl-heal --scratch-path "$ROOT/.build-bench") >&2 ||
    die "release build failed (set KUBECTL_HEAL_BIN to test an existing binary)"
  HEAL="$ROOT/.build-bench/release/kubectl-heal"
fi
[[ -x "$HEAL" ]] || die "kubectl-heal binary not found or not executable: $HEAL"

# ---------------------------------------------------------------- namespace + cleanup
k version >/dev/null 2>&1 || die "cannot reach the cluster of $KCFG${CONTEXT:+ (context $CONTEXT)}: $(k version 2>&1 | tail -n1)"
NS="heal-e2e-$(python3 -c 'import secrets; print(secrets.token_hex(3))')"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/heal-e2e.XXXXXX")"
NS_CREATED=0
# shellcheck disable=SC2317  # invoked by trap
cleanup() {
  local rc=$?
  if [[ "$NS_CREATED" -eq 1 ]]; then
    if [[ "$KEEP" == "1" ]]; then
      echo "e2e: keeping namespace $NS and $WORK (KUBECTL_HEAL_E2E_KEEP=1)"
    else
      k delete namespace "$NS" --wait=false --ignore-not-found >/dev/null 2>&1 ||
        echo "e2e: could not delete namespace $NS; delete it by hand" >&2
    fi
  fi
  if [[ "$KEEP" != "1" ]]; then rm -rf "$WORK"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say "namespace $NS on $(k config current-context 2>/dev/null || echo '?') ($(k version -o json 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin).get("serverVersion",{}).get("gitVersion","?"))' 2>/dev/null || echo '?'))"
k create namespace "$NS" >/dev/null
NS_CREATED=1
k label namespace "$NS" heal-e2e=true >/dev/null

python3 - "$E2E/scenarios.yaml" "$NS" >"$WORK/scenarios.yaml" <<'EOF'
import sys
text = open(sys.argv[1]).read()
sys.stdout.write(text.replace("HEAL_E2E_NAMESPACE", sys.argv[2]))
EOF
k apply -n "$NS" -f "$WORK/scenarios.yaml" >/dev/null
pass "scenarios applied"

# ---------------------------------------------------------------- wait until everything is broken
say "waiting up to ${TIMEOUT}s for the scenarios to reach their states"
deadline=$((SECONDS + TIMEOUT))
ready=0
while :; do
  if k get pods,events -n "$NS" -o json >"$WORK/state.json" 2>"$WORK/state.err" &&
    python3 "$E2E/wait_state.py" --file "$WORK/state.json" >"$WORK/state.txt"; then
    ready=1
    break
  fi
  if ((SECONDS >= deadline)); then break; fi
  sleep 5
done
cat "$WORK/state.txt" 2>/dev/null || true
if [[ "$ready" -eq 1 ]]; then
  pass "scenarios reached their states"
  sleep "$SETTLE"
else
  fail "scenarios did not reach their states within ${TIMEOUT}s (see the waiting lines above)"
fi

# ---------------------------------------------------------------- live diagnosis
say "kubectl-heal diagnose -n $NS -o json"
rc=0
heal diagnose -n "$NS" -o json --kubeconfig "$KCFG" ${CTX_ARGS[@]+"${CTX_ARGS[@]}"} >"$WORK/live.json" 2>"$WORK/live.err" || rc=$?
if [[ $rc -eq 0 ]]; then pass "diagnose exits 0"; else fail "diagnose exits 0 (got $rc): $(tail -n3 "$WORK/live.err")"; fi
checker "$E2E/check_report.py" expect "$WORK/live.json" --namespace "$NS"

rc=0
heal diagnose -n "$NS" -o json --fail-on warning --kubeconfig "$KCFG" ${CTX_ARGS[@]+"${CTX_ARGS[@]}"} >/dev/null 2>"$WORK/failon.err" || rc=$?
if [[ $rc -eq 1 ]]; then pass "--fail-on warning exits 1"; else fail "--fail-on warning exits 1 (got $rc)"; fi

# ---------------------------------------------------------------- snapshots of the same namespace
say "snapshots: kubectl get ... -o json, kubectl cluster-info dump"
SNAP_LIST="$WORK/list"
SNAP_DUMP="$WORK/dump"
mkdir -p "$SNAP_LIST"
k get pods,deployments,replicasets,services,endpointslices,events -n "$NS" -o json >"$SNAP_LIST/list.json"
k cluster-info dump --namespaces "$NS" --output-directory "$SNAP_DUMP" >/dev/null

rc=0
heal diagnose --snapshot "$SNAP_DUMP" -A -o json >"$WORK/dump.json" 2>"$WORK/dump.err" || rc=$?
if [[ $rc -eq 0 ]]; then
  pass "diagnose --snapshot (cluster-info dump) exits 0"
  checker "$E2E/check_report.py" compare "$WORK/live.json" "$WORK/dump.json" --namespace "$NS" \
    --label "cluster-info dump snapshot" --strict
else
  fail "diagnose --snapshot (cluster-info dump) exits 0 (got $rc): $(tail -n3 "$WORK/dump.err")"
fi

rc=0
heal diagnose --snapshot "$SNAP_LIST/list.json" -A -o json >"$WORK/listsnap.json" 2>"$WORK/listsnap.err" || rc=$?
if [[ $rc -eq 0 ]]; then
  pass "diagnose --snapshot (kubectl get List) exits 0"
  checker "$E2E/check_report.py" compare "$WORK/live.json" "$WORK/listsnap.json" --namespace "$NS" \
    --label "kubectl get List snapshot"
else
  fail "diagnose --snapshot (kubectl get List) exits 0 (got $rc): $(tail -n3 "$WORK/listsnap.err")"
fi

# ---------------------------------------------------------------- failure modes against the real server
say "failure modes"
expect_exit() { # name expected-code stderr-file -- command...
  local name="$1" want="$2" errf="$3" got=0
  shift 4
  "$@" >"$errf.out" 2>"$errf" || got=$?
  if [[ $got -eq $want ]]; then pass "$name: exit $want"; else fail "$name: exit $want (got $got): $(tail -n3 "$errf")"; fi
  if grep -q 'hint:' "$errf"; then pass "$name: message has a hint: line"; else fail "$name: message has a hint: line (stderr: $(head -c 300 "$errf"))"; fi
}

expect_exit "unknown --context" 78 "$WORK/ctx.err" -- \
  heal diagnose -n "$NS" -o json --kubeconfig "$KCFG" --context "heal-e2e-no-such-context-$NS"

# same cluster (server, CA, TLS settings), a token the API server does not know
k config view --minify --flatten --raw -o json >"$WORK/cluster.json"
python3 - "$WORK/cluster.json" "$WORK/badtoken.kubeconfig" "$WORK/closedport.kubeconfig" <<'EOF'
import json, socket, sys
view = json.load(open(sys.argv[1]))
cluster = view["clusters"][0]["cluster"]

def kubeconfig(cluster_doc, token):
    return {
        "apiVersion": "v1", "kind": "Config",
        "clusters": [{"name": "heal-e2e", "cluster": cluster_doc}],
        "users": [{"name": "heal-e2e", "user": {"token": token}}],
        "contexts": [{"name": "heal-e2e", "context": {"cluster": "heal-e2e", "user": "heal-e2e"}}],
        "current-context": "heal-e2e",
    }

json.dump(kubeconfig(cluster, "heal-e2e-invalid-token"), open(sys.argv[2], "w"), indent=1)
# a local port nobody listens on: bind to an ephemeral port, then close it
s = socket.socket()
s.bind(("127.0.0.1", 0))
port = s.getsockname()[1]
s.close()
json.dump(kubeconfig({"server": "https://127.0.0.1:%d" % port, "insecure-skip-tls-verify": True}, "heal-e2e-token"),
          open(sys.argv[3], "w"), indent=1)
EOF
expect_exit "bad bearer token" 77 "$WORK/token.err" -- \
  heal diagnose -n "$NS" -o json --kubeconfig "$WORK/badtoken.kubeconfig"
expect_exit "closed local port" 69 "$WORK/port.err" -- \
  heal diagnose -n "$NS" -o json --kubeconfig "$WORK/closedport.kubeconfig"

# ---------------------------------------------------------------- summary
echo ""
echo "findings of the live run:"
python3 "$E2E/check_report.py" keys "$WORK/live.json" --namespace "$NS" 2>/dev/null | sed 's/^/  /' || true
echo ""
echo "e2e: $PASSED passed, $FAILED failed"
if [[ $FAILED -ne 0 ]]; then
  [[ "$KEEP" == "1" ]] || echo "e2e: rerun with KUBECTL_HEAL_E2E_KEEP=1 to keep namespace $NS and the reports"
  exit 1
fi
exit 0
