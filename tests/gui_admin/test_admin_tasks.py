"""Exports, voids and exemptions through the real admin screens."""

from __future__ import annotations

import threading

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPushButton

from kiosk.domain.compliance import Status
from kiosk.domain.months import Month
from kiosk.domain.scan import sign_card_payload
from kiosk.services.card_keys import read_card_keys
from kiosk.services.export_kinds import EXPORT_KINDS
from kiosk.ui.admin.exemptions import ExemptionsScreen
from kiosk.ui.admin.exports import ExportsScreen
from kiosk.ui.admin.void import VoidScreen

from .conftest import click, sell, show

NOVEMBER = Month(2026, 11)


def press_digits(qtbot, keypad, digits: str) -> None:  # type: ignore[no-untyped-def]
    for digit in digits:
        click(qtbot, keypad.findChild(QPushButton, f"key_{digit}"))


def test_export_writes_every_csv_to_a_usb_stick_while_the_screen_keeps_turning(
    ctx, go, qtbot, tmp_path, monkeypatch
):
    stick = tmp_path / "media" / "KINGSTON"
    stick.mkdir(parents=True)
    screen = show(ExportsScreen(ctx, go, usb_patterns=[str(tmp_path / "media" / "*")]), qtbot)
    click(qtbot, screen.destination.buttons["Flashdisk KINGSTON"])
    click(qtbot, screen.delimiter.buttons["; (titik koma, Excel Indonesia)"])

    # The first export waits until the GUI thread has ticked a timer three times: were the
    # export on the GUI thread, the timer could never tick and the wait would time out.
    ticks = []
    turned = threading.Event()
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: (ticks.append(1), len(ticks) >= 3 and turned.set()))
    timer.start()
    real = ctx.kiosk.exports.compliance

    def slow_compliance(*args):  # type: ignore[no-untyped-def]
        assert turned.wait(5), "the GUI thread stood still during the export"
        return real(*args)

    monkeypatch.setattr(ctx.kiosk.exports, "compliance", slow_compliance)
    click(qtbot, screen.start)
    assert screen.progress.text().startswith(f"Mengekspor 1 dari {len(EXPORT_KINDS)}")
    assert not screen.start.isEnabled()
    qtbot.waitUntil(lambda: screen.progress.text().startswith("Selesai"), timeout=10_000)
    timer.stop()

    names = sorted(p.name for p in stick.iterdir())
    assert names == sorted(kind.file_name(NOVEMBER) for kind in EXPORT_KINDS)
    for path in stick.iterdir():
        assert path.name in screen.files.text()
        assert str(stick) in screen.files.text()
        header = path.read_bytes().split(b"\r\n")[0]
        assert header.startswith(b"\xef\xbb\xbf") and b";" in header  # the chosen delimiter
    assert screen.start.isEnabled()


def test_export_to_a_folder_that_cannot_be_written_says_so_in_indonesian(ctx, go, qtbot, tmp_path):
    stick = tmp_path / "media" / "RUSAK"
    stick.mkdir(parents=True)
    screen = show(ExportsScreen(ctx, go, usb_patterns=[str(tmp_path / "media" / "*")]), qtbot)
    click(qtbot, screen.destination.buttons["Flashdisk RUSAK"])
    stick.rmdir()
    stick.write_text("not a folder")  # the stick was pulled and something else took its place
    click(qtbot, screen.start)
    qtbot.waitUntil(lambda: screen.message.message != "")
    assert f"Berhenti setelah 0 dari {len(EXPORT_KINDS)}" in screen.progress.text()
    assert "Traceback" not in screen.message.message and "Errno" not in screen.message.message


