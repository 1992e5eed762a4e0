#!/usr/bin/env bash
# `npm run bench` / `npm run bench:smoke`: raises the open-files limit (the memory part holds 10,000 client sockets
# in this process and as many in the server), then runs bench/run.ts with the arguments given.
set -euo pipefail
cd "$(dirname "$0")/.."
want=32768
hard=$(ulimit -Hn)
if [ "$hard" = unlimited ] || [ "$hard" -ge "$want" ]; then ulimit -n "$want"; else ulimit -n "$hard"; fi
if [ "$(ulimit -n)" -lt 21000 ] && [[ " $* " != *" --smoke "* ]]; then
  echo "Note: open files limited to $(ulimit -n) (hard limit $hard); 10,000 connections need ~10,100 per process, which fits." >&2
fi
exec node --import tsx bench/run.ts "$@"
