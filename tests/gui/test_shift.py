"""The till shift through the real window and widgets: the day's first login opens a shift
with a float, cash and QRIS sales, a void in the admin area, a hand-over to another operator,
the close with a difference and a reason; then `export shifts` holds what was done. Also the
other ways through: close first instead of taking over, a typed reason, a shift left open
overnight, and the bad inputs on screen."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from sqlalchemy import select

from kiosk.bootstrap import Kiosk, open_kiosk
from kiosk.domain.months import Month
from kiosk.ledger.models import PrintJob
from kiosk.ui.context import UiContext
from kiosk.ui.scanner import ScanDetector
from kiosk.ui.screen_names import Screen

from ..accessibility import unnamed_controls
from ..escpos_reader import paper_text
from ..qris_sample import STATIC_QRIS
from ..translations import assert_english
from ..translations import english as english_installed
from ..ui_context import ui_context
from .conftest import (
    NOW,
    REPO,
    FakeClock,
    ScanClock,
    _settings,
    click,
    count_drawer,
    kiosk_window,
    log_in_to,
    log_out,
    press,
    sell_public,
    tile,
)

OUT = REPO / "docs" / "screenshots"
ADMIN_PIN = "482913"


@pytest.fixture
def qris_kiosk(fresh_day_folder: Path, tmp_path: Path) -> Iterator[Kiosk]:
    """The seeded ledger before the day's first login, with the stall's QRIS configured."""
    shutil.copytree(fresh_day_folder / "data", tmp_path / "data")
    settings = _settings(tmp_path, qris=STATIC_QRIS)
    with open_kiosk(settings, clock=FakeClock(NOW)) as opened:
        opened.admin_pin.set_pin(ADMIN_PIN)
        yield opened


@pytest.fixture
def qris_ctx(qris_kiosk: Kiosk, scan_clock: ScanClock, app: QApplication) -> Iterator[UiContext]:
    context = ui_context(qris_kiosk, scanner=ScanDetector(clock=scan_clock))
    yield context
    context.runner.wait()


def void_in_the_admin_area(qtbot, window, number: str) -> None:  # type: ignore[no-untyped-def]
    log_out(qtbot, window)
    click(qtbot, window.idle.admin)
    login = window.screen_named(Screen.ADMIN_LOGIN)
    press(qtbot, login.keypad, ADMIN_PIN)
    click(qtbot, login.enter)
    qtbot.waitUntil(lambda: window.current_screen_name() == Screen.ADMIN_HOME)
    click(qtbot, window.screen_named(Screen.ADMIN_HOME).tiles[Screen.ADMIN_VOID])
    void = window.screen_named(Screen.ADMIN_VOID)
    press(qtbot, void.keypad, str(int(number.rsplit("-", 1)[1])))
    click(qtbot, void.find)
    qtbot.waitUntil(lambda: void.sale is not None)
    click(qtbot, void.reasons.buttons["Salah input"])
    click(qtbot, void.action)
    qtbot.waitUntil(lambda: bool(void.done.text()))
    window.show_screen(Screen.IDLE)


def x_report_in_the_admin_area(qtbot, window) -> str:  # type: ignore[no-untyped-def]
    """Laporan from the admin menu: the open shift's X-report, as its paper reads."""
    log_out(qtbot, window)
    click(qtbot, window.idle.admin)
    login = window.screen_named(Screen.ADMIN_LOGIN)
    press(qtbot, login.keypad, ADMIN_PIN)
    click(qtbot, login.enter)
    qtbot.waitUntil(lambda: window.current_screen_name() == Screen.ADMIN_HOME)
    click(qtbot, window.screen_named(Screen.ADMIN_HOME).tiles[Screen.ADMIN_REPORTS])
    reports = window.screen_named(Screen.ADMIN_REPORTS)
    qtbot.waitUntil(lambda: "L A P O R A N   X" in reports.paper.text())
    text = reports.paper.text()
    window.show_screen(Screen.IDLE)
    return text


def paper_figure(lines: list[str], label: str) -> int:
    (found,) = [line for line in lines if line.startswith(label)]
    amount = found.split()[-1]
    sign = -1 if amount.startswith("-") else 1
    return sign * int(amount.lstrip("+-").removeprefix("Rp").replace(".", ""))


def export_row(kiosk: Kiosk, tmp_path: Path) -> list[dict[str, str]]:
    out = tmp_path / "shifts.csv"
    kiosk.exports.shifts(Month(2026, 11), out)
    return list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))


