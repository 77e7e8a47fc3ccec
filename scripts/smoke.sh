#!/usr/bin/env bash
# Runs the built binary as a real process: the checks in-process tests cannot make (the
# process exit status, the executable completion script kubectl calls).
set -euo pipefail
binary="${1:-.build/debug/kubectl-heal}"
cd "$(dirname "$0")/.."
failures=0
check() {
    local name="$1" expected="$2"; shift 2
    local status=0
    "$@" >/tmp/heal-smoke.out 2>/tmp/heal-smoke.err || status=$?
    if [ "$status" -eq "$expected" ]; then
        echo "PASS $name (exit $status)"
    else
        echo "FAIL $name: exit $status, expected $expected" >&2
        cat /tmp/heal-smoke.err >&2
        failures=$((failures + 1))
    fi
}
check "diagnose the example" 0 "$binary" diagnose --snapshot scripts/example
check "fail-on critical" 1 "$binary" diagnose --snapshot scripts/example --fail-on critical
check "usage error" 64 "$binary" diagnose --no-such-flag
check "missing snapshot" 65 "$binary" diagnose --snapshot /nonexistent
check "no kubeconfig" 78 env -u KUBECONFIG HOME=/nonexistent "$binary" diagnose
check "--explain with no LLM configured" 78 env -u KUBECTL_HEAL_LLM_BASE_URL -u OPENAI_BASE_URL "$binary" diagnose --snapshot scripts/example --explain
check "--explain with an endpoint that is down still prints the report" 0 sh -c "'$binary' diagnose --snapshot scripts/example --explain --llm-base-url http://127.0.0.1:9 --llm-model m --no-cache | grep -q 'health score'"
check "recommend-limits on the example" 0 "$binary" recommend-limits --snapshot scripts/example
check "recommend-limits without a kubeconfig" 78 env -u KUBECONFIG HOME=/nonexistent "$binary" recommend-limits
check "cost scenarios demo preset" 0 sh -c "'$binary' cost scenarios --preset demo | grep -q '\\\$11.64'"
check "cost with a missing pricing file" 65 "$binary" cost --snapshot scripts/example --pricing /nonexistent.yaml
check "failover without a kubeconfig" 78 env -u KUBECONFIG HOME=/nonexistent "$binary" failover status web
check "failover --apply with --dry-run" 64 "$binary" failover web --apply --dry-run
check "json parses" 0 sh -c "'$binary' diagnose --snapshot scripts/example -o json | python3 -c 'import json,sys; json.load(sys.stdin)'"
mcp_session='{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"smoke","version":"1"}}}
{"jsonrpc":"2.0","method":"notifications/initialized"}
{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"cost_scenarios","arguments":{"preset":"demo"}}}'
check "mcp answers a tool call over stdio and exits 0 at EOF" 0 sh -c "printf '%s\\n' '$mcp_session' | '$binary' mcp | grep -q 'CostScenarioReport'"
check "mcp with a bad policy file" 65 "$binary" mcp --allow-mutations --policy /nonexistent.yaml
check "kubectl plugin completion lists diagnose flags" 0 sh -c "PATH=\"$(dirname "$binary"):\$PATH\" completions/kubectl_complete-heal diagnose - | grep -q -- '--snapshot'"
[ "$failures" -eq 0 ]
