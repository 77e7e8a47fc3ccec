#!/usr/bin/env bash
# Regenerates the files derived from the command definitions: shell completions (bash, zsh,
# fish) and the man page. Run after changing a flag or help text; scripts/check-generated.sh
# fails the tests when they drift. Usage: scripts/generate-docs.sh [OUTPUT_ROOT]
set -euo pipefail
cd "$(dirname "$0")/.."
root="${1:-.}"
swift build --product kubectl-heal >&2
binary=.build/debug/kubectl-heal
mkdir -p "$root/completions" "$root/man/man1"
"$binary" --generate-completion-script bash >"$root/completions/kubectl-heal.bash"
"$binary" --generate-completion-script zsh >"$root/completions/_kubectl-heal"
"$binary" --generate-completion-script fish >"$root/completions/kubectl-heal.fish"
# A fixed date keeps the page reproducible; bump it with releases.
swift package --allow-writing-to-package-directory generate-manual --configuration debug --date 2026-11-21 >&2
cp .build/plugins/GenerateManual/outputs/kubectl-heal/kubectl-heal.1 "$root/man/man1/kubectl-heal.1"
