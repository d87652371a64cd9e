#!/usr/bin/env bash
# Sets everything up (a .venv with the project and its test tools) and runs the tests.
# Extra arguments go to pytest, e.g. ./run-tests.sh tests/unit -x
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
bash scripts/setup.sh
exec .venv/bin/python -m pytest "$@"
