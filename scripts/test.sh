#!/usr/bin/env bash
# The whole test suite (`npm test`): types, generated artefacts up to date, then every end-to-end test against
# a real MariaDB, each test file in a database of its own, then the benchmark harness in its smoke mode.
set -euo pipefail
cd "$(dirname "$0")/.."

echo '--- type check'
npx tsc -p tsconfig.json --noEmit
npx tsc -p web/tsconfig.json
echo '--- no import cycle under src/ (type-only imports count: they tie modules together just the same)'
npx dpdm --no-tree --no-warning --exit-code circular:1 'src/**/*.ts' >/dev/null || {
  npx dpdm --no-tree --no-warning 'src/**/*.ts' 2>/dev/null | sed -n '/Circular/,$p' >&2
  echo 'An import cycle under src/ (above): break it, e.g. move what both sides need into a file that imports neither.' >&2
  exit 1
}
echo '--- schema.graphql matches the code'
npx tsx scripts/print-schema.ts --check
echo '--- generated typed documents match schema.graphql and the operations'
npx graphql-codegen --config codegen.ts --check >/dev/null || {
  echo 'test/gql/ or web/src/gql/ is out of date: run `npm run codegen` and commit the result.' >&2
  exit 1
}

echo '--- web client bundle and the browser its tests drive'
npx tsx scripts/build-web.ts
bash scripts/ensure-chromium.sh
echo '--- the load balancer the deployment test runs'
bash scripts/ensure-haproxy.sh

TEST_DATABASE_URL="$(npx tsx scripts/test-database.ts)"
export TEST_DATABASE_URL
echo "--- end-to-end tests against ${TEST_DATABASE_URL}"
if [ "$#" -gt 0 ]; then files=("$@"); else files=(test/*.test.ts); fi
node --import tsx --test --test-concurrency=2 --test-reporter=spec "${files[@]}"

# The benchmark harness, a few seconds per part, so it never rots. It fails only if the harness breaks: its
# figures are not checked (they mean nothing at this size). Skipped when only some test files were asked for.
if [ "$#" -eq 0 ] && [ "${SKIP_BENCH_SMOKE:-}" != 1 ]; then
  echo '--- benchmark harness (npm run bench:smoke)'
  bash bench/run.sh --smoke
fi
