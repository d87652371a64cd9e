"""Sinkronisasi pusat (README, "Several kiosks"): on a kiosk whose config names a central, the
admin menu has a tile for the sync's page (the last successful sync, the entries waiting, the
last error) and shows the push alarm in red on the menu itself; a kiosk without a central
section shows neither. Pictures at 1024×768 and 1920×1080."""

from __future__ import annotations

import copy
from collections.abc import Iterator

import pytest

from kiosk.bootstrap import Kiosk, init_kiosk
from kiosk.config import parse_settings
from kiosk.ui.admin.admin_home import AdminHomeScreen
from kiosk.ui.admin.central import CentralScreen
from kiosk.ui.context import UiContext
from kiosk.ui.screen_names import Screen

from ..accessibility import unnamed_controls
from ..ui_context import ui_context
from .conftest import FakeClock, click, show
from .test_sizes_admin import at_size, drawn_for, misfits, save

ALARM = "entry AMB-01-000007 differs from central's copy; push stopped"
ERROR = "central could not be reached (connection timed out)"


@pytest.fixture
def linked(tmp_path, raw_config, qapp) -> Iterator[UiContext]:  # type: ignore[no-untyped-def]
    """The demo ledger on a kiosk whose config names a central (never reached here: the
    status is read from the kiosk's own ledger)."""
    raw = copy.deepcopy(raw_config)
    raw["central"] = {"url": "postgresql+psycopg://kiosk_amb01@pusat.ambon.go.id/jikubata"}
    opened, _ = init_kiosk(parse_settings(raw, tmp_path / "config.yaml"), clock=FakeClock())
    opened.demo_seeder().seed()
    context = ui_context(opened)
    yield context
    context.runner.wait()
    opened.close()


def synced(kiosk: Kiosk, *, behind: int, ok_at: str, error: str = "", alarm: str = "") -> None:
    """What the sync worker leaves in kiosk_settings: central holds all but ``behind``."""
    with kiosk.db.read() as connection:
        head = connection.exec_driver_sql("SELECT max(seq) FROM entries").scalar()
    values = {
        "central.acked_seq": str(head - behind),
        "central.last_ok_at": ok_at,
        "central.last_error": error,
        "central.alarm": alarm,
    }
    for key, value in values.items():
        kiosk.admin_store.set_setting(key, value, actor="sync", at=kiosk.clock())


def page(ctx, go, qtbot) -> CentralScreen:  # type: ignore[no-untyped-def]
    screen = show(CentralScreen(ctx, go), qtbot)
    screen.refresh()
    qtbot.waitUntil(screen.recheck.isEnabled)
    return screen


def test_a_single_kiosk_has_no_sync_tile_and_no_status(ctx, go, qtbot):
    screen = show(AdminHomeScreen(ctx, go, on_quit=lambda: None), qtbot)

    assert Screen.ADMIN_CENTRAL not in screen.tiles
    assert ctx.back_end.admin.central_status() is None


def test_the_menu_has_the_tile_and_shows_the_alarm(linked, go, qtbot):
    synced(linked.kiosk, behind=2, ok_at="2026-11-20T02:58:00Z", alarm=ALARM)
    screen = show(AdminHomeScreen(linked, go, on_quit=lambda: None), qtbot)

    screen.refresh()

    qtbot.waitUntil(lambda: screen.problem.message != "")
    assert screen.problem.message == (
        f"Pengiriman ke pusat dihentikan, hubungi petugas TI: {ALARM}"
    )
    click(qtbot, screen.tiles[Screen.ADMIN_CENTRAL])
    assert go.last == Screen.ADMIN_CENTRAL


def test_the_last_sync_and_what_waits(linked, go, qtbot):
    synced(linked.kiosk, behind=3, ok_at="2026-11-20T02:58:00+00:00")

    screen = page(linked, go, qtbot)

    assert screen.summary.text() == (
        "Terakhir berhasil sinkron 20-11-2026 11:58; 3 catatan menunggu dikirim."
    )
    assert screen.values["waiting"].text() == "3 catatan"
    assert screen.values["error"].text() == "Tidak ada"
    assert not screen.alarm.isVisible()


def test_never_synced_with_the_last_error(linked, go, qtbot):
    synced(linked.kiosk, behind=0, ok_at="", error=ERROR)

    screen = page(linked, go, qtbot)

    assert screen.summary.text() == (
        "Belum pernah berhasil sinkron dengan pusat; 0 catatan menunggu dikirim."
    )
    assert screen.values["last_ok"].text() == "Belum pernah"
    assert screen.values["error"].text() == ERROR


def test_every_control_has_a_name(linked, go, qtbot):
    synced(linked.kiosk, behind=1, ok_at="2026-11-20T02:58:00Z", error=ERROR, alarm=ALARM)
    assert unnamed_controls(page(linked, go, qtbot)) == []


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_sync_fits_and_is_pictured(linked, go, qtbot, size):
    synced(linked.kiosk, behind=12, ok_at="2026-11-20T02:58:00Z", error=ERROR, alarm=ALARM)
    with drawn_for(size):
        home = at_size(AdminHomeScreen(linked, go, on_quit=lambda: None), qtbot, size)
        home.refresh()
        qtbot.waitUntil(lambda: home.problem.message != "")
        home_misfits = misfits(home)
        save(home, size, "home-central-alarm")
        screen = at_size(CentralScreen(linked, go), qtbot, size)
        screen.refresh()
        qtbot.waitUntil(screen.alarm.isVisible)
        page_misfits = misfits(screen)
        save(screen, size, "central")
    assert home_misfits == [] and page_misfits == []