def test_void_shows_the_sale_then_voids_it_and_queues_the_slip(ctx, go, qtbot):
    number = sell(ctx.kiosk, 45_000)
    screen = show(VoidScreen(ctx, go), qtbot)
    assert screen.display.text() == "AMB-01-"
    press_digits(qtbot, screen.keypad, str(int(number.rsplit("-", 1)[1])))
    assert screen.number == number
    assert not screen.action.isEnabled()
    click(qtbot, screen.find)
    qtbot.waitUntil(lambda: screen.sale is not None)
    assert screen.view.total.text() == "Total Rp45.000"
    assert "Sagu tumbu" in screen.view.lines.text()
    assert not screen.action.isEnabled()  # no reason chosen yet
    click(qtbot, screen.reasons.buttons["Pembeli batal"])
    click(qtbot, screen.action)
    qtbot.waitUntil(lambda: "dibatalkan" in screen.done.text())

    assert ctx.kiosk.sales_ledger.find(number).voided
    jobs = ctx.kiosk.print_jobs.for_sale(ctx.kiosk.sales_ledger.find(number).id)
    assert [job.kind for job in jobs] == ["void"]
    assert not screen.action.isEnabled()  # cannot be voided twice


def test_void_of_an_unknown_or_already_voided_number_says_so(ctx, go, qtbot):
    number = sell(ctx.kiosk)
    ctx.kiosk.admin.void(number, "Salah input")
    screen = show(VoidScreen(ctx, go), qtbot)
    press_digits(qtbot, screen.keypad, "999999")
    click(qtbot, screen.find)
    qtbot.waitUntil(lambda: "tidak ditemukan" in screen.message.message)
    click(qtbot, screen.keypad.findChild(QPushButton, "key_C"))
    press_digits(qtbot, screen.keypad, number.rsplit("-", 1)[1])
    click(qtbot, screen.find)
    qtbot.waitUntil(lambda: "sudah dibatalkan" in screen.message.message)
    assert not screen.action.isEnabled()


def test_reprint_queues_a_copy(ctx, go, qtbot):
    number = sell(ctx.kiosk)
    screen = show(VoidScreen(ctx, go, reprint=True), qtbot)
    press_digits(qtbot, screen.keypad, number.rsplit("-", 1)[1])
    click(qtbot, screen.find)
    qtbot.waitUntil(screen.action.isEnabled)
    click(qtbot, screen.action)
    qtbot.waitUntil(lambda: "Salinan" in screen.done.text())
    jobs = ctx.kiosk.print_jobs.for_sale(ctx.kiosk.sales_ledger.find(number).id)
    assert [job.kind for job in jobs] == ["copy"]


def test_an_exemption_makes_that_nip_dikecualikan(ctx, go, qtbot):
    rows = ctx.kiosk.compliance.rows(NOVEMBER)
    person = next(r for r in rows if r.status is not Status.DIKECUALIKAN and r.nama)
    screen = show(ExemptionsScreen(ctx, go), qtbot)
    press_digits(qtbot, screen.keypad, person.nip)
    qtbot.waitUntil(lambda: screen.name.text() == person.nama)
    assert person.opd in screen.detail.text()
    assert not screen.action.isEnabled()
    click(qtbot, screen.reasons.buttons["Dinas luar"])
    click(qtbot, screen.action)
    qtbot.waitUntil(lambda: "dikecualikan" in screen.done.text())

    after = {r.nip: r for r in ctx.kiosk.compliance.rows(NOVEMBER)}
    assert after[person.nip].status is Status.DIKECUALIKAN
    assert not screen.action.isEnabled()  # already exempt now


def test_a_scanned_card_fills_the_nip(ctx, go, qtbot):
    person = ctx.kiosk.compliance.rows(NOVEMBER)[0]
    screen = show(ExemptionsScreen(ctx, go), qtbot)
    [(key_id, key)] = read_card_keys(ctx.kiosk.settings.cards.key_file).items()
    ctx.scanner.scanned.emit(sign_card_payload(person.nip, key_id, key))
    qtbot.waitUntil(lambda: screen.name.text() == person.nama)
    screen.hide()
    ctx.scanner.scanned.emit("199001012015011001")  # not listening while hidden
    assert screen.keypad.text == person.nip
