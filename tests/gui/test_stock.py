"""Consignment stock on the real window: counted tiles show what is left and grey out at
zero, the count moves after a sale without the screen reading the ledger itself, a tap at
zero asks before selling, uncounted tiles are as before, and the operator enters a vendor's
drop-off from the selling screen's UMKM list (adding only)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from kiosk.ui.screen_names import Screen

from .conftest import click, log_in, press, sell_public, tile

SAGU, SINOLI = "Sagu lempeng isi 10 keping", "Sinoli sagu kelapa"


def one_left(kiosk) -> None:  # type: ignore[no-untyped-def]
    """Today's count of SAGU-LMP set so that exactly one piece is left (the demo data may
    already have sold some today)."""
    count = kiosk.stock.add("UMKM-001", "SAGU-LMP", 1, actor="admin", may_correct=True)
    if count.sold:
        kiosk.stock.add("UMKM-001", "SAGU-LMP", count.sold, actor="admin", may_correct=True)


def open_drop_off(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """From selling: the UMKM list (Semua UMKM ▾), then Titipan barang."""
    click(qtbot, window.selling.vendor_button)
    click(qtbot, window.selling.stock_button)


# States the size, accessible-name and screenshot tests reach too.
def selling_counted(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Logged in; SAGU-LMP counted with one left."""
    one_left(window.ctx.kiosk)
    log_in(qtbot, window)
    qtbot.waitUntil(lambda: tile(window, SAGU).left == 1)


def asking_at_zero(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """The last piece sold; its tile at zero tapped: the question is up."""
    selling_counted(qtbot, window)
    sell_public(qtbot, window, SAGU)
    if window.current_screen_name() == Screen.IDLE:
        qtbot.mouseClick(window.idle, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tile(window, SAGU).greyed)
    tile(window, SAGU).click()
    assert window.selling.question.isVisible()


def entering_drop_off(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Titipan barang from the UMKM list: UMKM-001, Sinoli, 4 typed."""
    if window.current_screen_name() != Screen.SELLING:
        log_in(qtbot, window)
    open_drop_off(qtbot, window)
    assert window.current_screen_name() == Screen.STOCK
    entry = window.stock_drop.entry
    qtbot.waitUntil(lambda: bool(entry.vendor_buttons))
    click(qtbot, entry.vendor_buttons["UMKM-001"])
    click(qtbot, entry.product_buttons["SINOLI"])
    press(qtbot, entry.keypad, "4")


def test_a_counted_tile_shows_what_is_left_and_greys_out_after_the_last_sale(qtbot, window):
    selling_counted(qtbot, window)
    sagu, sinoli = tile(window, SAGU), tile(window, SINOLI)
    assert sagu.accessibleName() == f"{SAGU}, Rp15.000, sisa 1"
    assert not sagu.greyed
    assert sinoli.left is None and sinoli.accessibleName() == f"{SINOLI}, Rp8.000"  # as before
    sell_public(qtbot, window, SAGU)
    # The sale's change feed brings the count back (read on the runner, not the GUI thread).
    qtbot.waitUntil(lambda: sagu.left == 0)
    assert sagu.greyed and sagu.accessibleName() == f"{SAGU}, Rp15.000, sisa 0"
    assert not sinoli.greyed


def test_selling_at_zero_asks_and_then_sells(qtbot, window):
    asking_at_zero(qtbot, window)
    selling, session = window.selling, window.ctx.session
    assert selling.question_text.text() == "Stok tercatat habis. Tetap jual?"
    assert selling.question_name.text() == SAGU
    assert session.cart.is_empty()
    click(qtbot, selling.question_no)
    assert not selling.question.isVisible() and session.cart.is_empty()
    tile(window, SAGU).click()
    click(qtbot, selling.question_yes)
    assert not selling.question.isVisible()
    assert [(line.sku, line.quantity) for line in session.cart.lines] == [("SAGU-LMP", 1)]


def test_a_tile_asks_once_the_basket_holds_what_is_left(qtbot, window):
    selling_counted(qtbot, window)
    selling, session = window.selling, window.ctx.session
    tile(window, SAGU).click()  # the one left: no question
    assert not selling.question.isVisible()
    tile(window, SAGU).click()  # a second would be more than the count
    assert selling.question.isVisible()
    tile(window, SINOLI).click()  # uncounted: straight in, the question goes away
    assert not selling.question.isVisible()
    assert [(line.sku, line.quantity) for line in session.cart.lines] == [
        ("SAGU-LMP", 1),
        ("SINOLI", 1),
    ]


def test_the_operator_enters_a_drop_off_from_the_umkm_list(qtbot, window):
    entering_drop_off(qtbot, window)
    entry = window.stock_drop.entry
    assert entry.chosen.text() == f"{SINOLI}: tambah berapa?"
    click(qtbot, entry.save)
    qtbot.waitUntil(lambda: entry.done.text() != "")
    assert entry.done.text() == f"Tercatat: {SINOLI}, sisa {4 - sold(window, 'SINOLI')}."
    kiosk = window.ctx.kiosk
    with kiosk.db.read() as connection:
        rows = connection.exec_driver_sql(
            "SELECT quantity, created_by FROM stock_drops ORDER BY id"
        ).all()
    assert rows == [(4, "Ina")]
    click(qtbot, window.stock_drop.back)
    assert window.current_screen_name() == Screen.SELLING
    qtbot.waitUntil(lambda: tile(window, SINOLI).left == 4 - sold(window, "SINOLI"))


def test_the_operator_screen_only_adds(qtbot, window):
    """The keypad has no minus; typed pieces are added to the day's count, never set."""
    entering_drop_off(qtbot, window)
    entry = window.stock_drop.entry
    keys = {b.objectName() for b in entry.keypad.findChildren(QPushButton)}
    assert not any("-" in key for key in keys)
    click(qtbot, entry.save)
    qtbot.waitUntil(lambda: entry.done.text() != "" and entry.keypad.text == "")
    click(qtbot, entry.product_buttons["SINOLI"])
    assert entry.display.text() == "0"  # starts empty, not from the count
    press(qtbot, entry.keypad, "3")
    click(qtbot, entry.save)
    qtbot.waitUntil(lambda: entry.keypad.text == "")
    assert [c.dropped for c in window.ctx.kiosk.stock.day() if c.sku == "SINOLI"] == [7]


def sold(window, sku: str) -> int:  # type: ignore[no-untyped-def]
    return next((c.sold for c in window.ctx.kiosk.stock.day() if c.sku == sku), 0)
