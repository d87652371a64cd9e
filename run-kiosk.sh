#!/usr/bin/env bash
# Sets everything up and starts the Jiku Bata kiosk with its defaults: the SQLite ledger in
# ./data, receipts to ./receipts (file printer), demo data loaded on the first run.
#   ./run-kiosk.sh              full screen, as at the stall
#   ./run-kiosk.sh --windowed   in a 1280x800 window
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
bash scripts/setup.sh
export JIKUBATA_CONFIG="${JIKUBATA_CONFIG:-$PWD/config.yaml}"
jikubata=.venv/bin/jikubata

# The system libraries Qt needs (README): install them when we can, else say how.
missing=$(.venv/bin/python -c 'from kiosk.ui.qt_check import missing_packages; print(" ".join(missing_packages()))')
if [ -n "$missing" ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "Installing what the screen needs: $missing"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing
  else
    echo "The kiosk screen needs: sudo apt-get install $missing" >&2
    exit 1
  fi
fi

if [ ! -f data/ledger.db ]; then
  "$jikubata" init --sample-data
  echo "Demo operators: Ina (PIN 1111), Yance (2222), Mama Ona (3333)."
fi
exec "$jikubata" run "$@"
