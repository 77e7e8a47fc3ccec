#!/usr/bin/env bash
# Dry run of the e2e suite without a cluster: checks scenarios.yaml, the report checker, the
# state checker, and runs scripts/e2e.sh end to end against stand-ins of kubectl and kubectl-heal
# (scripts/e2e/dryrun/), once well-behaved (must pass) and once per misbehaviour (must fail).
set -euo pipefail

E2E="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$E2E/../.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/heal-e2e-selftest.XXXXXX")"
# shellcheck disable=SC2317  # invoked by trap
cleanup() { rm -rf "$WORK"; }
trap cleanup EXIT

PASSED=0
FAILED=0
ok() { PASSED=$((PASSED + 1)); echo "PASS  $*"; }
ko() { FAILED=$((FAILED + 1)); echo "FAIL  $*"; }

# ---------------------------------------------------------------- scenarios.yaml
if python3 -c 'import yaml' 2>/dev/null; then
  if python3 - "$E2E/scenarios.yaml" <<'EOF'; then ok "scenarios.yaml parses and has the expected objects"; else ko "scenarios.yaml"; fi
import sys, yaml
text = open(sys.argv[1]).read().replace("HEAL_E2E_NAMESPACE", "heal-e2e-abc123")
docs = [d for d in yaml.safe_load_all(text) if d]
got = sorted((d["kind"], d["metadata"]["name"]) for d in docs)
want = sorted([("Deployment", n) for n in ("mysql-client", "memory-hungry", "web-server", "alpine-app",
                                           "api-gateway", "batch-cruncher", "healthy-web")]
              + [("Service", "api-gateway"), ("Service", "healthy-web"), ("PodDisruptionBudget", "healthy-web")])
assert got == want, got
units = {"m": 1e-3, "": 1, "Mi": 2**20, "Gi": 2**30}
def q(v):
    v = str(v)
    for u in ("Mi", "Gi", "m"):
        if v.endswith(u):
            return float(v[:-len(u)]) * units[u]
    return float(v)
for d in docs:
    assert d["metadata"]["namespace"] == "heal-e2e-abc123", d["metadata"]
    if d["kind"] != "Deployment":
        continue
    spec = d["spec"]
    assert spec["selector"]["matchLabels"].items() <= spec["template"]["metadata"]["labels"].items()
    for c in spec["template"]["spec"]["containers"]:
        r = c["resources"]
        for k, v in r.get("limits", {}).items():
            assert q(v) >= q(r["requests"].get(k, 0)), (d["metadata"]["name"], k)
images = {d["metadata"]["name"]: d["spec"]["template"]["spec"]["containers"][0]["image"] for d in docs if d["kind"] == "Deployment"}
assert images["web-server"] == "nginx:latst" and images["alpine-app"] == "apline:3.18", images
gw = next(d for d in docs if d["kind"] == "Deployment" and d["metadata"]["name"] == "api-gateway")
assert gw["spec"]["replicas"] == 2 and gw["spec"]["template"]["spec"]["containers"][0]["readinessProbe"]["httpGet"]["path"] == "/does-not-exist"
bc = next(d for d in docs if d["kind"] == "Deployment" and d["metadata"]["name"] == "batch-cruncher")
assert bc["spec"]["template"]["spec"]["containers"][0]["resources"]["requests"]["cpu"] == "64"
EOF
else
  echo "SKIP  scenarios.yaml parse (python3 yaml module not installed)"
fi

# ---------------------------------------------------------------- check_report.py on hand-written reports
NS=heal-e2e-abc123
sed "s/HEAL_E2E_NAMESPACE/$NS/g" "$E2E/sample-report.json" >"$WORK/good.json"
if python3 "$E2E/check_report.py" expect "$WORK/good.json" --namespace "$NS" >"$WORK/out.txt"; then
  ok "check_report expect passes the sample report ($(grep -c '^PASS' "$WORK/out.txt") checks)"
else
  ko "check_report expect on the sample report:"; cat "$WORK/out.txt"
fi
mutate() { # name python-expression-on-doc expected-FAIL-substring
  python3 - "$WORK/good.json" "$WORK/bad.json" "$2" <<'EOF'
import json, sys
doc = json.load(open(sys.argv[1]))
fs = doc["findings"]
exec(sys.argv[3])
json.dump(doc, open(sys.argv[2], "w"))
EOF
  if python3 "$E2E/check_report.py" expect "$WORK/bad.json" --namespace "$NS" >"$WORK/out.txt"; then
    ko "check_report expect should fail: $1"
  elif grep '^FAIL' "$WORK/out.txt" | grep -qF -- "$3"; then
    ok "check_report expect fails: $1"
  else
    ko "check_report expect fails for the wrong reason: $1"; grep '^FAIL' "$WORK/out.txt"
  fi
}
mutate "healthy-web reported" 'fs.append(dict(fs[-1], resource=dict(fs[-1]["resource"], name="healthy-web")))' "nothing about healthy-web"
mutate "wrong suggested image" 'fs[2]["remediation"]["parameters"]["image"] = "nginx:stable"' 'nginx:latest'
mutate "two findings for one workload" 'fs.append(dict(fs[1], code="crash-loop"))' "Deployment/memory-hungry"
mutate "missing Service finding" 'del fs[5]' "Service/api-gateway"
mutate "rootCause without the variables" 'fs[0]["rootCause"] = "container exits"' "MYSQL_HOST"
mutate "remediation.patch of a wrong type" 'fs[1]["remediation"]["patch"] = 5' "report shape"
mutate "finding without remediation.parameters" 'del fs[1]["remediation"]["parameters"]' "report shape"
mutate "bad severity" 'fs[3]["severity"] = "high"' "report shape"
mutate "unexpected workload" 'fs.append(dict(fs[1], owner=dict(fs[1]["owner"], name="other")))' "no other warning/critical"