def test_a_shift_from_the_first_login_to_its_export(qtbot, qris_ctx, tmp_path) -> None:
    kiosk = qris_ctx.kiosk
    with kiosk_window(qris_ctx, qtbot) as window:
        # The day's first login: the float on the keypad.
        log_in_to(qtbot, window, "Ina", "1111", Screen.SHIFT_OPEN)
        assert window.shift_open.amount.text() == "Rp0"
        press(qtbot, window.shift_open.keypad, "150000")
        assert window.shift_open.amount.text() == "Rp150.000"
        click(qtbot, window.shift_open.submit)
        qtbot.waitUntil(lambda: window.current_screen_name() == Screen.SELLING)
        shift = window.ctx.session.shift
        assert shift is not None and shift.float_amount == 150_000
        assert window.header.close_shift.isVisible()

        # Cash and QRIS, then the cash sale voided by the admin.
        voided_total = sell_public(qtbot, window, "Sagu lempeng isi 10 keping")
        voided_number = window.last_sale_number
        qris_total = sell_public(qtbot, window, "Air guraka segelas", qris=True)
        void_in_the_admin_area(qtbot, window, voided_number)

        # Yance takes over Ina's shift and sells on.
        log_in_to(qtbot, window, "Yance", "2222", Screen.SHIFT_TAKEOVER)
        assert window.shift_takeover.go_on.text() == "Lanjutkan sesi Ina"
        click(qtbot, window.shift_takeover.go_on)
        qtbot.waitUntil(lambda: window.current_screen_name() == Screen.SELLING)
        assert window.ctx.session.shift.operators == ("Ina", "Yance")
        cash_total = sell_public(qtbot, window, "Kopi rarobang segelas")

        # The X-report in the admin area: the shift so far; nothing closes.
        x_report = x_report_in_the_admin_area(qtbot, window).splitlines()
        assert paper_figure(x_report, "Seharusnya") == 150_000 + cash_total
        assert paper_figure(x_report, "QRIS (cek di aplikasi)") == qris_total
        assert "Petugas: Ina > Yance" in x_report
        assert kiosk.shifts.current() is not None
        log_in_to(qtbot, window, "Yance", "2222", Screen.SELLING)

        # Yance closes: the drawer is Rp2.000 short of what it should hold.
        expected = 150_000 + cash_total
        qtbot.mouseClick(window.idle, Qt.MouseButton.LeftButton)  # back from the last sale
        assert window.header.close_shift.isVisible()
        click(qtbot, window.header.close_shift)
        close = window.shift_close
        assert window.current_screen_name() == Screen.SHIFT_CLOSE
        count_drawer(qtbot, close, expected - 2_000)
        assert close.total.text() == f"Rp{expected - 2_000:,}".replace(",", ".")
        click(qtbot, close.next)
        qtbot.waitUntil(lambda: close.figures is not None)
        assert close.figures.expected == expected
        assert close.view.values["difference"].text() == "-Rp2.000"
        assert close.verdict.text() == "Uang di laci kurang Rp2.000."
        assert not close.close_button.isEnabled()  # a difference needs its reason
        click(qtbot, close.reasons.buttons["Kembalian salah"])
        click(qtbot, close.close_button)
        qtbot.waitUntil(lambda: window.current_screen_name() == Screen.SHIFT_DONE)
        assert window.shift_done.title.text() == "Sesi 1 ditutup"
        assert window.ctx.session.operator is None and window.ctx.session.shift is None
        # The Z-report and a slip per UMKM went to the printer as the summary appeared.
        qtbot.waitUntil(lambda: window.shift_done.printed.text().startswith("Laporan Z dan"))
        slips = len(kiosk.reports.shift_slips(shift.shift_id))
        assert window.shift_done.printed.text() == (
            f"Laporan Z dan {slips} slip UMKM dikirim ke printer."
        )
        click(qtbot, window.shift_done.done)
        assert window.current_screen_name() == Screen.IDLE

    jobs = kiosk.print_jobs
    with kiosk.db.read() as connection:
        queued = connection.execute(
            select(PrintJob.id, PrintJob.kind).where(PrintJob.kind.in_(("report", "slip")))
        ).all()
    assert [kind for _id, kind in queued] == ["report"] + ["slip"] * slips
    z_report = paper_text(jobs.get(queued[0].id).payload)  # the ESC/POS bytes, read back
    assert "LAPORAN Z" in z_report

    (row,) = export_row(kiosk, tmp_path)
    assert row == {
        "tanggal": "2026-11-20",
        "kiosk": "AMB-01",
        "shift": "1",
        "buka": "12:00",
        "tutup": "12:00",
        "petugas": "Ina > Yance",
        "modal_awal": "150000",
        "tunai_seharusnya": str(expected),
        "tunai_dihitung": str(expected - 2_000),
        "selisih": "-2000",
        "alasan": "Kembalian salah",
        "qris": str(qris_total),
        "transaksi": "3",
        "batal": "1",
    }
    figures = kiosk.shifts.figures(shift.shift_id)
    assert (figures.cash_sales, figures.cash_voids) == (voided_total + cash_total, voided_total)
    assert kiosk.verify().ok
    # The paper says what `export shifts` says.
    for label, column in (
        ("Modal awal", "modal_awal"),
        ("Seharusnya", "tunai_seharusnya"),
        ("Dihitung", "tunai_dihitung"),
        ("Selisih", "selisih"),
        ("QRIS (cek di aplikasi)", "qris"),
    ):
        assert paper_figure(z_report, label) == int(row[column]), label
    assert paper_figure(z_report, "Jumlah (3x)") == voided_total + cash_total + qris_total
    assert paper_figure(z_report, "Batal (1x)") == -voided_total
    assert "Alasan: Kembalian salah" in z_report and "Petugas: Ina > Yance" in z_report


