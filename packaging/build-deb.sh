#!/usr/bin/env bash
# Builds the kiosk's Debian package, one .deb for Debian 12 (Python 3.11) and Ubuntu 24.04
# (Python 3.12) on amd64, with dpkg-deb only (no debhelper):
#
#   packaging/build-deb.sh [--version X] [--output DIR]
#       -> DIR/jikubata-kiosk_<version>_amd64.deb   (DIR: dist/; version: pyproject.toml's)
#
# The package carries the kiosk's source tree (/opt/jikubata/app, translations compiled) and
# a wheelhouse (/opt/jikubata/wheels: packaging/requirements.txt for cp311 and cp312,
# manylinux x86_64); its postinst makes /opt/jikubata/venv with the target's /usr/bin/python3,
# offline. Wheels are downloaded once into .cache/deb-wheels; later builds work offline.
# packaging/README.md says what is in the package and what each maintainer script does.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
packaging="$here/packaging"
python="${PYTHON:-python3}"
started=$SECONDS

fail() {
  echo "build-deb.sh: $*" >&2
  exit 2
}

version=""
output="$here/dist"
while [ $# -gt 0 ]; do
  case "$1" in
  --version) [ $# -ge 2 ] || fail "--version needs a value such as 0.1.0."; version="$2"; shift 2 ;;
  --version=*) version="${1#--version=}"; shift ;;
  --output) [ $# -ge 2 ] || fail "--output needs a folder."; output="$2"; shift 2 ;;
  -h | --help) sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) fail "unknown argument '$1' (usage: packaging/build-deb.sh [--version X] [--output DIR])." ;;
  esac
done
if [ -z "$version" ]; then
  version="$(sed -n 's/^version = "\(.*\)"$/\1/p' "$here/pyproject.toml" | head -n 1)"
fi
# A Debian version dpkg compares sensibly: digits and dots, then optionally ~rc1, +b1 or -1.
if ! [[ "$version" =~ ^[0-9]+(\.[0-9]+)*([~+][A-Za-z0-9.]+)*(-[A-Za-z0-9.+~]+)?$ ]]; then
  fail "--version must look like 0.1.0 (digits and dots, optionally ~rc1 or -1), not '$version'."
fi
command -v dpkg-deb >/dev/null || fail "dpkg-deb is missing; install the 'dpkg' package."
"$python" -m pip --version >/dev/null 2>&1 || fail "'$python -m pip' does not work; install pip for it or set PYTHON."

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
umask 022
root="$stage/root"
opt="$root/opt/jikubata"
mkdir -p "$opt/app" "$opt/wheels" "$root/DEBIAN"

# --- the wheels: both Pythons, manylinux x86_64 up to Debian 12's glibc (2.36) -------------
cache="$here/.cache/deb-wheels"
mkdir -p "$cache"
platforms=(--platform manylinux2014_x86_64)
for minor in $(seq 17 36); do platforms+=(--platform "manylinux_2_${minor}_x86_64"); done
download() { # $1: python version (3.11), then pip's source options
  local pyver="$1"
  shift
  "$python" -m pip download --quiet --disable-pip-version-check --only-binary=:all: \
    "${platforms[@]}" --implementation cp --python-version "$pyver" --abi "cp${pyver/./}" \
    -r "$packaging/requirements.txt" "$@"
}
for pyver in 3.11 3.12; do
  if ! download "$pyver" --no-index --find-links "$cache" -d "$opt/wheels" >/dev/null 2>&1; then
    log="$stage/pip-$pyver.log"
    if ! download "$pyver" -d "$cache" >"$log" 2>&1; then
      fail "could not download the Python $pyver wheels of packaging/requirements.txt (no network to PyPI, or a pinned version has no wheel): $(grep -m1 -E 'ERROR' "$log" || tail -n 1 "$log")"
    fi
    download "$pyver" --no-index --find-links "$cache" -d "$opt/wheels" >/dev/null
  fi
done
install -m 0644 "$packaging/requirements.txt" "$opt/requirements.txt"