if python3 "$E2E/check_report.py" compare "$WORK/good.json" "$WORK/good.json" --namespace "$NS" --label same --strict >/dev/null; then
  ok "check_report compare: identical reports are equal"
else
  ko "check_report compare: identical reports"
fi
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d["findings"][0]["code"]="crash-loop"; json.dump(d,open(sys.argv[2],"w"))' "$WORK/good.json" "$WORK/degraded.json"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); del d["findings"][0]; json.dump(d,open(sys.argv[2],"w"))' "$WORK/good.json" "$WORK/missing.json"
if ! python3 "$E2E/check_report.py" compare "$WORK/good.json" "$WORK/degraded.json" --namespace "$NS" --label x --strict >/dev/null &&
  python3 "$E2E/check_report.py" compare "$WORK/good.json" "$WORK/degraded.json" --namespace "$NS" --label x >/dev/null &&
  ! python3 "$E2E/check_report.py" compare "$WORK/good.json" "$WORK/missing.json" --namespace "$NS" --label x >/dev/null; then
  ok "check_report compare: strict vs lenient, missing workload fails"
else
  ko "check_report compare: strict vs lenient"
fi

# ---------------------------------------------------------------- wait_state.py on fixture-based pod lists
export E2E_STUB_DIR="$WORK"
"$E2E/dryrun/kubectl" get pods,events -n "$NS" -o json >"$WORK/state.json"
if python3 "$E2E/wait_state.py" --file "$WORK/state.json" >"$WORK/out.txt"; then
  ok "wait_state: broken scenarios recognised"
else
  ko "wait_state on the broken state:"; cat "$WORK/out.txt"
fi
E2E_STUB_STATE=never-oom "$E2E/dryrun/kubectl" get pods,events -n "$NS" -o json >"$WORK/state2.json"
if ! python3 "$E2E/wait_state.py" --file "$WORK/state2.json" >"$WORK/out.txt" && grep -q 'waiting  memory-hungry' "$WORK/out.txt"; then
  ok "wait_state: waits while memory-hungry has not been OOMKilled"
else
  ko "wait_state should wait for the OOM kill:"; cat "$WORK/out.txt"
fi

# ---------------------------------------------------------------- e2e.sh end to end against the stand-ins
if out="$(env -u KUBECTL_HEAL_E2E_KUBECONFIG bash "$ROOT/scripts/e2e.sh" 2>&1)" && grep -q skipping <<<"$out"; then
  ok "e2e.sh skips (exit 0) without KUBECTL_HEAL_E2E_KUBECONFIG"
else
  ko "e2e.sh without KUBECTL_HEAL_E2E_KUBECONFIG: $out"
fi

echo "apiVersion: v1" >"$WORK/kubeconfig"
run_e2e() {
  : >"$WORK/kubectl.calls"
  PATH="$E2E/dryrun:$PATH" KUBECTL_HEAL_E2E_KUBECONFIG="$WORK/kubeconfig" KUBECTL_HEAL_BIN="$E2E/dryrun/kubectl-heal" \
    KUBECTL_HEAL_E2E_TIMEOUT=10 KUBECTL_HEAL_E2E_SETTLE=0 E2E_STUB_HEAL="${1:-}" E2E_STUB_STATE="${2:-}" \
    bash "$ROOT/scripts/e2e.sh" >"$WORK/e2e.out" 2>&1
}
if run_e2e && grep -q '^e2e: [0-9]* passed, 0 failed$' "$WORK/e2e.out" && grep -q ' delete namespace heal-e2e-' "$WORK/kubectl.calls"; then
  ok "e2e.sh passes against well-behaved stand-ins ($(grep '^e2e:' "$WORK/e2e.out" | tail -n1)) and deletes its namespace"
else
  ko "e2e.sh against well-behaved stand-ins:"; cat "$WORK/e2e.out"
fi
for mode in "healthy:nothing about healthy-web" "wrong-image:nginx:latest" "no-hint:hint: line" "dump-differs:cluster-info dump snapshot"; do
  name="${mode%%:*}" want="${mode#*:}"
  if ! run_e2e "$name" && grep '^FAIL' "$WORK/e2e.out" | grep -qF -- "$want" && grep -q ' delete namespace heal-e2e-' "$WORK/kubectl.calls"; then
    ok "e2e.sh fails when kubectl-heal misbehaves: $name"
  else
    ko "e2e.sh should fail ($want) when kubectl-heal misbehaves: $name"; cat "$WORK/e2e.out"
  fi
done
if ! run_e2e "" never-oom && grep -q '^FAIL  scenarios did not reach their states' "$WORK/e2e.out"; then
  ok "e2e.sh fails (bounded wait) when a scenario never breaks"
else
  ko "e2e.sh bounded wait:"; cat "$WORK/e2e.out"
fi

echo ""
echo "selftest: $PASSED passed, $FAILED failed"
[[ $FAILED -eq 0 ]]
