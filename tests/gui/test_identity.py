"""Who is buying, when the revoked-cards file is broken or names the buyer: a basket is never
lost, a revoked NIP is refused on every path, and the sale records how its buyer was found."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from kiosk.domain.compliance import Status

from .conftest import click, log_in, nip_with_status, scan, signed_card, tile


def _ring_up(qtbot, window) -> None:
    log_in(qtbot, window)
    click(qtbot, tile(window, "Sagu gula isi 6"))
    click(qtbot, tile(window, "Sagu gula isi 6"))


def test_a_typo_in_the_revoked_file_keeps_the_basket_and_identifies_the_buyer(
    qtbot, window
) -> None:
    kiosk, session = window.ctx.kiosk, window.ctx.session
    lost = nip_with_status(kiosk, Status.TIDAK_BELANJA)
    buyer = nip_with_status(kiosk, Status.KURANG)
    kiosk.settings.cards.revoked_file.write_text(
        f"{lost}\n1985031420100110\n",
        encoding="utf-8",  # line 2: a digit short
    )
    _ring_up(qtbot, window)
    basket = session.cart.lines
    scan(qtbot, window, window.ctx.scanner._clock, signed_card(kiosk, buyer))
    assert window.current_screen_name() == "selling"
    assert session.cart.lines == basket
    assert session.buyer is not None and session.buyer.nip == buyer
    assert not window.selling.buyer.message.message
    # The good line still revokes: a typo elsewhere never un-revokes a lost card.
    scan(qtbot, window, window.ctx.scanner._clock, signed_card(kiosk, lost))
    assert session.buyer.nip == buyer
    assert session.cart.lines == basket
    assert "dilaporkan hilang" in window.selling.buyer.message.message


def test_a_typed_revoked_nip_is_refused_in_plain_words(qtbot, window) -> None:
    kiosk, session = window.ctx.kiosk, window.ctx.session
    lost = nip_with_status(kiosk, Status.KURANG)
    kiosk.settings.cards.revoked_file.write_text(f"{lost}\n", encoding="utf-8")
    _ring_up(qtbot, window)
    click(qtbot, window.selling.buyer.type_nip)
    for digit in lost:
        click(qtbot, window.nip_entry.keypad.findChild(QPushButton, f"key_{digit}"))
    click(qtbot, window.nip_entry.submit)
    qtbot.waitUntil(lambda: not session.looking_up)
    assert session.buyer is None
    assert window.current_screen_name() == "nip"
    assert "dilaporkan hilang" in window.nip_entry.message.message


def test_another_qr_holding_a_nip_is_refused_by_the_shipped_config(qtbot, window) -> None:
    nip = nip_with_status(window.ctx.kiosk, Status.KURANG)
    _ring_up(qtbot, window)
    scan(qtbot, window, window.ctx.scanner._clock, f"https://asn.example/v?nip={nip}")
    assert window.ctx.session.buyer is None
    assert window.selling.buyer.message.message == "Hanya kartu Jiku Bata yang diterima di sini."
