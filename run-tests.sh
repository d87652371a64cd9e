#!/usr/bin/env bash
# Sets everything up (a .venv with the project and its test tools, and PostgreSQL's server for
# the tests that check the central-database path) and runs the tests with pytest.
# Extra arguments go to pytest, e.g. ./run-tests.sh tests/unit -x
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
bash scripts/setup.sh
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql
  else
    echo "The PostgreSQL tests need the server binaries: sudo apt-get install postgresql" >&2
  fi
fi
exec .venv/bin/python -m pytest "$@"
