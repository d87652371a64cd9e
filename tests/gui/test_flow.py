"""The whole selling flow through the real widgets: log in, ring up, scan, pay, success, idle."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from kiosk.domain.compliance import Status

from .conftest import click, log_in, nip_with_status, scan, signed_card, tile


def test_login_with_a_wrong_pin_then_the_right_one(qtbot, window) -> None:
    qtbot.mouseClick(window.idle, Qt.MouseButton.LeftButton)
    assert window.current_screen_name() == "login"
    click(qtbot, window.login.name_buttons["Ina"])
    for digit in "9999":
        click(qtbot, window.login.keypad.findChild(QPushButton, f"key_{digit}"))
    click(qtbot, window.login.submit)
    qtbot.waitUntil(lambda: window.login.message.message == "PIN salah. Silakan coba lagi.")
    assert window.current_screen_name() == "login"
    assert window.ctx.session.operator is None
    assert window.login.keypad.text == ""  # typed again from scratch
    log_in(qtbot, window)
    assert window.ctx.session.operator == "Ina"
    assert window.header.operator.text() == "Petugas: Ina"


def test_a_full_sale_is_in_the_ledger_before_success(qtbot, window) -> None:
    ctx, kiosk = window.ctx, window.ctx.kiosk
    log_in(qtbot, window)
    assert not window.selling.pay.isEnabled()  # empty basket: nothing to pay
    bagea = tile(window, "Bagea kenari 100 g")
    kopi = tile(window, "Kopi rarobang segelas")
    click(qtbot, bagea)
    click(qtbot, bagea)
    click(qtbot, kopi)
    click(qtbot, kopi)
    rows = window.selling.cart.rows
    assert [(r.line.description, r.line.quantity) for r in rows] == [
        ("Bagea kenari 100 g", 2),
        ("Kopi rarobang segelas", 2),
    ]
    click(qtbot, window.selling.cart.rows[1].minus)  # one coffee less
    click(qtbot, window.selling.cart.rows[1].minus)  # and none: the line goes
    assert [r.line.description for r in window.selling.cart.rows] == ["Bagea kenari 100 g"]
    click(qtbot, window.selling.cart.rows[0].plus)
    total = 3 * bagea.product.harga
    assert ctx.session.total == total

    nip = nip_with_status(kiosk, Status.KURANG)
    before = kiosk.standing.lookup(nip).standing.spent
    scan(qtbot, window, window.ctx.scanner._clock, signed_card(kiosk, nip))
    assert ctx.session.buyer is not None and ctx.session.buyer.nip == nip
    assert window.selling.buyer.name.full_text == ctx.session.buyer.person.nama

    click(qtbot, window.selling.pay)
    assert window.current_screen_name() == "payment"
    assert not window.payment.confirm.isEnabled()
    click(qtbot, window.payment.findChild(QPushButton, "key_5"))
    click(qtbot, window.payment.findChild(QPushButton, "key_000"))
    click(qtbot, window.payment.findChild(QPushButton, "key_0"))
    assert window.payment.cash_given == 50_000
    assert window.payment.change.text() == f"Rp{50_000 - total:,}".replace(",", ".")
    click(qtbot, window.payment.confirm)
    qtbot.waitUntil(lambda: window.current_screen_name() == "success")

    result = window.success.result
    sale = kiosk.sales_ledger.find(result.sale.number)
    assert sale is not None
    assert sale.nip == nip and sale.operator == "Ina" and sale.total == total
    assert sale.cash_given == 50_000
    assert [(line.vendor_code, line.description, line.quantity) for line in sale.lines] == [
        (bagea.product.kode_umkm, "Bagea kenari 100 g", 3)
    ]
    assert kiosk.standing.lookup(nip).standing.spent == before + total
    assert result.sale.number in window.success.number.text()
    assert window.success.print_status == "pending"

    click(qtbot, window.success.done)
    assert window.current_screen_name() == "idle"
    assert ctx.session.cart.is_empty() and ctx.session.buyer is None
    assert ctx.session.operator == "Ina"  # a touch brings the selling screen straight back
    qtbot.mouseClick(window.idle, Qt.MouseButton.LeftButton)
    assert window.current_screen_name() == "selling"
