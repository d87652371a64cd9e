#!/usr/bin/env bash
# Builds, once, the throwaway root of Debian packages that the real-display test
# (tests/e2e/test_real_display.py) runs from: Xvfb and xkbcomp, xdotool, the AT-SPI registry,
# pyatspi with PyGObject and their typelibs, dbus, and the X11 libraries Qt's xcb plugin loads.
# Nothing is installed onto the machine: apt works in a private state and cache folder (with
# the machine's own package sources), every .deb is unpacked with `dpkg -x` into the root, and
# the programs run from there with PATH / LD_LIBRARY_PATH / GI_TYPELIB_PATH / PYTHONPATH set.
#
#   scripts/display-root.sh [ROOT]     default ROOT: .cache/display-root (git-ignored)
#
# Prints ROOT on success. A root that is complete for the same package list is reused as is.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
root="$(realpath -m "${1:-$here/.cache/display-root}")"

# What the test runs, and what the kiosk's Qt needs on X11 (kiosk/ui/qt_check.py's list).
wanted=(
  xvfb x11-xkb-utils xkb-data xdotool
  at-spi2-core libatspi2.0-0 gir1.2-atspi-2.0 gir1.2-glib-2.0 python3-gi python3-pyatspi
  dbus-bin dbus-daemon libdbus-1-3
  libegl1 libgl1 libfontconfig1 fonts-dejavu-core libxkbcommon0 libxkbcommon-x11-0 libx11-xcb1
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
  libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1
)
# Dependencies never taken, with what they would pull in: the Python interpreter (the AT-SPI
# side runs on the machine's /usr/bin/python3), services and desktop settings the test does
# not start, and Mesa's drivers (no OpenGL context is ever made: Xvfb runs without GLX).
never=(
  python3 python3-minimal python3.11 libpython3-stdlib
  dbus dbus-user-session dbus-x11 dbus-session-bus-common dbus-system-bus-common systemd
  libpam-systemd at-spi2-common libatk-adaptor dconf-gsettings-backend gsettings-desktop-schemas
  xserver-common x11-common libglx-mesa0 libegl-mesa0 libgl1-mesa-dri procps debconf
)

stamp="$root/.complete"
signature="$(printf '%s\n' "${wanted[@]}" -- "${never[@]}" | sha256sum | cut -c1-16)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$signature" ]; then
  echo "$root"
  exit 0
fi

say() { echo "display-root: $*" >&2; }
state="$root.apt"
mkdir -p "$state/lists/partial" "$state/cache/archives/partial" "$state/debs"
: >"$state/status"  # an empty dpkg status: every dependency is resolved, none taken as present
apt_options=(
  -o "Dir::State::Lists=$state/lists" -o "Dir::State::status=$state/status"
  -o "Dir::Cache=$state/cache" -o "APT::Sandbox::User=root"
)
if ! apt-get -qq "${apt_options[@]}" --error-on=any update >"$state/update.log" 2>&1; then
  say "apt-get update failed: Debian's package archive cannot be reached (see $state/update.log)."
  exit 2
fi

# The packages every Debian system has: the Essential ones and apt, with what they depend on.
essential=$(apt-cache "${apt_options[@]}" dumpavail |
  awk '/^Package: /{p=$2} /^Essential: yes/{print p}' | sort -u)

# Depends and Pre-Depends of each package, first alternative only, virtual ones left out.
depends_of() {
  apt-cache "${apt_options[@]}" depends --no-recommends --no-suggests --no-conflicts \
    --no-breaks --no-replaces --no-enhances "$@" | awk '
      /^[^ ]/ { alternative = 0; next }
      /^ *\|?(Pre)?Depends: / {
        name = $2; if (!alternative && name !~ /^</) print name
        alternative = ($1 ~ /^\|/)
      }' | sort -u
}

# Every package reached from $1.. except those in the set file $skip (one name a line).
closure() {
  local -A seen=()
  local front=("$@") next name
  while [ ${#front[@]} -gt 0 ]; do
    for name in "${front[@]}"; do seen[$name]=1; done
    next=()
    while read -r name; do
      [ -n "$name" ] && [ -z "${seen[$name]:-}" ] && ! grep -qxF "$name" "$skip" && next+=("$name")
    done < <(depends_of "${front[@]}")
    front=("${next[@]}")
  done
  printf '%s\n' "${!seen[@]}" | sort
}

skip="$state/skip"
printf '%s\n' "${never[@]}" >"$skip"
base=$(closure $essential apt)
printf '%s\n' "${never[@]}" $base >"$skip"
packages=$(closure "${wanted[@]}")

say "downloading $(echo "$packages" | wc -l) packages into $state/debs"
if ! (cd "$state/debs" && apt-get -qq "${apt_options[@]}" download $packages) \
  >"$state/download.log" 2>&1; then
  say "apt-get download failed (see $state/download.log)."
  exit 2
fi

fresh="$root.new"
rm -rf "$fresh"
mkdir -p "$fresh"
for package in $packages; do
  deb=$(ls "$state/debs/${package}_"*.deb 2>/dev/null | head -n 1)
  if [ -z "$deb" ]; then
    say "no .deb was downloaded for $package."
    exit 2
  fi
  dpkg -x "$deb" "$fresh"
done
echo "$packages" >"$fresh/.packages"
echo "$signature" >"$fresh/.complete"
rm -rf "$root"
mv "$fresh" "$root"
rm -rf "$state"  # the unpacked root is all that is kept
say "ready: $root ($(du -sh "$root" | cut -f1))"
echo "$root"
