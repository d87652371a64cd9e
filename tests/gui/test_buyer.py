"""Identifying the buyer: scanner bursts, slow typing, forged and garbage codes, typed NIPs."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from kiosk.domain.compliance import Status

from .conftest import (
    NOT_ON_ROSTER,
    click,
    log_in,
    nip_with_status,
    scan,
    signed_card,
    tile,
    type_keys,
)


def _ring_up(qtbot, window) -> None:
    log_in(qtbot, window)
    click(qtbot, tile(window, "Sagu gula isi 6"))


def test_a_scanner_burst_identifies_but_slow_typing_never_does(qtbot, window) -> None:
    _ring_up(qtbot, window)
    nip = nip_with_status(window.ctx.kiosk, Status.MEMENUHI)
    clock = window.ctx.scanner._clock
    with qtbot.waitSignal(window.ctx.scanner.ignored):
        type_keys(qtbot, window, clock, signed_card(window.ctx.kiosk, nip), 0.3)
    assert window.ctx.session.buyer is None
    with qtbot.waitSignal(window.ctx.scanner.scanned):
        scan(qtbot, window, clock, signed_card(window.ctx.kiosk, nip))
    assert window.ctx.session.buyer.nip == nip
    assert window.selling.buyer.standing_style == "ok"
    assert "memenuhi" in window.selling.buyer.standing.text()


def test_a_forged_card_and_garbage_show_an_error_and_change_nothing(qtbot, window) -> None:
    _ring_up(qtbot, window)
    kiosk, session, clock = window.ctx.kiosk, window.ctx.session, window.ctx.scanner._clock
    nip = nip_with_status(kiosk, Status.KURANG)
    scan(qtbot, window, clock, signed_card(kiosk, nip))
    lines_before = session.cart.lines
    real = signed_card(kiosk, nip)
    flipped = real[:-1] + ("A" if real[-1] != "A" else "B")
    for payload in (flipped, "HELLO-WORLD-123"):
        scan(qtbot, window, clock, payload)
        assert window.selling.buyer.message.message, payload
        assert session.buyer.nip == nip  # still the buyer identified before
        assert session.cart.lines == lines_before
    assert "tidak sah" not in window.selling.buyer.message.message  # the last one: garbage
    scan(qtbot, window, clock, flipped)
    assert "Kartu tidak sah" in window.selling.buyer.message.message


def test_a_scan_problem_makes_way_for_the_basket_after_a_few_seconds(qtbot, window) -> None:
    _ring_up(qtbot, window)
    panel = window.selling.buyer
    panel.error_seconds = 0.05  # the kiosk's is ERROR_SECONDS; the rule is the same
    scan(qtbot, window, window.ctx.scanner._clock, "HELLO-WORLD-123")
    assert panel.message.isVisible() and panel.message.message
    qtbot.waitUntil(lambda: not panel.message.isVisible())
    assert window.ctx.session.cart.lines  # only the message went


def test_the_same_card_twice_doubles_nothing(qtbot, window) -> None:
    _ring_up(qtbot, window)
    kiosk, session, clock = window.ctx.kiosk, window.ctx.session, window.ctx.scanner._clock
    nip = nip_with_status(kiosk, Status.KURANG)
    sales_before = kiosk.standing.lookup(nip).standing.purchases
    scan(qtbot, window, clock, signed_card(kiosk, nip))
    first = session.buyer
    scan(qtbot, window, clock, signed_card(kiosk, nip))
    assert session.buyer == first
    assert [(line.description, line.quantity) for line in session.cart.lines] == [
        ("Sagu gula isi 6", 1)
    ]
    assert kiosk.standing.lookup(nip).standing.purchases == sales_before
    assert not window.selling.buyer.message.message


def test_a_valid_nip_not_on_the_roster_is_accepted_and_flagged(qtbot, window) -> None:
    _ring_up(qtbot, window)
    scan(qtbot, window, window.ctx.scanner._clock, signed_card(window.ctx.kiosk, NOT_ON_ROSTER))
    buyer = window.ctx.session.buyer
    assert buyer is not None and buyer.nip == NOT_ON_ROSTER and not buyer.on_roster
    assert window.selling.buyer.name.full_text == "NIP tidak terdaftar"
    assert window.selling.buyer.standing_style == "flag"
    assert "Tidak terdaftar" in window.selling.buyer.standing.text()
    assert NOT_ON_ROSTER not in window.selling.buyer.nip.text()  # masked on screen


def test_typed_nip_is_checked_in_plain_words(qtbot, window) -> None:
    _ring_up(qtbot, window)
    click(qtbot, window.selling.buyer.type_nip)
    assert window.current_screen_name() == "nip"
    page = window.nip_entry

    def type_digits(digits: str) -> None:
        page.keypad.set_text("")
        for digit in digits:
            click(qtbot, page.keypad.findChild(QPushButton, f"key_{digit}"))

    def submit() -> None:  # the NIP is looked up off the GUI thread
        click(qtbot, page.submit)
        qtbot.waitUntil(lambda: not window.ctx.session.looking_up)

    type_digits("1985")
    submit()
    assert page.message.message == "NIP harus 18 angka."
    type_digits("198513402010011001")
    assert page.display.text() == "19851340 201001 1 001"
    submit()
    assert page.message.message == "Tanggal lahir pada NIP tidak valid."
    nip = nip_with_status(window.ctx.kiosk, Status.TIDAK_BELANJA)
    type_digits(nip)
    submit()
    assert window.current_screen_name() == "selling"
    assert window.ctx.session.buyer.nip == nip
    # Nothing bought this month; the basket (Sagu gula isi 6) meets the minimum once paid.
    assert window.selling.buyer.standing_style == "ok"
    assert window.selling.buyer.standing.text().startswith("Setelah belanja ini:")


def test_bayar_asks_for_the_buyer_first_and_public_buyer_pays(qtbot, window) -> None:
    _ring_up(qtbot, window)
    click(qtbot, window.selling.pay)
    assert window.current_screen_name() == "selling"
    assert "Pembeli umum" in window.selling.buyer.message.message
    click(qtbot, window.selling.buyer.public)
    assert not window.selling.buyer.message.message
    click(qtbot, window.selling.pay)
    assert window.current_screen_name() == "payment"
    exact = window.payment.findChild(QPushButton, f"quick_{window.ctx.session.total}")
    click(qtbot, exact)
    click(qtbot, window.payment.confirm)
    assert window.payment.confirm.text() == "Menyimpan…"
    qtbot.waitUntil(lambda: window.current_screen_name() == "success")
    sale = window.ctx.kiosk.sales_ledger.find(window.success.result.sale.number)
    assert sale.nip is None and sale.total == 10_000
    assert "Terima kasih" in window.success.status.text()


def test_a_scan_on_idle_without_an_operator_asks_for_login_and_keeps_the_buyer(
    qtbot, window
) -> None:
    nip = nip_with_status(window.ctx.kiosk, Status.KURANG)
    scan(qtbot, window, window.ctx.scanner._clock, signed_card(window.ctx.kiosk, nip))
    assert window.current_screen_name() == "login"
    log_in(qtbot, window)
    assert window.ctx.session.buyer.nip == nip
    assert window.selling.buyer.name.full_text == window.ctx.session.buyer.person.nama
    assert window.selling.pay.isEnabled() is False
    qtbot.mouseClick(window.selling.buyer.rescan, Qt.MouseButton.LeftButton)
    assert window.ctx.session.buyer is None


def test_a_refused_card_message_goes_once_a_typed_nip_finds_the_buyer(qtbot, window) -> None:
    _ring_up(qtbot, window)
    scan(qtbot, window, window.ctx.scanner._clock, "HELLO-WORLD-123")
    assert window.selling.buyer.message.message  # the card was refused, in plain words
    click(qtbot, window.selling.buyer.type_nip)
    nip = nip_with_status(window.ctx.kiosk, Status.KURANG)
    for digit in nip:
        click(qtbot, window.nip_entry.keypad.findChild(QPushButton, f"key_{digit}"))
    click(qtbot, window.nip_entry.submit)
    qtbot.waitUntil(lambda: window.current_screen_name() == "selling")
    assert window.ctx.session.buyer.nip == nip
    assert not window.selling.buyer.message.message


def test_a_refused_nip_or_card_leaves_no_trace_of_its_digits_in_the_log(
    qtbot, window, caplog
) -> None:
    """A typo or a bad card is the person's mistake, not the kiosk's: no traceback, and a
    NIP is personal data that must never reach the log file."""
    _ring_up(qtbot, window)
    typo = "198504122010012"  # 15 digits of somebody's NIP
    with caplog.at_level(logging.DEBUG):
        window.ctx.session.type_nip(typo)
        qtbot.waitUntil(lambda: not window.ctx.session.looking_up)
        scan(qtbot, window, window.ctx.scanner._clock, f"NIP:{typo}")
    assert window.nip_entry.message.message or window.selling.buyer.message.message
    logged = "\n".join(
        record.getMessage() + (record.exc_text or "") + repr(record.exc_info)
        for record in caplog.records
    )
    assert typo not in logged
    assert not [record for record in caplog.records if record.exc_info]
