"""GUI fixtures: a real SQLite ledger seeded with the demo data, the real window, a scanner
whose clock the test controls (so a scan burst and slow typing are told apart for certain)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import datetime as dt
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QPushButton

from kiosk.bootstrap import Kiosk, init_kiosk, open_kiosk
from kiosk.config import Settings, parse_settings
from kiosk.domain.compliance import Status
from kiosk.domain.scan import sign_card_payload
from kiosk.domain.till import DENOMINATIONS
from kiosk.services.card_keys import read_card_keys
from kiosk.services.qris_payment import QrisPaymentService
from kiosk.ui import theme
from kiosk.ui.context import UiContext
from kiosk.ui.i18n import Language
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.scanner import ScanDetector
from kiosk.ui.screen_names import Screen
from kiosk.ui.widgets.product_tile import ProductTile

from ..qris_sample import STATIC_QRIS
from ..ui_context import ui_context

REPO = Path(__file__).resolve().parents[2]
NOW = dt.datetime(2026, 11, 20, 3, 0, tzinfo=dt.UTC)  # Friday 20 Nov 2026, 12:00 WIT
NOT_ON_ROSTER = "199001012015011001"  # a valid NIP on no roster


class FakeClock:
    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


class ScanClock:
    """monotonic() for the scanner: moves only when the test says so."""

    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def _settings(folder: Path, *, qris: str | None = None) -> Settings:
    """The shipped config for a kiosk in ``folder``; ``qris``: the stall's QRIS, if any."""
    raw = yaml.safe_load((REPO / "config.yaml").read_text(encoding="utf-8"))
    if qris is not None:
        raw["payment"] = {"qris": qris}
    return parse_settings(raw, folder / "config.yaml")


@pytest.fixture(scope="session")
def fresh_day_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Seed once (roster, catalogue, demo sales, operators, card key), no till shift yet:
    the first login of the day opens one."""
    folder = tmp_path_factory.mktemp("seeded")
    kiosk, _ = init_kiosk(_settings(folder), clock=FakeClock(NOW))
    with kiosk:
        kiosk.demo_seeder().seed()
    return folder


@pytest.fixture(scope="session")
def seeded_folder(fresh_day_folder: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeded ledger with Ina's till shift open (float Rp0), so the tests that log Ina in
    go straight to selling as on any later login of the day; copied per test."""
    folder = tmp_path_factory.mktemp("seeded-shift")
    shutil.copytree(fresh_day_folder / "data", folder / "data")
    with open_kiosk(_settings(folder), clock=FakeClock(NOW)) as kiosk:
        kiosk.shifts.open("Ina", 0)
    return folder


def _copy_opened(folder: Path, tmp_path: Path) -> Kiosk:
    shutil.copytree(folder / "data", tmp_path / "data")
    return open_kiosk(_settings(tmp_path), clock=FakeClock(NOW))


@pytest.fixture
def kiosk(seeded_folder: Path, tmp_path: Path) -> Iterator[Kiosk]:
    with _copy_opened(seeded_folder, tmp_path) as opened:
        yield opened


@pytest.fixture
def fresh_kiosk(fresh_day_folder: Path, tmp_path: Path) -> Iterator[Kiosk]:
    """The seeded ledger before the day's first login: no till shift open."""
    with _copy_opened(fresh_day_folder, tmp_path) as opened:
        yield opened


@pytest.fixture
def app(qapp: QApplication) -> QApplication:
    # The same look as the app: DejaVu Sans and the kiosk style sheet.
    qapp.setFont(QFont(theme.FONT_FAMILY))
    qapp.setStyleSheet(theme.STYLE)
    return qapp


@pytest.fixture
def scan_clock() -> ScanClock:
    return ScanClock()


@pytest.fixture
def ctx(kiosk: Kiosk, scan_clock: ScanClock, app: QApplication) -> Iterator[UiContext]:
    context = ui_context(kiosk, scanner=ScanDetector(clock=scan_clock))
    yield context
    context.runner.wait()


@pytest.fixture
def fresh_ctx(fresh_kiosk: Kiosk, scan_clock: ScanClock, app: QApplication) -> Iterator[UiContext]:
    """The screens' context before the day's first login (no till shift open)."""
    context = ui_context(fresh_kiosk, scanner=ScanDetector(clock=scan_clock))
    yield context
    context.runner.wait()


@contextmanager
def kiosk_window(ctx: UiContext, qtbot, language: Language | None = None) -> Iterator[KioskWindow]:
    """The real window on ``ctx`` at 1280×800 with its catalogue up; closed afterwards."""
    win = KioskWindow.for_context(ctx, language=language)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitUntil(lambda: bool(win.selling.tiles))
    try:
        yield win
    finally:
        ctx.runner.wait()
        win.allow_close()
        win.close()


@pytest.fixture
def qris_ctx(ctx: UiContext) -> Iterator[UiContext]:
    """``ctx`` as if ``payment.qris`` were configured with the tests' QRIS sticker."""
    ctx.kiosk.qris = QrisPaymentService(STATIC_QRIS)  # type: ignore[attr-defined]
    context = ui_context(ctx.kiosk, scanner=ctx.scanner)  # type: ignore[attr-defined]
    yield context
    context.runner.wait()


