#!/usr/bin/env bash
# Opt-in blue/green suite of `kubectl heal failover` against a real cluster (same environment
# variables as scripts/e2e.sh; skips, exit 0, without KUBECTL_HEAL_E2E_KUBECONFIG). Creates
# namespace heal-e2e-bg-<random> from scripts/e2e/bluegreen.yaml and deletes it on exit:
#   1. status is healthy on blue;
#   2. blue's readiness probe starts failing (403) → status says down, with the probe's reason;
#   3. `failover web --to green --apply --yes` scales the cold standby, switches, verifies;
#   4. a standby that cannot get Ready (blue, still broken) is refused, the Service unchanged;
#   5. blue is fixed; `failover watch` fails over to it when green then loses its endpoints, and
#      prints its session summary on SIGTERM.
set -euo pipefail
# shellcheck source=scripts/e2e/suite.sh
source "$(dirname "$0")/e2e/suite.sh"
suite_start e2e-failover bg
selector() { k get svc web -n "$NS" -o jsonpath='{.spec.selector.version}'; }
wait_for() { # seconds, description, command
  local deadline=$((SECONDS + $1)) what="$2"; shift 2
  until "$@"; do
    if ((SECONDS > deadline)); then echo "timed out: $what" >&2; return 1; fi
    sleep 2
  done
}
# Breaks or fixes a colour in place (a template change would roll out and keep the old pods
# serving): without index.html nginx answers / with 403, so the readiness probe fails.
set_index() { # colour, present|absent
  local pod
  for pod in $(k get pods -n "$NS" -l "app=web,version=$1" -o name); do
    if [[ "$2" == absent ]]; then
      k exec -n "$NS" "$pod" -- rm -f /usr/share/nginx/html/index.html
    else
      k exec -n "$NS" "$pod" -- sh -c 'echo ok >/usr/share/nginx/html/index.html'
    fi
  done
}
json_field() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2], {}, {"d": d}))' "$@"; }
# shellcheck disable=SC2317  # invoked by trap
cleanup() {
  if [[ -n "${WATCHER:-}" ]]; then kill "$WATCHER" 2>/dev/null || true; fi
  [[ "${KUBECTL_HEAL_E2E_KEEP:-}" == "1" ]] || { k delete namespace "$NS" --wait=false >/dev/null 2>&1 || true; rm -rf "$WORK"; }
}
trap cleanup EXIT

k create namespace "$NS" >/dev/null
sed "s/HEAL_E2E_NAMESPACE/$NS/g" "$ROOT/scripts/e2e/bluegreen.yaml" | k apply -f - >/dev/null
k rollout status deployment/web-blue -n "$NS" --timeout=300s >/dev/null

heal failover status web -o json >"$WORK/healthy.json"
check "1. status is healthy on blue" test "$(json_field "$WORK/healthy.json" 'd["verdict"] + "/" + d["activeColour"]')" = "healthy/blue"

set_index blue absent
status_is_down() { heal failover status web -o json >"$WORK/down.json" && test "$(json_field "$WORK/down.json" 'd["verdict"]')" = down; }
wait_for 180 "blue has no ready endpoints" status_is_down || true
check "2. status says down with the probe's reason" grep -q 'readiness probe failing' "$WORK/down.json"

rc=0
heal failover web --to green --apply --yes --keep-old --timeout 3m -o json >"$WORK/apply.json" 2>"$WORK/apply.err" || rc=$?
check "3. failover --apply exits 0" test "$rc" -eq 0
check "3. the Service selects green" test "$(selector)" = green
check "3. the cold standby was scaled to 2" test "$(k get deploy web-green -n "$NS" -o jsonpath='{.spec.replicas}')" = 2
check "3. step timings are reported" test "$(json_field "$WORK/apply.json" 'len(d["steps"])')" -ge 4
succeeded_event() { k get events -n "$NS" --field-selector involvedObject.name=web,reason=FailoverSucceeded -o name | grep -q .; }
check "3. FailoverSucceeded was recorded" succeeded_event

rc=0
heal failover web --to blue --apply --yes --timeout 30s >"$WORK/refused.out" 2>"$WORK/refused.err" || rc=$?
check "4. switching to the broken colour is refused with exit 1" test "$rc" -eq 1
check "4. the Service still selects green" test "$(selector)" = green

set_index blue present
blue_ready() { test "$(k get deploy web-blue -n "$NS" -o jsonpath='{.status.readyReplicas}')" = 2; }
wait_for 120 "blue Ready again" blue_ready || true
heal failover watch web --for 5s --apply -o json >"$WORK/watch.jsonl" 2>"$WORK/watch.err" &
WATCHER=$!
sleep 5
set_index green absent
selects_blue() { test "$(selector)" = blue; }
check "5. watch fails over to blue when green loses its endpoints" wait_for 300 "failover to blue" selects_blue
kill -TERM "$WATCHER"
wait "$WATCHER" || true
WATCHER=""
check "5. watch printed its session summary on SIGTERM" grep -q '"FailoverWatchSummary"' "$WORK/watch.jsonl"

echo "e2e-failover: $PASSED passed, $FAILED failed"
[[ $FAILED -eq 0 ]]
