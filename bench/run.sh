#!/usr/bin/env bash
# `npm run bench` / `npm run bench:smoke`: raises the open-files limit (the fan-out part holds 10,000 clients of the
# service and as many of the bare ws server in this process at once; the memory part up to 50,000 with
# BENCH_MEMORY_CLIENTS), then runs bench/run.ts with the arguments given.
set -euo pipefail
cd "$(dirname "$0")/.."
want=131072
# Raising the hard limit needs root (CAP_SYS_RESOURCE); otherwise the soft limit goes as high as the hard one allows.
[ "$(ulimit -Hn)" = unlimited ] || [ "$(ulimit -Hn)" -ge "$want" ] || ulimit -Hn "$want" 2>/dev/null || true
hard=$(ulimit -Hn)
if [ "$hard" = unlimited ] || [ "$hard" -ge "$want" ]; then ulimit -n "$want"; else ulimit -n "$hard"; fi
if [ "$(ulimit -n)" -lt 21000 ] && [[ " $* " != *" --smoke "* ]]; then
  echo "Note: open files limited to $(ulimit -n) (hard limit $hard); fan-out at 10,000 holds ~20,100 in this process and will fail." >&2
fi
exec node --import tsx bench/run.ts "$@"
