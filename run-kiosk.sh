#!/usr/bin/env bash
# Sets everything up and runs Jiku Bata with its defaults: the SQLite ledger in ./data, receipts
# to ./receipts, demo data loaded on the first run. Extra arguments go to the jikubata command.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
bash scripts/setup.sh
export JIKUBATA_CONFIG="${JIKUBATA_CONFIG:-$PWD/config.yaml}"
jikubata=.venv/bin/jikubata
if [ ! -f data/ledger.db ]; then
  "$jikubata" init --sample-data
fi
if [ "$#" -gt 0 ]; then
  exec "$jikubata" "$@"
fi
# Until the touchscreen lands (issue #3) the demo shows this month's compliance per OPD.
"$jikubata" summary
"$jikubata" ledger verify
echo
echo "Try: ./run-kiosk.sh export compliance    (CSV in ./exports)   ·   ./run-kiosk.sh --help"
