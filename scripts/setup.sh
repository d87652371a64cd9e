#!/usr/bin/env bash
# Creates .venv (once) and installs the project with its test tools into it.
# Re-running is cheap: pip only re-checks what is already there.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
python="${PYTHON:-python3}"
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "Jiku Bata needs Python 3.11 or newer; '$python' is $("$python" --version 2>&1)." >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
stamp=.venv/.installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e ".[test]"
  touch "$stamp"
fi
# The English screen text: compile Qt's translation sources (.ts) to what Qt loads (.qm).
for source in assets/translations/*.ts; do
  .venv/bin/pyside6-lrelease -silent "$source"
done
# Bytecode for the kiosk's own modules, written now even where PYTHONDONTWRITEBYTECODE is set,
# so no start compiles them again (only changed files are recompiled).
.venv/bin/python -m compileall -q kiosk