def test_close_first_with_a_typed_reason_then_a_new_shift(qtbot, ctx) -> None:
    """Yance finds Ina's shift open, counts and closes it (a reason typed on the on-screen
    keyboard), then opens their own with the next float."""
    with kiosk_window(ctx, qtbot) as window:
        log_in_to(qtbot, window, "Yance", "2222", Screen.SHIFT_TAKEOVER)
        click(qtbot, window.shift_takeover.close_button)
        close = window.shift_close
        click(qtbot, close.back)  # changed their mind: the question again
        assert window.current_screen_name() == Screen.SHIFT_TAKEOVER
        click(qtbot, window.shift_takeover.close_button)
        count_drawer(qtbot, close, 5_500)  # the float was Rp0 and nothing sold: Rp5.500 over
        click(qtbot, close.next)
        qtbot.waitUntil(lambda: close.pages.currentIndex() == 1)
        assert close.verdict.text() == "Uang di laci lebih Rp5.500."
        click(qtbot, close.type_reason)
        for key in "uang pribadi":
            name = "letter_space" if key == " " else f"letter_{key}"
            click(qtbot, close.letters.findChild(QPushButton, name))
        assert close.typed.text() == "Uang pribadi"
        click(qtbot, close.use_typed)
        assert close.typed_shown.text() == "Alasan: Uang pribadi"
        click(qtbot, close.close_button)
        qtbot.waitUntil(lambda: window.current_screen_name() == Screen.SHIFT_DONE)
        closed = window.shift_done.figures
        assert closed.reason == "Uang pribadi" and closed.closed_by == "Yance"
        assert closed.operators == ("Ina",)

        click(qtbot, window.shift_done.new_shift)
        assert window.current_screen_name() == Screen.SHIFT_OPEN
        press(qtbot, window.shift_open.keypad, "50000")
        click(qtbot, window.shift_open.submit)
        qtbot.waitUntil(lambda: window.current_screen_name() == Screen.SELLING)
        assert window.ctx.session.shift.shift_no == 2
        assert window.ctx.session.shift.operators == ("Yance",)


def test_a_shift_left_open_overnight_is_closed_at_the_next_login(qtbot, ctx) -> None:
    ctx.kiosk.clock.now = NOW + dt.timedelta(days=1)  # 21 Nov, 12:00 WIT
    with kiosk_window(ctx, qtbot) as window:
        log_in_to(qtbot, window, "Ina", "1111", Screen.SHIFT_OPEN)
        assert window.shift_open.notice.isVisible()
        assert window.shift_open.notice.text() == (
            "Sesi 1 (Ina, 20-11-2026) masih terbuka dan sudah ditutup otomatis; "
            "uangnya tidak dihitung."
        )
    assert ctx.kiosk.shifts.current() is None


def test_an_operator_still_on_duty_the_next_morning_is_asked_to_log_in(qtbot, ctx) -> None:
    with kiosk_window(ctx, qtbot) as window:
        log_in_to(qtbot, window, "Ina", "1111", Screen.SELLING)
        window.timed_out()  # the stall closes; the kiosk stays on overnight
        ctx.kiosk.clock.now = NOW + dt.timedelta(days=1)
        qtbot.mouseClick(window.idle, Qt.MouseButton.LeftButton)
        assert window.current_screen_name() == Screen.LOGIN
        assert window.ctx.session.operator is None


