#!/usr/bin/env bash
# Makes sure test/deploy.test.ts has the load balancer it runs: Debian's `haproxy` package (the one deploy/haproxy.cfg
# is written for). Quick when it is there already. Where it cannot be installed (no root, no apt) this says so and
# succeeds: that one test is then skipped, with the same message, and the rest of the suite runs.
set -euo pipefail

command -v haproxy >/dev/null 2>&1 && exit 0

if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    exec sudo -n "$0" "$@"
  fi
  echo "test/deploy.test.ts needs haproxy and will be skipped: run this script as root (apt-get install -y haproxy)." >&2
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo 'test/deploy.test.ts needs haproxy and will be skipped: no apt-get here to install it.' >&2
  exit 0
fi

echo '--- installing haproxy for the deployment test'
export DEBIAN_FRONTEND=noninteractive
apt_install() {
  # Another apt run (e.g. a parallel job) holds the lock: wait for it rather than fail.
  apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=600 haproxy
}
# A clean image may have no package lists, or stale ones naming versions the mirror no longer has.
if ! apt_install; then
  apt-get update -q -o DPkg::Lock::Timeout=600 || true
  apt_install || { echo 'test/deploy.test.ts needs haproxy and will be skipped: apt-get could not install it.' >&2; exit 0; }
fi
# The package's service is not wanted here: the test runs its own HAProxy on loopback ports.
if command -v systemctl >/dev/null 2>&1; then systemctl disable --now haproxy >/dev/null 2>&1 || true; fi
