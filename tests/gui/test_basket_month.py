"""What this basket does: the buyer panel and the payment screen show the buyer's month as
it would stand once the basket is paid, and follow the basket as it changes."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from kiosk.domain.compliance import Status
from kiosk.domain.money import format_rupiah

from .conftest import NOT_ON_ROSTER, click, log_in, nip_with_status, scan, signed_card, tile


def _free_amount(qtbot, window, amount: int) -> None:
    """Nominal bebas for the first UMKM, typed on the keypad as a vendor would."""
    selling = window.selling
    click(qtbot, selling.free_amount)
    click(qtbot, selling.findChild(QPushButton, f"vendor_{selling.vendors[0].kode_umkm}"))
    for digit in str(amount):
        click(qtbot, selling.amount_keypad.findChild(QPushButton, f"key_{digit}"))
    click(qtbot, selling.amount_add)


def test_the_panel_shows_the_month_after_this_basket(qtbot, window) -> None:
    log_in(qtbot, window)
    kiosk = window.ctx.kiosk
    nip = nip_with_status(kiosk, Status.TIDAK_BELANJA)
    month = kiosk.standing.lookup(nip).standing
    scan(qtbot, window, window.ctx.scanner._clock, signed_card(kiosk, nip))
    panel = window.selling.buyer
    minimum = format_rupiah(month.minimum)
    assert panel.standing.text() == f"Bulan ini Rp0 / {minimum} — kurang {minimum}"

    cheap = min(window.selling.tiles, key=lambda t: t.product.harga)
    price = cheap.product.harga
    assert price < month.minimum
    click(qtbot, tile(window, cheap.product.nama))
    assert panel.standing.text() == (
        f"Setelah belanja ini: {format_rupiah(price)} dari {minimum} — "
        f"kurang {format_rupiah(month.minimum - price)}"
    )
    assert panel.standing_style == "short"

    _free_amount(qtbot, window, month.minimum - price)
    assert panel.standing.text() == f"Setelah belanja ini: {minimum} dari {minimum} — memenuhi"
    assert panel.standing_style == "ok"

    click(qtbot, window.selling.pay)
    assert window.current_screen_name() == "payment"
    assert window.payment.after.text() == panel.standing.text()
    click(qtbot, window.payment.back)
    click(qtbot, window.selling.cart.rows[1].minus)  # the free amount goes
    assert "kurang" in panel.standing.text() and panel.standing_style == "short"


def test_the_excused_the_unlisted_and_the_public_keep_their_words(qtbot, window) -> None:
    log_in(qtbot, window)
    click(qtbot, tile(window, "Sagu gula isi 6"))
    kiosk, panel = window.ctx.kiosk, window.selling.buyer
    scan(qtbot, window, window.ctx.scanner._clock, signed_card(kiosk, NOT_ON_ROSTER))
    assert panel.standing.text() == "Tidak terdaftar — belanja tetap dicatat"
    click(qtbot, window.selling.pay)
    assert window.payment.after.text() == "Tidak terdaftar — belanja tetap dicatat"
    click(qtbot, window.payment.back)
    click(qtbot, panel.to_public)
    click(qtbot, window.selling.pay)
    assert window.payment.after.text() == ""
    assert not window.payment.after.isVisible()
