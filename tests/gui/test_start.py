"""Starting: the idle screen comes up before the ledger is open, what a person does meanwhile
is kept for when it is, admin screens are built on first use, and `run` really starts, serves
and stops the kiosk (demo data on a throw-away ledger) or explains why it could not."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml
from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication

from kiosk import cli
from kiosk.domain.compliance import Status
from kiosk.ui.main_window import KioskWindow

from .conftest import REPO, _settings, nip_with_status, signed_card, type_keys


@pytest.fixture
def waiting_window(ctx, qtbot):  # type: ignore[no-untyped-def]
    """A window as app.py shows it first: settings only, no ledger yet."""
    win = KioskWindow(ctx.back_end.stall, scanner=ctx.scanner)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitUntil(lambda: win._watching)  # the idle screen has painted
    yield win
    ctx.runner.wait()
    win.allow_close()
    win.close()


def test_the_idle_screen_needs_no_ledger(waiting_window):
    assert not waiting_window.ready
    assert waiting_window.current_screen_name() == "idle"
    assert set(waiting_window.screens) == {"idle"}
    assert waiting_window.banner is None  # the printer's state is not known yet


def test_a_touch_before_the_ledger_is_open_is_answered_when_it_is(waiting_window, ctx, qtbot):
    qtbot.mouseClick(waiting_window.idle, Qt.MouseButton.LeftButton)
    assert waiting_window.current_screen_name() == "idle"  # nothing else can be shown yet
    waiting_window.attach(ctx)
    assert waiting_window.current_screen_name() == "login"  # nobody on duty yet


def test_admin_asked_for_before_the_ledger_is_open_comes_when_it_is(waiting_window, ctx, qtbot):
    qtbot.mouseClick(waiting_window.idle.admin, Qt.MouseButton.LeftButton)
    assert waiting_window.current_screen_name() == "idle"
    waiting_window.attach(ctx)
    assert waiting_window.current_screen_name() == "admin_login"


def test_a_card_scanned_before_the_ledger_is_open_identifies_the_buyer_after(
    waiting_window, ctx, qtbot, scan_clock
):
    nip = nip_with_status(ctx.kiosk, Status.MEMENUHI)
    type_keys(qtbot, waiting_window, scan_clock, signed_card(ctx.kiosk, nip), 0.005)
    assert ctx.session.buyer is None
    waiting_window.attach(ctx)
    qtbot.waitUntil(lambda: ctx.session.buyer is not None)  # looked up off the GUI thread
    assert ctx.session.buyer.nip == nip
    assert waiting_window.current_screen_name() == "login"  # the buyer waits for an operator


def test_admin_screens_are_built_the_first_time_they_are_needed(window):
    assert not any(name.startswith("admin_") for name in window.screens)
    assert {"login", "selling", "payment", "success"} <= set(window.screens)
    window.show_screen("admin_login")
    assert "admin_login" in window.screens
    assert window.current_screen_name() == "admin_login"
    assert "admin_dashboard" not in window.screens


def _config(folder: Path, database_url: str) -> Path:
    raw = yaml.safe_load((REPO / "config.yaml").read_text(encoding="utf-8"))
    raw["database"]["url"] = database_url
    path = folder / "config.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


def test_run_shows_idle_opens_the_demo_ledger_and_stops_from_the_admin_area(
    app: QApplication, tmp_path
):
    seen: dict[str, object] = {}

    def watch() -> None:
        windows = [w for w in app.topLevelWidgets() if isinstance(w, KioskWindow)]
        if not windows:
            QTimer.singleShot(5, watch)
            return
        window = windows[0]
        seen.setdefault("first screen", window.current_screen_name())
        if not window.ready or not window.selling.tiles:  # the catalogue loads off-thread
            QTimer.singleShot(5, watch)
            return
        seen["products"] = len(window.selling.tiles)
        seen["folder"] = window.ctx.back_end.admin.export_folder.parent / "data"
        window.quit_kiosk()  # what the admin menu's [Ya, tutup aplikasi] does

    hook = sys.excepthook
    QTimer.singleShot(0, watch)
    settings = _settings(tmp_path)
    assert cli.start_touchscreen(settings, windowed=True, demo=True) == 0
    assert sys.excepthook is hook  # given back to whoever had it
    after = QEventLoop()
    QTimer.singleShot(10, after.quit)
    assert after.exec() == 0  # no second "quit" left queued to stop the next event loop
    assert seen["first screen"] == "idle"
    assert seen["products"] == 38  # the demo catalogue, seeded off the GUI thread
    folder = seen["folder"]
    assert isinstance(folder, Path) and not folder.exists()  # the throw-away ledger is gone
    assert not (tmp_path / "data").exists()  # the real ledger was never touched


def test_run_explains_a_ledger_that_cannot_be_opened(app: QApplication, tmp_path, capsys):
    blocked = tmp_path / "not-a-database"
    blocked.mkdir()  # a folder where the database file should be
    config = _config(tmp_path, f"sqlite:///{blocked}")
    assert cli.main(["--config", str(config), "run", "--windowed"]) == 1
    assert "the database could not be used" in capsys.readouterr().err
    logged = (tmp_path / "logs" / "kiosk.log").read_text(encoding="utf-8")
    assert "background task failed" in logged and "OperationalError" in logged  # for IT
    assert not [w for w in app.topLevelWidgets() if isinstance(w, KioskWindow) and w.isVisible()]


def test_run_writes_its_log_into_log_folder(app: QApplication, tmp_path):
    # The installed package keeps its config in /etc/jikubata, which the kiosk may not write:
    # its log goes where log.folder says (/var/log/jikubata), never beside the config.
    blocked = tmp_path / "not-a-database"
    blocked.mkdir()
    config = _config(tmp_path, f"sqlite:///{blocked}")
    raw = yaml.safe_load(config.read_text(encoding="utf-8"))
    raw["log"] = {"folder": str(tmp_path / "var-log")}
    config.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    assert cli.main(["--config", str(config), "run", "--windowed"]) == 1
    logged = (tmp_path / "var-log" / "kiosk.log").read_text(encoding="utf-8")
    assert "background task failed" in logged
    assert not (tmp_path / "logs").exists()