def test_a_sale_after_the_shift_was_closed_elsewhere_says_so(qtbot, ctx) -> None:
    with kiosk_window(ctx, qtbot) as window:
        log_in_to(qtbot, window, "Ina", "1111", Screen.SELLING)
        ctx.kiosk.shifts.close_open(0, None)  # `jikubata shift close` from a terminal
        click(qtbot, tile(window, "Sagu lempeng isi 10 keping"))
        click(qtbot, window.selling.buyer.public)
        total = window.ctx.session.total
        click(qtbot, window.selling.pay)
        click(qtbot, window.payment.findChild(QPushButton, f"quick_{total}"))
        click(qtbot, window.payment.confirm)
        qtbot.waitUntil(lambda: bool(window.payment.message.message))
        assert window.payment.message.message == (
            "Sesi kasir sudah ditutup; keluar lalu masuk lagi untuk membuka sesi baru."
        )
        assert window.current_screen_name() == Screen.PAYMENT
        assert window.ctx.session.total == total  # the basket is still there


def test_every_till_screen_names_its_controls_and_is_saved(qtbot, fresh_ctx) -> None:
    """Accessible names on every till screen, and the screenshots in docs/screenshots/."""
    OUT.mkdir(parents=True, exist_ok=True)

    def seen(window, name: str) -> None:  # type: ignore[no-untyped-def]
        for _ in range(3):
            QApplication.processEvents()
        assert unnamed_controls(window) == [], window.current_screen_name()
        assert window.grab().save(str(OUT / f"{name}.png"))

    with kiosk_window(fresh_ctx, qtbot) as window:
        log_in_to(qtbot, window, "Ina", "1111", Screen.SHIFT_OPEN)
        press(qtbot, window.shift_open.keypad, "150000")
        seen(window, "shift-open")
        click(qtbot, window.shift_open.submit)
        qtbot.waitUntil(lambda: window.current_screen_name() == Screen.SELLING)
        seen(window, "shift-selling")
        sell_public(qtbot, window, "Kopi rarobang segelas")
        log_out(qtbot, window)

        log_in_to(qtbot, window, "Yance", "2222", Screen.SHIFT_TAKEOVER)
        seen(window, "shift-takeover")
        click(qtbot, window.shift_takeover.close_button)
        close = window.shift_close
        expected = window.ctx.kiosk.shifts.current_figures().expected
        count_drawer(qtbot, close, expected - 3_000)
        seen(window, "shift-count")
        click(qtbot, close.next)
        qtbot.waitUntil(lambda: close.pages.currentIndex() == 1)
        seen(window, "shift-check")
        click(qtbot, close.type_reason)
        for key in "dipinjam":
            click(qtbot, close.letters.findChild(QPushButton, f"letter_{key}"))
        seen(window, "shift-reason")
        click(qtbot, close.findChild(QPushButton, "shift_typing_back"))
        click(qtbot, close.reasons.buttons["Salah hitung"])
        click(qtbot, close.close_button)
        qtbot.waitUntil(lambda: window.current_screen_name() == Screen.SHIFT_DONE)
        qtbot.waitUntil(lambda: window.shift_done.print_again.isEnabled())  # papers queued
        seen(window, "shift-done")


def test_the_till_screens_in_english(qtbot, fresh_ctx) -> None:
    """Every till screen built after the admin switched to English: no Indonesian left."""
    with english_installed(), kiosk_window(fresh_ctx, qtbot) as window:
        log_in_to(qtbot, window, "Ina", "1111", Screen.SHIFT_OPEN)
        assert window.shift_open.submit.text() == "Open shift"
        assert_english(window.shift_open)
        click(qtbot, window.shift_open.submit)
        qtbot.waitUntil(lambda: window.current_screen_name() == Screen.SELLING)
        assert window.header.close_shift.text() == "Close shift"
        log_out(qtbot, window)
        log_in_to(qtbot, window, "Yance", "2222", Screen.SHIFT_TAKEOVER)
        assert window.shift_takeover.go_on.text() == "Continue Ina's shift"
        assert_english(window.shift_takeover)
        click(qtbot, window.shift_takeover.close_button)
        close = window.shift_close
        count_drawer(qtbot, close, 2_500)
        assert_english(close)
        click(qtbot, close.next)
        qtbot.waitUntil(lambda: close.pages.currentIndex() == 1)
        assert close.verdict.text() == "The drawer holds Rp2.500 too much."
        assert_english(close)
        click(qtbot, close.type_reason)
        assert_english(close)
        click(qtbot, close.findChild(QPushButton, "shift_typing_back"))
        click(qtbot, close.reasons.buttons["Salah hitung"])
        assert close.reasons.buttons["Salah hitung"].text() == "Miscounted"
        click(qtbot, close.close_button)
        qtbot.waitUntil(lambda: window.current_screen_name() == Screen.SHIFT_DONE)
        assert window.shift_done.reason.text() == "Reason for the difference: Miscounted"
        assert_english(window.shift_done)
