#!/usr/bin/env bash
# Installs the system packages kubectl-heal needs to build and test on Debian/Ubuntu:
# libcurl (HTTP, TLS), pkg-config (to find it), openssl and python3 (test certificates and the
# loopback TLS terminator), libxml2 (Foundation's XML parser in the JUnit test), prometheus
# (prometheus and promtool: the HealUsage tests and scripts/bench-recommend.sh backfill and run
# their own instance on 127.0.0.1; Debian also enables the packaged service, which they do not use),
# chromium (the HTML report's tests load it in headless Chromium; scripts/screenshot-report.sh),
# and kubectl when there is none (Debian's kubernetes-client: HealerManifestTests build
# deploy/healer with `kubectl kustomize`; kubectl-heal itself never runs kubectl).
set -euo pipefail

packages=(libcurl4-openssl-dev pkg-config openssl python3 libxml2 ca-certificates prometheus chromium)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
command -v kubectl >/dev/null 2>&1 || missing+=(kubernetes-client)
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "installing: ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
