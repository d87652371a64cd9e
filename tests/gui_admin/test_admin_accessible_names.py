"""Accessible names on the admin screens and the QRIS screen: every visible control can be
told apart by its name (tests/accessibility.py), in the states the screenshots reach."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

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

from ..accessibility import unnamed_controls
from .conftest import click, sell, show
from .test_admin_overview import BAD_ROSTER
from .test_admin_screenshots import ctx_month
from .test_payouts_screen import asking_advance, chosen, reversing
from .test_qris_and_error import qris_ctx  # noqa: F401  (a fixture)
from .test_reports_screen import showing_slips, showing_x, showing_z
from .test_stock_screen import refused, typing


def press(qtbot, keypad, digits: str) -> None:  # type: ignore[no-untyped-def]
    for digit in digits:
        click(qtbot, keypad.findChild(QPushButton, f"key_{digit}"))


def test_admin_login_home_dashboard_and_printer(ctx, go, qtbot):
    ctx.kiosk.admin_pin.set_pin("482913")
    login = show(AdminLoginScreen(ctx, go), qtbot)
    press(qtbot, login.keypad, "4829")
    assert unnamed_controls(login) == []
    assert unnamed_controls(show(AdminHomeScreen(ctx, go, on_quit=lambda: None), qtbot)) == []
    dashboard = show(DashboardScreen(ctx, go), qtbot)
    qtbot.waitUntil(lambda: dashboard.data is not None)
    assert unnamed_controls(dashboard) == []
    printer = show(PrinterScreen(ctx, go), qtbot)
    qtbot.waitUntil(lambda: printer.values["queue"].text() != "Memeriksa…")
    assert unnamed_controls(printer) == []


def test_admin_exports_void_and_exemptions(ctx, go, qtbot, tmp_path):
    (tmp_path / "media" / "KINGSTON").mkdir(parents=True)
    exports = show(ExportsScreen(ctx, go, usb_patterns=[str(tmp_path / "media" / "*")]), qtbot)
    assert unnamed_controls(exports) == []
    number = sell(ctx.kiosk, 45_000)
    void = show(VoidScreen(ctx, go), qtbot)
    press(qtbot, void.keypad, str(int(number.rsplit("-", 1)[1])))
    click(qtbot, void.find)
    qtbot.waitUntil(lambda: void.sale is not None)
    assert unnamed_controls(void) == []
    person = ctx.kiosk.compliance.rows(ctx_month(ctx))[5]
    exemptions = show(ExemptionsScreen(ctx, go), qtbot)
    press(qtbot, exemptions.keypad, person.nip)
    qtbot.waitUntil(lambda: exemptions.name.text() == person.nama)
    assert unnamed_controls(exemptions) == []


def test_admin_import_preview(ctx, go, qtbot, tmp_path):
    stick = tmp_path / "media" / "DISPERINDAG"
    stick.mkdir(parents=True)
    (stick / "roster-desember.csv").write_text(BAD_ROSTER, encoding="utf-8")
    screen = show(ImportScreen(ctx, go, usb_patterns=[str(tmp_path / "media" / "*")]), qtbot)
    click(qtbot, screen.files.buttons["roster-desember.csv\nFlashdisk DISPERINDAG"])
    assert unnamed_controls(screen) == []
    click(qtbot, screen.as_of.forward)
    click(qtbot, screen.check)
    qtbot.waitUntil(lambda: screen.shown is not None)
    assert unnamed_controls(screen) == []


def test_qris_and_error_screens(qris_ctx, go, qtbot):  # noqa: F811
    qris = show(QrisScreen(qris_ctx, go), qtbot)
    assert unnamed_controls(qris) == []
    assert qris.amount.accessibleName() == "Total Rp42.500"
    error = show(ErrorScreen(None, go), qtbot)
    error.show_error("Printer tidak menjawab saat mencetak struk.")
    assert unnamed_controls(error) == []


def test_admin_payouts(ctx, go, qtbot):
    for state in (chosen, asking_advance, reversing):
        screen = state(qtbot, show(PayoutsScreen(ctx, go), qtbot))
        assert unnamed_controls(screen) == [], state.__name__


def test_admin_stock(ctx, go, qtbot):
    for state in (typing, refused):
        screen = state(qtbot, show(StockPage(ctx, go), qtbot))
        assert unnamed_controls(screen) == [], state.__name__


def test_admin_reports(ctx, go, qtbot):
    for state in (showing_x, showing_z, showing_slips):
        screen = state(qtbot, show(ReportsScreen(ctx, go), qtbot))
        assert unnamed_controls(screen) == []
        assert screen.paper.accessibleName() == screen.caption.text() != ""
