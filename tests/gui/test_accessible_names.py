"""Accessible names: every control on every vendor screen, product tiles included, can be told
apart by its name, and the labels people must read (total, buyer status) have names too."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from kiosk.domain.compliance import Status
from kiosk.domain.money import format_rupiah

from ..accessibility import unnamed_controls
from .conftest import click, log_in, nip_with_status, scan, signed_card, tile
from .test_stock import asking_at_zero, open_drop_off


def _assert_named(window, where: str) -> None:
    screen = window.stack.currentWidget()
    assert unnamed_controls(window) == [], f"{where}: {window.current_screen_name()}"
    assert screen.isVisible()


def test_every_vendor_control_has_a_name(qtbot, window) -> None:
    kiosk, clock = window.ctx.kiosk, window.ctx.scanner._clock
    _assert_named(window, "idle")
    # The whole idle screen is the one target there ("touch to start"): named by its words.
    assert window.idle.accessibleName() == "Pindai kartu ASN atau sentuh untuk mulai"
    qtbot.mouseClick(window.idle, Qt.MouseButton.LeftButton)
    _assert_named(window, "login")
    log_in(qtbot, window)
    _assert_named(window, "selling, empty")
    for name in ("Sagu lempeng isi 10 keping", "Air guraka segelas"):
        click(qtbot, tile(window, name))
    scan(qtbot, window, clock, signed_card(kiosk, nip_with_status(kiosk, Status.KURANG)))
    _assert_named(window, "selling, basket and buyer")
    click(qtbot, window.selling.free_amount)
    _assert_named(window, "vendor list")
    click(
        qtbot,
        window.selling.findChild(QPushButton, f"vendor_{window.selling.vendors[0].kode_umkm}"),
    )
    _assert_named(window, "free amount")
    click(qtbot, window.selling.findChild(QPushButton, "amount_back"))
    click(qtbot, window.selling.buyer.rescan)
    _assert_named(window, "selling, buyer forgotten")
    click(qtbot, window.selling.buyer.type_nip)
    _assert_named(window, "nip keypad")
    click(qtbot, window.nip_entry.findChild(QPushButton, "nip_cancel"))
    click(qtbot, window.selling.buyer.public)
    click(qtbot, window.selling.pay)
    _assert_named(window, "payment")
    click(qtbot, window.payment.findChild(QPushButton, "key_5"))
    click(qtbot, window.payment.findChild(QPushButton, "key_000"))
    click(qtbot, window.payment.findChild(QPushButton, "key_0"))
    click(qtbot, window.payment.confirm)
    qtbot.waitUntil(lambda: window.current_screen_name() == "success")
    _assert_named(window, "success")


def test_a_tile_is_named_by_its_product_and_price(qtbot, window) -> None:
    sagu = tile(window, "Sagu lempeng isi 10 keping")
    assert (
        sagu.accessibleName() == f"Sagu lempeng isi 10 keping, {format_rupiah(sagu.product.harga)}"
    )
    names = [t.accessibleName() for t in window.selling.tiles]
    assert len(set(names)) == len(names)


def test_the_total_and_the_buyer_status_have_names(qtbot, window) -> None:
    log_in(qtbot, window)
    click(qtbot, tile(window, "Air guraka segelas"))
    kiosk = window.ctx.kiosk
    scan(
        qtbot,
        window,
        window.ctx.scanner._clock,
        signed_card(kiosk, nip_with_status(kiosk, Status.KURANG)),
    )
    selling = window.selling
    total = format_rupiah(window.ctx.session.total)
    assert selling.total.accessibleName() == f"Total {total}"
    assert selling.buyer.standing.accessibleName() == selling.buyer.standing.text()
    assert selling.buyer.name.accessibleName().startswith("Pembeli: ")
    click(qtbot, selling.pay)
    assert window.payment.total.accessibleName() == f"Total {total}"
    assert window.payment.after.accessibleName() == window.payment.after.text()


def test_the_stock_screens_name_every_control_and_a_tile_its_count(qtbot, window) -> None:
    asking_at_zero(qtbot, window)
    _assert_named(window, "selling, a tile at zero asking")
    assert tile(window, "Sagu lempeng isi 10 keping").accessibleName() == (
        "Sagu lempeng isi 10 keping, Rp15.000, sisa 0"
    )
    click(qtbot, window.selling.question_no)
    open_drop_off(qtbot, window)
    entry = window.stock_drop.entry
    qtbot.waitUntil(lambda: bool(entry.vendor_buttons))
    _assert_named(window, "drop-off, the UMKM")
    click(qtbot, entry.vendor_buttons["UMKM-001"])
    click(qtbot, entry.product_buttons["SINOLI"])
    _assert_named(window, "drop-off, a product")
