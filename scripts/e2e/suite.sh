# Shared set-up of the opt-in real-cluster suites (sourced, not run): `suite_start NAME SHORT`
# skips (exit 0) without KUBECTL_HEAL_E2E_KUBECONFIG, builds kubectl-heal unless
# KUBECTL_HEAL_BIN names one, picks namespace heal-e2e-SHORT-<random> and a work folder, and
# defines k (kubectl), heal (kubectl-heal in that namespace) and check (PASS/FAIL counting).
suite_start() { # suite name, namespace infix
  [[ -n "${KUBECTL_HEAL_E2E_KUBECONFIG:-}" ]] || { echo "$1: KUBECTL_HEAL_E2E_KUBECONFIG not set; skipped"; exit 0; }
  ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  KCFG="$KUBECTL_HEAL_E2E_KUBECONFIG"
  CTX_ARGS=()
  [[ -n "${KUBECTL_HEAL_E2E_CONTEXT:-}" ]] && CTX_ARGS=(--context "$KUBECTL_HEAL_E2E_CONTEXT")
  HEAL="${KUBECTL_HEAL_BIN:-}"
  if [[ -z "$HEAL" ]]; then
    (cd "$ROOT" && swift build -c release --product kubectl-heal >&2)
    HEAL="$ROOT/.build/release/kubectl-heal"
  fi
  NS="heal-e2e-$2-$(head -c 4 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  WORK="$(mktemp -d "${TMPDIR:-/tmp}/heal-e2e-$2.XXXXXX")"
  PASSED=0
  FAILED=0
}
k() { kubectl --kubeconfig "$KCFG" ${CTX_ARGS[@]+"${CTX_ARGS[@]}"} "$@"; }
heal() { NO_COLOR=1 "$HEAL" "$@" --kubeconfig "$KCFG" ${CTX_ARGS[@]+"${CTX_ARGS[@]}"} -n "$NS"; }
check() { # description, then a command that must succeed
  local what="$1"; shift
  if "$@"; then PASSED=$((PASSED + 1)); echo "PASS  $what"; else FAILED=$((FAILED + 1)); echo "FAIL  $what"; fi
}
