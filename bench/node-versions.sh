#!/usr/bin/env bash
# The image's Node against the current LTS (scripts/ensure-node.sh), in one run: `me` through bench/ab.ts, each Node
# with tsx (as `npm start` ran it) and with the tsc build (tsconfig.build.json, run with --enable-source-maps),
# alternating rounds; then the fan-out part on each Node in turn, twice. Not part of `npm run bench`: it answers
# which Node and which way of running TypeScript, and takes about eight minutes.
set -euo pipefail
cd "$(dirname "$0")/.."

node24="$(bash scripts/ensure-node.sh)/node"
node20="$(command -v node)"
echo "# Node versions: $("${node20}" --version) (image) and $("${node24}" --version)"
npx tsc -p tsconfig.build.json

echo '## me'
npx tsx bench/ab.ts \
  "n20-tsx=node=${node20} src/server.ts" \
  "n24-tsx=node=${node24} src/server.ts" \
  "n20-tsc=node=${node20} --enable-source-maps dist/server.js" \
  "n24-tsc=node=${node24} --enable-source-maps dist/server.js" \
  --seconds "${SECONDS_PER_ROUND:-5}" --rounds "${ROUNDS:-5}"

echo '## fan-out (p99 of each size, per run)'
for round in 1 2; do
  for node in "${node20}" "${node24}"; do
    echo "### $("${node}" --version), round ${round}"
    PATH="$(dirname "${node}"):${PATH}" npm run --silent bench -- fanout | grep -E '^\| (raw ws|service|ratio)'
  done
done
