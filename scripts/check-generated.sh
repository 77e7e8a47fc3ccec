#!/usr/bin/env bash
# Fails when committed generated files differ from what their generators produce now.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
scripts/generate-docs.sh "$scratch" >/dev/null 2>&1
status=0
for file in completions/kubectl-heal.bash completions/_kubectl-heal completions/kubectl-heal.fish man/man1/kubectl-heal.1; do
    if ! diff -u "$file" "$scratch/$file" >&2; then
        echo "$file is out of date: run scripts/generate-docs.sh" >&2
        status=1
    fi
done
python3 scripts/fixtures/make-scenarios.py --check || status=1
python3 scripts/proto/generate-schema.py --check || status=1
exit "$status"
