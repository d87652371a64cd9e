"""Every admin screen, the QRIS screen and the error screen at 1280×800, saved under
docs/screenshots/ so anyone can see them without running the kiosk."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from kiosk.domain.cart import CartLine
from kiosk.ui.admin.admin_home import AdminHomeScreen
from kiosk.ui.admin.admin_login import AdminLoginScreen
from kiosk.ui.admin.dashboard import DashboardScreen
from kiosk.ui.admin.exemptions import ExemptionsScreen
from kiosk.ui.admin.exports import ExportsScreen
from kiosk.ui.admin.import_preview import ImportScreen
from kiosk.ui.admin.payouts import PayoutsScreen
from kiosk.ui.admin.printer import PrinterScreen
from kiosk.ui.admin.reports import ReportsScreen
from kiosk.ui.admin.stock import StockPage
from kiosk.ui.admin.void import VoidScreen
from kiosk.ui.screens.error import ErrorScreen
from kiosk.ui.screens.qris import QrisScreen

from .conftest import SCREENSHOTS, click, sell, show
from .test_admin_overview import BAD_ROSTER
from .test_payouts_screen import asking_advance, chosen, paying, reversing
from .test_qris_and_error import qris_ctx  # noqa: F401  (a fixture)
from .test_reports_screen import showing_slips, showing_x, showing_z
from .test_stock_screen import refused, typing


@pytest.fixture
def tmp_path() -> Iterator[Path]:
    """One fixed folder instead of pytest's numbered ones, so the folders the screens show
    (export folder, USB stick, receipts) read the same in every run's pictures."""
    folder = Path(tempfile.gettempdir()) / "jikubata"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def save(widget: QWidget, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    # Deliver pending layout and show events (not a wait): what was just loaded is laid out.
    QApplication.sendPostedEvents()
    QApplication.sendPostedEvents()
    image = widget.grab()
    assert (image.width(), image.height()) == (1280, 800)
    assert image.save(str(SCREENSHOTS / name))


def press(qtbot, keypad, digits: str) -> None:  # type: ignore[no-untyped-def]
    for digit in digits:
        click(qtbot, keypad.findChild(QPushButton, f"key_{digit}"))


class Seconds:
    now = 0.0

    def __call__(self) -> float:
        return self.now


def test_admin_login_and_lockout(ctx, go, qtbot):
    ctx.kiosk.admin_pin.set_pin("482913")
    screen = show(AdminLoginScreen(ctx, go, clock=Seconds()), qtbot)
    press(qtbot, screen.keypad, "4829")
    save(screen, "admin-login.png")
    for _ in range(3):
        press(qtbot, screen.keypad, "111111")
        click(qtbot, screen.enter)
        qtbot.waitUntil(lambda: screen.keypad.text == "")
    qtbot.waitUntil(lambda: screen.message.text().startswith("Terkunci"))
    save(screen, "admin-lockout.png")


def test_admin_home(ctx, go, qtbot):
    save(show(AdminHomeScreen(ctx, go, on_quit=lambda: None), qtbot), "admin-home.png")


def test_admin_dashboard(ctx, go, qtbot):
    screen = show(DashboardScreen(ctx, go), qtbot)
    qtbot.waitUntil(lambda: screen.data is not None)
    save(screen, "admin-dashboard.png")


def test_admin_exports(ctx, go, qtbot, tmp_path):
    (tmp_path / "media" / "KINGSTON").mkdir(parents=True)
    screen = show(ExportsScreen(ctx, go, usb_patterns=[str(tmp_path / "media" / "*")]), qtbot)
    click(qtbot, screen.destination.buttons["Flashdisk KINGSTON"])
    click(qtbot, screen.start)
    qtbot.waitUntil(lambda: screen.progress.text().startswith("Selesai"))
    save(screen, "admin-exports.png")


def test_admin_void(ctx, go, qtbot):
    number = sell(ctx.kiosk, 45_000)
    screen = show(VoidScreen(ctx, go), qtbot)
    press(qtbot, screen.keypad, str(int(number.rsplit("-", 1)[1])))
    click(qtbot, screen.find)
    qtbot.waitUntil(lambda: screen.sale is not None)
    click(qtbot, screen.reasons.buttons["Pembeli batal"])
    save(screen, "admin-void.png")


def test_admin_exemptions(ctx, go, qtbot):
    person = ctx.kiosk.compliance.rows(ctx_month(ctx))[5]
    screen = show(ExemptionsScreen(ctx, go), qtbot)
    press(qtbot, screen.keypad, person.nip)
    qtbot.waitUntil(lambda: screen.name.text() == person.nama)
    click(qtbot, screen.reasons.buttons["Cuti"])
    save(screen, "admin-exemptions.png")


def test_admin_import_preview_errors(ctx, go, qtbot, tmp_path):
    stick = tmp_path / "media" / "DISPERINDAG"
    stick.mkdir(parents=True)
    (stick / "roster-desember.csv").write_text(BAD_ROSTER, encoding="utf-8")
    screen = show(ImportScreen(ctx, go, usb_patterns=[str(tmp_path / "media" / "*")]), qtbot)
    click(qtbot, screen.files.buttons["roster-desember.csv\nFlashdisk DISPERINDAG"])
    click(qtbot, screen.as_of.forward)
    click(qtbot, screen.check)
    qtbot.waitUntil(lambda: screen.shown is not None)
    save(screen, "admin-import-preview-errors.png")


def test_admin_printer(ctx, go, qtbot):
    screen = show(PrinterScreen(ctx, go), qtbot)
    qtbot.waitUntil(lambda: screen.values["queue"].text() != "Memeriksa…")
    save(screen, "admin-printer.png")


def test_payment_qris(qris_ctx, go, qtbot):  # noqa: F811
    save(show(QrisScreen(qris_ctx, go), qtbot), "payment-qris.png")


def test_error(go, qtbot):
    screen = show(ErrorScreen(None, go), qtbot)
    screen.show_error("Printer tidak menjawab saat mencetak struk.")
    save(screen, "error.png")


def ctx_month(ctx):  # type: ignore[no-untyped-def]
    from kiosk.domain.months import Month

    return Month.of(ctx.kiosk.clock(), ctx.kiosk.settings.stall.tz)


__all__ = ["CartLine"]


def test_admin_home_with_a_broken_revoked_file(ctx, go, qtbot):
    ctx.kiosk.settings.cards.revoked_file.write_text("19660814199203100\n", encoding="utf-8")
    screen = show(AdminHomeScreen(ctx, go, on_quit=lambda: None), qtbot)
    screen.refresh()
    qtbot.waitUntil(lambda: screen.problem.message != "")
    save(screen, "admin-home-revoked-problem.png")


def test_admin_payouts(ctx, go, qtbot):
    for state, name in (
        (chosen, "admin-payouts.png"),
        (paying, "admin-payouts-pay.png"),
        (asking_advance, "admin-payouts-advance.png"),
        (reversing, "admin-payouts-history.png"),
    ):
        save(state(qtbot, show(PayoutsScreen(ctx, go), qtbot)), name)


def test_admin_stock(ctx, go, qtbot):
    for state, name in ((typing, "admin-stock.png"), (refused, "admin-stock-refused.png")):
        save(state(qtbot, show(StockPage(ctx, go), qtbot)), name)


def test_admin_reports(ctx, go, qtbot):
    for state, name in (
        (showing_x, "admin-reports-x.png"),
        (showing_z, "admin-reports-z.png"),
        (showing_slips, "admin-reports-slips.png"),
    ):
        save(state(qtbot, show(ReportsScreen(ctx, go), qtbot)), name)