# --- the app: the kiosk's package, its sample data and the compiled translations -----------
# The source tree, not a wheel: the kiosk finds assets/ beside kiosk/ (kiosk/ui/i18n.py,
# kiosk/bootstrap.py), which a wheel in site-packages would not have.
tar -C "$here" --exclude=__pycache__ --exclude='*.pyc' -cf - kiosk assets/sample |
  tar -C "$opt/app" -xf -
mkdir -p "$opt/app/assets/translations"
pyside="$(ls "$opt/wheels"/pyside6_essentials-*.whl | head -n 1)"
"$python" - "$pyside" "$stage/pyside" <<'EOF'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as wheel:  # lrelease and the Qt libraries it links
    for name in wheel.namelist():
        if name == "PySide6/lrelease" or name.startswith("PySide6/Qt/lib/"):
            wheel.extract(name, sys.argv[2])
EOF
chmod +x "$stage/pyside/PySide6/lrelease"
for source in "$here"/assets/translations/*.ts; do
  name="$(basename "$source" .ts)"
  "$stage/pyside/PySide6/lrelease" -silent "$source" -qm "$opt/app/assets/translations/$name.qm" ||
    fail "lrelease could not compile $source."
done
rm -rf "$stage/pyside"

# --- the command, the config, systemd, udev, docs ----------------------------------------
install -D -m 0755 "$packaging/debian/jikubata" "$root/usr/bin/jikubata"
install -D -m 0644 "$packaging/debian/config.yaml" "$root/etc/jikubata/config.yaml"
for unit in jikubata-kiosk.service jikubata-backup.service jikubata-backup.timer; do
  install -D -m 0644 "$packaging/systemd/$unit" "$root/lib/systemd/system/$unit"
done
install -D -m 0644 "$packaging/udev/60-jikubata-printers.rules" \
  "$root/lib/udev/rules.d/60-jikubata-printers.rules"
doc="$root/usr/share/doc/jikubata-kiosk"
install -D -m 0644 "$packaging/debian/copyright" "$doc/copyright"
printf '%s (%s) stable; urgency=medium\n\n  * Built from the jikubata-kiosk source tree.\n\n -- %s  %s\n' \
  jikubata-kiosk "$version" "Jiku Bata kiosk team <kiosk@jikubata.invalid>" \
  "$(date -R -u -d "@${SOURCE_DATE_EPOCH:-$(date +%s)}")" | gzip -9n >"$doc/changelog.gz"
install -D -m 0644 "$packaging/debian/lintian-overrides" \
  "$root/usr/share/lintian/overrides/jikubata-kiosk"

# Every file 0644 and folder 0755 unless made executable above (the tar copy keeps modes).
find "$root" -type d -exec chmod 0755 {} +
find "$opt" -type f -exec chmod 0644 {} +

# --- DEBIAN/ -------------------------------------------------------------------------------
for script in postinst prerm postrm; do
  install -m 0755 "$packaging/debian/$script" "$root/DEBIAN/$script"
done
install -m 0644 "$packaging/debian/conffiles" "$root/DEBIAN/conffiles"
installed_kb="$(du -sk --exclude=DEBIAN "$root" | cut -f1)"
sed -e "s/@VERSION@/$version/" -e "s/@INSTALLED_SIZE@/$installed_kb/" \
  "$packaging/debian/control" >"$root/DEBIAN/control"
(cd "$root" && find . -path ./DEBIAN -prune -o -path ./etc -prune -o -type f -printf '%P\0' |
  sort -z | xargs -0 md5sum) >"$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/md5sums"

mkdir -p "$output"
deb="$output/jikubata-kiosk_${version}_amd64.deb"
# gzip: the wheels are zip files already, xz would spend a minute to save a few percent.
dpkg-deb --root-owner-group -Zgzip -z6 --build "$root" "$deb" >/dev/null
deb_bytes="$(stat -c %s "$deb")"
echo "build-deb.sh: $deb: $((deb_bytes / 1024 / 1024)) MiB .deb, $((installed_kb / 1024)) MiB unpacked (plus the venv postinst makes), built in $((SECONDS - started)) s" >&2
echo "$deb"
