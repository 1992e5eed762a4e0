#!/usr/bin/env bash
# Makes sure the browser tests have what they drive: Debian's Chromium at /usr/bin/chromium (playwright-core never
# downloads a browser here) and a font that covers Thai (without one, Thai text renders as empty boxes).
# Quick when both are there already: one test and one fontconfig query.
set -euo pipefail

packages=()
[ -x /usr/bin/chromium ] || packages+=(chromium)
# The TLWG fonts (Loma, Garuda, Waree, …) are Debian's standard Thai faces; the web client's font stack names them.
fc-list ':lang=th' family 2>/dev/null | grep -q . || packages+=(fonts-thai-tlwg)
[ "${#packages[@]}" -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    exec sudo -n "$0" "$@"
  fi
  echo "The browser tests need ${packages[*]}: run this script as root (apt-get install -y ${packages[*]})." >&2
  exit 1
fi

echo "--- installing ${packages[*]} for the browser tests"
export DEBIAN_FRONTEND=noninteractive
apt_install() {
  # Another apt run (e.g. a parallel job) holds the lock: wait for it rather than fail.
  apt-get install -y -q -o DPkg::Lock::Timeout=600 "${packages[@]}"
}
# A clean image may have no package lists, or stale ones naming versions the mirror no longer has.
if ! apt_install; then
  apt-get update -q -o DPkg::Lock::Timeout=600
  apt_install
fi
[ -x /usr/bin/chromium ] || { echo 'chromium installed, but /usr/bin/chromium is missing' >&2; exit 1; }