@pytest.fixture
def window(ctx: UiContext, qtbot) -> Iterator[KioskWindow]:
    with kiosk_window(ctx, qtbot) as win:
        yield win


# -- helpers the tests share -----------------------------------------------------------------


def click(qtbot, widget: QPushButton) -> None:
    assert widget.isEnabled(), f"{widget.objectName() or widget.text()} is disabled"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def type_keys(qtbot, target, clock: ScanClock, text: str, gap: float) -> None:
    """Keys as a scanner (gap ~0.005 s) or a person (gap ~0.3 s) types them, then Enter."""
    for char in text:
        qtbot.keyClick(target, char)
        clock.t += gap
    qtbot.keyClick(target, Qt.Key.Key_Return)
    clock.t += 1.0


def scan(qtbot, win: KioskWindow, clock: ScanClock, payload: str) -> None:
    """A scanner burst, then the wait for the buyer's lookup (it runs off the GUI thread)."""
    type_keys(qtbot, win, clock, payload, 0.005)
    if win.ctx is not None:
        qtbot.waitUntil(lambda: not win.ctx.session.looking_up)


def log_in(qtbot, win: KioskWindow, name: str = "Ina", pin: str = "1111") -> None:
    if win.current_screen_name() == "idle":
        qtbot.mouseClick(win.idle, Qt.MouseButton.LeftButton)
    assert win.current_screen_name() == "login"
    click(qtbot, win.login.name_buttons[name])
    for digit in pin:
        click(qtbot, win.login.keypad.findChild(QPushButton, f"key_{digit}"))
    click(qtbot, win.login.submit)
    qtbot.waitUntil(lambda: win.current_screen_name() == "selling")


# -- the till's shift ---------------------------------------------------------------------------


def press(qtbot, keypad, digits: str) -> None:  # type: ignore[no-untyped-def]
    for key in digits:
        click(qtbot, keypad.findChild(QPushButton, f"key_{key}"))


def log_in_to(qtbot, window, name: str, pin: str, lands: Screen) -> None:  # type: ignore[no-untyped-def]
    """Touch idle, pick the name, type the PIN; wait for the screen the till's answer brings."""
    if window.current_screen_name() == Screen.IDLE:
        qtbot.mouseClick(window.idle, Qt.MouseButton.LeftButton)
    click(qtbot, window.login.name_buttons[name])
    press(qtbot, window.login.keypad, pin)
    click(qtbot, window.login.submit)
    qtbot.waitUntil(lambda: window.current_screen_name() == lands)


def sell_public(qtbot, window, product: str, *, qris: bool = False) -> int:  # type: ignore[no-untyped-def]
    """One product to a public buyer, paid exactly; its total."""
    if window.current_screen_name() == Screen.IDLE:
        qtbot.mouseClick(window.idle, Qt.MouseButton.LeftButton)
    # The tile's own click: on the offscreen platform a synthetic press far right on a wide
    # window does not always reach the kinetic grid (as in test_sizes).
    tile(window, product).click()
    click(qtbot, window.selling.buyer.public)
    total = window.ctx.session.total
    click(qtbot, window.selling.pay)
    if qris:
        click(qtbot, window.payment.qris)
        qtbot.waitUntil(lambda: window.current_screen_name() == Screen.QRIS)
        click(qtbot, window.qris.paid)
    else:
        click(qtbot, window.payment.findChild(QPushButton, f"quick_{total}"))
        click(qtbot, window.payment.confirm)
    qtbot.waitUntil(lambda: window.current_screen_name() == Screen.SUCCESS)
    click(qtbot, window.success.done)
    return total


def log_out(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Keluar, from the selling screen (a touch on idle brings it back first)."""
    if window.current_screen_name() == Screen.IDLE:
        qtbot.mouseClick(window.idle, Qt.MouseButton.LeftButton)
    assert window.header.log_out.isVisible()
    click(qtbot, window.header.log_out)
    assert window.current_screen_name() == Screen.IDLE


def count_drawer(qtbot, screen, amount: int) -> None:  # type: ignore[no-untyped-def]
    """Type ``amount`` into the count: notes largest first, the rest as coins."""
    for note in DENOMINATIONS:
        pieces, amount = divmod(amount, note)
        if pieces:
            click(qtbot, screen.tiles[note])
            press(qtbot, screen.keypad, str(pieces))
    if amount:
        click(qtbot, screen.tiles["coins"])
        press(qtbot, screen.keypad, str(amount))


def tile(win: KioskWindow, name: str) -> ProductTile:
    """The product's tile, scrolled into view as a person would before touching it."""
    found = next(t for t in win.selling.tiles if t.product.nama == name)
    win.selling.grid_area.ensureWidgetVisible(found)
    return found


def signed_card(kiosk: Kiosk, nip: str) -> str:
    keys = read_card_keys(kiosk.settings.cards.key_file)
    key_id = list(keys)[-1]
    return sign_card_payload(nip, key_id, keys[key_id])


def nip_with_status(kiosk: Kiosk, status: Status) -> str:
    people = kiosk.roster.people_on(NOW.date())
    return next(
        nip for nip in sorted(people) if kiosk.standing.lookup(nip).standing.status is status
    )
