#!/usr/bin/env bash
# Opt-in suite of `kubectl heal recommend-limits` and `cost` against a real cluster (same
# environment variables as scripts/e2e.sh; skips, exit 0, without KUBECTL_HEAL_E2E_KUBECONFIG).
# Creates namespace heal-e2e-size-<random> with an nginx Deployment (2 replicas, 100m/128Mi
# requests) and deletes it on exit:
#   1. recommend-limits reads whatever usage the cluster has (Prometheus found through the API
#      server, else metrics-server, else none) and prints valid JSON, CSV and patches;
#   2. the printed `kubectl patch` commands apply cleanly with kubectl;
#   3. --apply --yes changes the Deployment, and its rollout is verified (exit 0);
#   4. cost and cost scenarios use the Deployment's real requests, memory included.
set -euo pipefail
# shellcheck source=scripts/e2e/suite.sh
source "$(dirname "$0")/e2e/suite.sh"
suite_start e2e-recommend size
# Each reads one command's JSON on stdin and asserts on it.
report_names_web() { heal recommend-limits -o json 2>/dev/null | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["kind"] == "ResourceRecommendationReport" and d["workloads"][0]["ref"]["name"] == "web"'; }
csv_has_nginx() { heal recommend-limits -o csv 2>/dev/null | grep -q ',Deployment,web,nginx,2,'; }
patches_apply() { sed "s|^kubectl |kubectl --kubeconfig $KCFG |" "$WORK/patch.sh" | sh >/dev/null; }
cost_prices_requests() { heal cost deployment/web -o json 2>/dev/null | python3 -c 'import json,sys; w=json.load(sys.stdin)["workloads"][0]; assert w["memory"] > 0 and w["cpu"] > 0 and w["replicas"] == 2'; }
scenarios_use_requests() { heal cost scenarios deployment/web -o json 2>/dev/null | python3 -c 'import json,sys; d=json.load(sys.stdin); s={x["id"]: x for x in d["scenarios"]}; assert d["perPod"]["memory"] > 0 and abs(s["blue-green"]["monthly"] - 2 * s["always-on"]["monthly"]) < 1e-9'; }
# shellcheck disable=SC2317  # invoked by trap
cleanup() { [[ "${KUBECTL_HEAL_E2E_KEEP:-}" == "1" ]] || { k delete namespace "$NS" --wait=false >/dev/null 2>&1 || true; rm -rf "$WORK"; }; }
trap cleanup EXIT

k create namespace "$NS" >/dev/null
k apply -n "$NS" -f - >/dev/null <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, labels: {app: web}}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {cpu: 500m, memory: 128Mi}}
YAML
k rollout status deployment/web -n "$NS" --timeout=180s >/dev/null

check "recommend-limits -o json is a ResourceRecommendationReport" report_names_web
check "recommend-limits -o csv has a line for the nginx container" csv_has_nginx
heal recommend-limits -o patch >"$WORK/patch.sh"
if grep -q '^kubectl patch' "$WORK/patch.sh"; then
  check "-o patch applies cleanly with kubectl" patches_apply
else
  echo "note: no usage in this cluster, so nothing to patch (recommendations are ?)"
fi
before="$(k get deploy web -n "$NS" -o jsonpath='{.metadata.generation}')"
status=0
heal recommend-limits deployment/web --apply --yes --verify-for 20s >"$WORK/apply.txt" 2>&1 || status=$?
check "--apply verifies its rollout (exit 0)" test "$status" -eq 0
if grep -q succeeded "$WORK/apply.txt"; then
  check "--apply changed the Deployment" test "$(k get deploy web -n "$NS" -o jsonpath='{.metadata.generation}')" -gt "$before"
fi
check "cost prices the Deployment from its requests, memory included" cost_prices_requests
check "cost scenarios use the real requests (memory priced; blue-green = 2 × always-on)" scenarios_use_requests

echo "e2e-recommend: $PASSED passed, $FAILED failed"
[[ "$FAILED" -eq 0 ]]
