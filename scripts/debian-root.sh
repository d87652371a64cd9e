#!/usr/bin/env bash
# Builds, once, a pristine minimal Debian root (debootstrap --variant=minbase) for the tests
# that install the kiosk's package or run systemd and cage inside a throwaway system, never on
# the machine running the tests. debootstrap itself is fetched with `apt-get download` and
# unpacked with `dpkg -x` into the cache, so nothing is installed onto the machine either.
#
#   scripts/debian-root.sh [SUITE [ROOT]]   default: bookworm, .cache/debian-root/SUITE
#
# Prints ROOT on success. Tests copy it (cp -a) before changing anything: the pristine root
# is reused as is while its stamp matches. Needs root (chroot, device nodes) and the archive.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
suite="${1:-bookworm}"
root="$(realpath -m "${2:-$here/.cache/debian-root/$suite}")"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"

say() { echo "debian-root: $*" >&2; }
# One builder at a time: tests running in parallel may all ask for the root at first use.
mkdir -p "$(dirname "$root")"
exec 9>"$root.lock"
flock 9
stamp="$root/.complete"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$suite minbase" ]; then
  echo "$root"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  say "building a Debian root needs root (debootstrap makes device nodes and chroots)."
  exit 2
fi

tools="$here/.cache/debootstrap-tool"
if [ ! -x "$tools/usr/sbin/debootstrap" ]; then
  download="$(mktemp -d)"
  trap 'rm -rf "$download"' EXIT
  # apt-get download runs as _apt unless the folder is readable by it: a fresh temp dir is not.
  chmod 0755 "$download"
  if ! (cd "$download" && apt-get download -qq debootstrap >/dev/null 2>&1); then
    say "apt-get download debootstrap failed: run 'apt-get update', and check the archive."
    exit 2
  fi
  rm -rf "$tools"
  mkdir -p "$tools"
  dpkg -x "$download"/debootstrap_*.deb "$tools"
fi

rm -rf "$root"
mkdir -p "$(dirname "$root")"
log="$root.log"
say "debootstrap $suite into $root (about 30 s, 200 MB)"
if ! DEBOOTSTRAP_DIR="$tools/usr/share/debootstrap" "$tools/usr/sbin/debootstrap" \
  --variant=minbase "$suite" "$root" "$mirror" >"$log" 2>&1; then
  say "debootstrap failed; the last lines of $log:"
  tail -5 "$log" >&2
  exit 2
fi
# apt inside the root: the same archive, and no recommends (an appliance takes what it needs).
printf 'deb %s %s main\n' "$mirror" "$suite" >"$root/etc/apt/sources.list"
printf 'APT::Install-Recommends "false";\n' >"$root/etc/apt/apt.conf.d/90no-recommends"
echo "$suite minbase" >"$stamp"
echo "$root"
