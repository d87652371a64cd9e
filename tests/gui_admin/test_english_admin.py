"""The admin area, the QRIS screen and the error screen in English: each built from its class
after the English translator is installed, walked through its states, every label and button
checked for Indonesian left untranslated. The menu and the dashboard are rendered into
docs/screenshots/en-admin-*.png. Chips keep the Indonesian the ledger stores as their key."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QPushButton

from kiosk.domain.months import Month
from kiosk.services.export_kinds import EXPORT_KINDS
from kiosk.ui.admin.admin_home import AdminHomeScreen
from kiosk.ui.admin.admin_login import AdminLoginScreen
from kiosk.ui.admin.dashboard import DashboardScreen
from kiosk.ui.admin.exemptions import ExemptionsScreen
from kiosk.ui.admin.exports import ExportsScreen
from kiosk.ui.admin.import_preview import ImportScreen
from kiosk.ui.admin.printer import PrinterScreen
from kiosk.ui.admin.reports import ReportsScreen
from kiosk.ui.admin.void import VoidScreen
from kiosk.ui.screens.error import ErrorScreen
from kiosk.ui.screens.qris import QrisScreen

from ..translations import assert_english
from ..translations import english as english_installed
from .conftest import SCREENSHOTS, click, sell, show
from .test_admin_overview import BAD_ROSTER
from .test_qris_and_error import qris_ctx  # noqa: F401  (a fixture)
from .test_reports_screen import showing_slips, showing_x, showing_z

NOVEMBER = Month(2026, 11)


@pytest.fixture
def english(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """English before any screen is built, as the window does after the admin switches."""
    with english_installed():
        yield


def save(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    QApplication.sendPostedEvents()  # lay out what was just loaded (not a wait)
    QApplication.sendPostedEvents()
    image = widget.grab()
    assert (image.width(), image.height()) == (1280, 800)
    assert image.save(str(SCREENSHOTS / f"en-{name}.png"))


def press(qtbot, keypad, digits: str) -> None:  # type: ignore[no-untyped-def]
    for digit in digits:
        click(qtbot, keypad.findChild(QPushButton, f"key_{digit}"))


class Seconds:
    now = 0.0

    def __call__(self) -> float:
        return self.now


def test_admin_login_wrong_pin_and_lockout(english, ctx, go, qtbot):
    ctx.kiosk.admin_pin.set_pin("482913")
    seconds = Seconds()
    screen = show(AdminLoginScreen(ctx, go, clock=seconds), qtbot)
    assert screen.prompt.text() == "Enter the admin PIN (6–12 digits)"
    press(qtbot, screen.keypad, "111111")
    click(qtbot, screen.enter)
    qtbot.waitUntil(lambda: screen.message.text().startswith("Wrong PIN"))
    assert_english(screen)
    for _ in range(2):
        press(qtbot, screen.keypad, "111111")
        click(qtbot, screen.enter)
        qtbot.waitUntil(lambda: screen.keypad.text == "")
    qtbot.waitUntil(lambda: screen.message.text().startswith("Locked. Try again in "))
    assert_english(screen)
    seconds.now += 3600  # the lockout is over: the message says so, in English
    screen._tick()
    assert screen.message.text() == "Please try again."


def test_admin_login_without_a_pin(english, ctx, go, qtbot):
    screen = show(AdminLoginScreen(ctx, go), qtbot)
    assert screen.prompt.text() == "This kiosk has no admin PIN yet."
    assert_english(screen)


def test_admin_home(english, ctx, go, qtbot):
    screen = show(AdminHomeScreen(ctx, go, on_quit=lambda: None, language="en"), qtbot)
    assert screen.tiles["admin_void"].text() == "Void a sale"
    assert screen.languages["en"].isChecked() and not screen.languages["id"].isChecked()
    save(screen, "admin-home")
    click(qtbot, screen.quit)
    assert screen.quit_question.text() == "Close the till app?"
    assert_english(screen)


def test_admin_dashboard(english, ctx, go, qtbot):
    screen = show(DashboardScreen(ctx, go), qtbot)
    assert screen.month.label.text() == "November 2026"
    qtbot.waitUntil(lambda: screen.data is not None)
    assert " ASN met" in screen.rate_detail.text()
    assert_english(screen)
    save(screen, "admin-dashboard")
    screen.month.set_month(Month(2023, 1))  # no roster then: what to do, in English
    qtbot.waitUntil(lambda: screen.message.message != "")
    assert screen.month.label.text() == "January 2023"
    assert "Import the ASN list" in screen.message.message
    assert_english(screen)


def test_admin_exports(english, ctx, go, qtbot, tmp_path):
    (tmp_path / "media" / "KINGSTON").mkdir(parents=True)
    screen = show(ExportsScreen(ctx, go, usb_patterns=[str(tmp_path / "media" / "*")]), qtbot)
    assert screen.delimiter.buttons["; (titik koma, Excel Indonesia)"].text() == (
        "; (semicolon, Indonesian Excel)"
    )
    click(qtbot, screen.destination.buttons["USB drive KINGSTON"])
    click(qtbot, screen.delimiter.buttons["; (titik koma, Excel Indonesia)"])
    click(qtbot, screen.start)
    assert_english(screen)
    qtbot.waitUntil(lambda: screen.progress.text() == f"Done: {len(EXPORT_KINDS)} files saved")
    assert_english(screen)
    # The files themselves stay as they were: Indonesian headers, ";" as chosen.
    written = (tmp_path / "media" / "KINGSTON" / "compliance-2026-11.csv").read_bytes()
    assert written.startswith(b"\xef\xbb\xbfbulan;")


def recorded(monkeypatch, service, name: str) -> list[tuple]:  # type: ignore[no-untyped-def]
    """The arguments ``service.name`` is called with (and then the real call)."""
    calls: list[tuple] = []
    real = getattr(service, name)

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(service, name, spy)
    return calls


def test_admin_void_and_reprint(english, ctx, go, qtbot, monkeypatch):
    number = sell(ctx.kiosk, 45_000)
    voids = recorded(monkeypatch, ctx.kiosk.admin, "void")
    digits = str(int(number.rsplit("-", 1)[1]))
    screen = show(VoidScreen(ctx, go), qtbot)
    assert_english(screen)
    press(qtbot, screen.keypad, digits)
    click(qtbot, screen.find)
    qtbot.waitUntil(lambda: screen.sale is not None)
    assert screen.view.heading.text() == f"Receipt {number}"
    assert "Operator Ina · Cash" in screen.view.meta.text()
    click(qtbot, screen.reasons.buttons["Pembeli batal"])
    assert screen.reasons.buttons["Pembeli batal"].text() == "Buyer cancelled"
    assert_english(screen)
    click(qtbot, screen.action)
    qtbot.waitUntil(lambda: screen.done.text() != "")
    assert screen.view.state.text() == "This sale has been voided"
    assert_english(screen)
    assert voids == [(number, "Pembeli batal")]  # the ledger keeps the Indonesian reason
    assert ctx.kiosk.sales_ledger.find(number).voided

    reprint = show(VoidScreen(ctx, go, reprint=True), qtbot)
    press(qtbot, reprint.keypad, digits)
    click(qtbot, reprint.find)
    qtbot.waitUntil(lambda: reprint.sale is not None)
    click(qtbot, reprint.action)
    qtbot.waitUntil(lambda: reprint.done.text() != "")
    assert reprint.done.text() == f"Copy of receipt {number} sent to the printer."
    assert_english(reprint)
    press(qtbot, reprint.keypad, "9999")
    click(qtbot, reprint.find)
    qtbot.waitUntil(lambda: reprint.message.message != "")
    assert reprint.message.message.endswith("not found. Check the number.")
    assert_english(reprint)


def test_admin_exemptions(english, ctx, go, qtbot, monkeypatch):
    person = ctx.kiosk.compliance.rows(NOVEMBER)[5]
    exemptions = recorded(monkeypatch, ctx.kiosk.admin, "exempt")
    screen = show(ExemptionsScreen(ctx, go), qtbot)
    assert screen.name.text() == "No NIP yet"
    press(qtbot, screen.keypad, person.nip)
    qtbot.waitUntil(lambda: screen.name.text() == person.nama)
    click(qtbot, screen.reasons.buttons["Cuti"])
    assert screen.reasons.buttons["Cuti"].text() == "Leave"
    assert_english(screen)
    click(qtbot, screen.action)
    qtbot.waitUntil(lambda: screen.done.text() != "")
    assert screen.done.text() == f"{person.nama} is exempt for November 2026."
    assert "Already exempt for November 2026." in screen.detail.text()
    assert_english(screen)
    assert exemptions == [(person.nip, NOVEMBER, "Cuti")]  # recorded in Indonesian
    assert ctx.kiosk.admin_store.is_exempt(person.nip, NOVEMBER)


def test_admin_import_preview(english, ctx, go, qtbot, tmp_path):
    stick = tmp_path / "media" / "DISPERINDAG"
    stick.mkdir(parents=True)
    (stick / "roster-desember.csv").write_text(BAD_ROSTER, encoding="utf-8")
    (stick / "vendors.csv").write_text("kode_umkm,nama\n", encoding="utf-8")
    screen = show(ImportScreen(ctx, go, usb_patterns=[str(tmp_path / "media" / "*")]), qtbot)
    assert screen.kind.buttons["Daftar ASN"].text() == "ASN list"
    assert_english(screen)
    click(qtbot, screen.files.buttons["roster-desember.csv\nUSB drive DISPERINDAG"])
    click(qtbot, screen.as_of.forward)
    click(qtbot, screen.check)
    qtbot.waitUntil(lambda: screen.shown is not None)
    assert screen.headline.text().startswith("Problems found: ")
    assert screen.summary.text() == "roster-desember.csv (valid from 1 December 2026)"
    problems = [
        screen.problem_list.itemAt(i).widget().text() for i in range(screen.problem_list.count())
    ]
    assert problems and all(text.startswith("Line ") for text in problems)
    assert_english(screen)
    click(qtbot, screen.files.buttons["vendors.csv\nUSB drive DISPERINDAG"])
    assert screen.kind.value == "UMKM"  # guessed from the name; the key stays as it was
    click(qtbot, screen.check)
    qtbot.waitUntil(lambda: screen.shown is not None or screen.message.message != "")
    assert_english(screen)


def test_admin_printer(english, ctx, go, qtbot):
    screen = show(PrinterScreen(ctx, go), qtbot)
    qtbot.waitUntil(lambda: screen.values["queue"].text() != "Checking…")
    assert screen.values["connection"].text() == "Save to a folder (no printer)"
    assert_english(screen)


def test_admin_reports(english, ctx, go, qtbot):
    """The screen in English; the paper it previews stays Indonesian, as it prints."""
    expected = {
        showing_x: "X-report (open shift)",
        showing_z: "Z-report (closed shift)",
        showing_slips: "UMKM slip: ",
    }
    for state, caption in expected.items():
        screen = state(qtbot, show(ReportsScreen(ctx, go), qtbot))
        assert screen.caption.text().startswith(caption)
        assert screen.title.text() == "Reports"
        screen.paper.setText("")  # the printer's words, not the screen's
        assert_english(screen)
    assert screen.slip_label.text().startswith("Slip 1 of ")
    assert screen.print_button.text() == "Print this slip"


def test_qris(english, qris_ctx, go, qtbot):  # noqa: F811
    screen = show(QrisScreen(qris_ctx, go), qtbot)
    assert_english(screen)


def test_qris_not_set_up_and_the_error_screen(english, ctx, go, qtbot):
    screen = show(QrisScreen(ctx, go), qtbot)
    assert screen.message.message == "QRIS is not set up on this kiosk. Please pay cash."
    assert_english(screen)
    error = show(ErrorScreen(None, go), qtbot)
    assert_english(error)
