"""What `jikubata run` imports before its first screen is shown: only what that screen needs.
The ledger (SQLAlchemy, the stores), every port and record type, the vendor screens and all
the other commands' parsers wait until the idle screen is up, so the kiosk starts close to a
bare PySide6 window (bench/gui.py --section start measures it; this test keeps no time)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

from .conftest import REPO

# A fresh interpreter runs the real `jikubata run --windowed`; at the window's first show it
# prints the modules loaded so far and leaves.
CHILD = """
import json, os, sys
from kiosk import cli
from kiosk.ui.main_window import KioskWindow


def show_event(self, event):
    print("MODULES " + json.dumps(sorted(sys.modules)), flush=True)
    os._exit(0)


KioskWindow.showEvent = show_event
sys.exit(cli.main(["--config", sys.argv[1], "run", "--windowed"]))
"""

NOT_BEFORE_THE_FIRST_SCREEN = (
    "sqlalchemy",
    "alembic",
    "escpos.escpos",  # the package itself is read for its profile list (config.py): cheap
    "escpos.printer",
    "escpos.capabilities",
    "kiosk.bootstrap",
    "kiosk.ledger",
    "kiosk.printing",
    "kiosk.services.ports",
    "kiosk.services.back_end",
    "kiosk.domain.records",
    "kiosk.ui.screens.selling",
    "kiosk.ui.screens.payment",
    "kiosk.ui.admin",
)


def loaded_at_first_show(tmp_path) -> list[str]:  # type: ignore[no-untyped-def]
    config = tmp_path / "config.yaml"
    shutil.copy(REPO / "config.yaml", config)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(config)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("MODULES ")]
    assert lines, f"the kiosk did not show its window: {done.stderr[-2000:]}"
    return json.loads(lines[0].removeprefix("MODULES "))


def test_the_first_screen_waits_for_no_ledger_port_or_vendor_screen(tmp_path) -> None:
    loaded = loaded_at_first_show(tmp_path)
    early = [
        name
        for name in loaded
        for heavy in NOT_BEFORE_THE_FIRST_SCREEN
        if name == heavy or name.startswith(heavy + ".")
    ]
    assert early == []
    assert "kiosk.ui.screens.idle" in loaded  # it did reach the first screen


def test_starting_builds_only_the_run_commands_parser() -> None:
    from kiosk import cli

    assert cli._starts_the_kiosk([])
    assert cli._starts_the_kiosk(["run", "--windowed"])
    assert cli._starts_the_kiosk(["--config", "x.yaml", "--debug", "run"])
    assert not cli._starts_the_kiosk(["--config", "run", "export"])  # "run" is the file
    assert not cli._starts_the_kiosk(["run", "--help"])
    assert not cli._starts_the_kiosk(["-h"])
    assert not cli._starts_the_kiosk(["export", "sales"])
    commands = cli.build_parser(only_run=True)._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert list(commands) == ["run"]
