#!/usr/bin/env bash
# Opt-in healing suite of `kubectl heal diagnose --fix` against a real cluster (same environment
# variables as scripts/e2e.sh; skips, exit 0, without KUBECTL_HEAL_E2E_KUBECONFIG). Creates
# namespace heal-e2e-fix-<random> from scripts/e2e/scenarios.yaml and deletes it on exit:
#   1. without --fix nothing changes;
#   2. `--fix --yes` repairs the image typos and the OOM workload, verifies them, leaves
#      mysql-client alone (no --env values) and records every attempt;
#   3. with --env values (one from a Secret) mysql-client is repaired;
#   4. the same broken workloads deleted and re-created are fixed from memory (learned source);
#   5. a fix that cannot verify (memory capped below the need) is rolled back, exit 1;
#   6. learn stats / export / import round-trip; the ConfigMap store takes two writers at once.
set -euo pipefail
# shellcheck source=scripts/e2e/suite.sh
source "$(dirname "$0")/e2e/suite.sh"
suite_start e2e-heal fix
STORE="$WORK/memory.sqlite"
field() { k get deploy "$1" -n "$NS" -o jsonpath="$2"; }
events_of() { python3 -c 'import json,sys; print(sum(1 for l in open(sys.argv[1]) if json.loads(l).get("type") == sys.argv[2]))' "$@"; }
learned_applies() { python3 -c 'import json,sys; print(sum(1 for l in open(sys.argv[1]) if json.loads(l).get("type") == "applying" and json.loads(l)["step"]["source"] == "learned"))' "$1"; }
wait_broken() { # workload names: wait until diagnose reports a fixable problem for each
  local deadline=$((SECONDS + 300))
  until heal diagnose -o json 2>/dev/null | python3 -c '
import json, sys
fixable = {"oom-killed", "image-tag-not-found", "image-not-found", "missing-env-vars"}
found = {f.get("owner", f["resource"])["name"] for f in json.load(sys.stdin)["findings"] if f["code"] in fixable}
sys.exit(0 if set(sys.argv[1:]) <= found else 1)' "$@"; do
    ((SECONDS > deadline)) && return 1
    sleep 5
  done
}
attempts_in() { heal learn stats --store "$1" -o json | python3 -c 'import json,sys; print(json.load(sys.stdin)["attempts"]["total"])'; }
# shellcheck disable=SC2317  # invoked by trap
cleanup() { [[ "${KUBECTL_HEAL_E2E_KEEP:-}" == "1" ]] || { k delete namespace "$NS" --wait=false >/dev/null 2>&1 || true; rm -rf "$WORK"; }; }
trap cleanup EXIT

k create namespace "$NS" >/dev/null
sed "s/HEAL_E2E_NAMESPACE/$NS/g" "$ROOT/scripts/e2e/scenarios.yaml" | k apply -f - >/dev/null
wait_broken mysql-client memory-hungry web-server alpine-app || echo "warning: not every workload reached its broken state in time" >&2

before="$(field web-server '{.spec.template.spec.containers[0].image}')"
heal diagnose -o json >/dev/null || true
check "1. diagnose alone changes nothing" test "$(field web-server '{.spec.template.spec.containers[0].image}')" = "$before"

rc=0
heal diagnose --fix --yes --store "$STORE" --verify-for 30s -o json >"$WORK/fix.jsonl" 2>"$WORK/fix.err" || rc=$?
check "2. web-server runs nginx:latest" test "$(field web-server '{.spec.template.spec.containers[0].image}')" = nginx:latest
check "2. alpine-app runs alpine:3.18" test "$(field alpine-app '{.spec.template.spec.containers[0].image}')" = alpine:3.18
check "2. memory-hungry got a limit that verified" test "$(events_of "$WORK/fix.jsonl" succeeded)" -ge 3
check "2. mysql-client was left alone" grep -q '"left-alone".*mysql-client\|mysql-client.*"left-alone"' "$WORK/fix.jsonl"
check "2. every attempt is in the store" test "$(attempts_in "$STORE")" -ge 3

k create secret generic mysql -n "$NS" --from-literal=root-password=e2e-only >/dev/null
heal diagnose deployment/mysql-client --fix --yes --store "$STORE" --verify-for 30s \
  --env MYSQL_HOST=mysql.example --env MYSQL_ROOT_PASSWORD=secret:mysql/root-password -o json >"$WORK/env.jsonl" 2>&1 || true
check "3. mysql-client repaired with the given values" test "$(events_of "$WORK/env.jsonl" succeeded)" -eq 1
check "3. the literal value is in no output" bash -c "! grep -q mysql.example '$WORK/env.jsonl'"

for name in memory-hungry web-server alpine-app; do k delete deploy "$name" -n "$NS" --wait=true >/dev/null; done
sed "s/HEAL_E2E_NAMESPACE/$NS/g" "$ROOT/scripts/e2e/scenarios.yaml" | k apply -f - >/dev/null 2>&1 || true
wait_broken memory-hungry web-server alpine-app || true
heal diagnose --fix --yes --store "$STORE" --verify-for 30s -o json >"$WORK/again.jsonl" 2>&1 || true
check "4. re-created workloads are fixed from memory" test "$(learned_applies "$WORK/again.jsonl")" -ge 3
check "4. no rollback the second time" test "$(events_of "$WORK/again.jsonl" rolled-back)" -eq 0

k delete deploy memory-hungry -n "$NS" --wait=true >/dev/null
sed "s/HEAL_E2E_NAMESPACE/$NS/g" "$ROOT/scripts/e2e/scenarios.yaml" | k apply -f - >/dev/null 2>&1 || true
wait_broken memory-hungry || true
rc=0
heal diagnose deployment/memory-hungry --fix --yes --store "$WORK/other.sqlite" --max-memory 200Mi --verify-for 30s -o json >"$WORK/capped.jsonl" 2>&1 || rc=$?
check "5. a fix that cannot verify exits 1" test "$rc" -eq 1
check "5. it was rolled back to 128Mi" test "$(field memory-hungry '{.spec.template.spec.containers[0].resources.limits.memory}')" = 128Mi

heal learn export "$WORK/export.json" --store "$STORE" >/dev/null
heal learn import "$WORK/export.json" --store "$WORK/imported.sqlite" >/dev/null
check "6. export/import round-trips the attempts" test "$(attempts_in "$WORK/imported.sqlite")" = "$(attempts_in "$STORE")"
heal learn import "$WORK/export.json" --store "configmap://$NS/heal-memory" >/dev/null &
heal learn import "$WORK/export.json" --store "configmap://$NS/heal-memory" >/dev/null &
wait
check "6. two writers share the ConfigMap store without duplicates" test "$(attempts_in "configmap://$NS/heal-memory")" = "$(attempts_in "$STORE")"

echo "e2e-heal: $PASSED passed, $FAILED failed"
((FAILED == 0))
