#!/usr/bin/env bash
# Builds a stripped release binary and a tarball for krew: dist/kubectl-heal-VERSION-linux-ARCH.tar.gz
# with the binary, the kubectl plugin completion script, the man page and the licence notice.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --product kubectl-heal --static-swift-stdlib
version="$(.build/release/kubectl-heal --version)"
arch="$(uname -m | sed 's/x86_64/amd64/; s/aarch64/arm64/')"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
install -m 0755 .build/release/kubectl-heal "$stage/kubectl-heal"
strip "$stage/kubectl-heal"
install -m 0755 completions/kubectl_complete-heal "$stage/"
install -m 0644 man/man1/kubectl-heal.1 README.md "$stage/"
mkdir -p dist
tar -C "$stage" -czf "dist/kubectl-heal-$version-linux-$arch.tar.gz" .
sha256sum "dist/kubectl-heal-$version-linux-$arch.tar.gz"
