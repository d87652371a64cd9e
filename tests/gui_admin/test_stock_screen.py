"""Titipan barang hari ini through the real admin screen: a UMKM's products with their count,
the day's count typed on the keypad and saved, a correction below what was sold refused in
one sentence with nothing recorded."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from kiosk.services.changes import Change
from kiosk.ui.admin.stock import StockPage

from .conftest import click, show

UMKM, SKU = "UMKM-001", "SAGU-LMP"


def loaded(qtbot, screen: StockPage) -> StockPage:  # type: ignore[no-untyped-def]
    entry = screen.entry
    qtbot.waitUntil(lambda: bool(entry.vendor_buttons) and entry.loading.isHidden())
    return screen


def type_pieces(qtbot, screen: StockPage, pieces: int) -> None:  # type: ignore[no-untyped-def]
    keypad = screen.entry.keypad
    for _ in range(len(keypad.text)):
        click(qtbot, keypad.findChild(QPushButton, "key_⌫"))
    for digit in str(pieces):
        click(qtbot, keypad.findChild(QPushButton, f"key_{digit}"))


# The states the screenshots, the size tests and the accessible-name tests reach.
def typing(qtbot, screen: StockPage) -> StockPage:  # type: ignore[no-untyped-def]
    loaded(qtbot, screen)
    entry = screen.entry
    click(qtbot, entry.vendor_buttons[UMKM])
    click(qtbot, entry.product_buttons[SKU])
    type_pieces(qtbot, screen, 12)
    return screen


def refused(qtbot, screen: StockPage) -> StockPage:  # type: ignore[no-untyped-def]
    """Today's count of 3 recorded and 2 sold (by the back end); the admin types 1."""
    kiosk = screen.ctx.kiosk
    kiosk.stock.add(UMKM, SKU, 3, actor="Ina", may_correct=False)
    sell_sagu(kiosk, 2)  # published: the screen reads the counts again
    typing(qtbot, screen)
    entry = screen.entry
    qtbot.waitUntil(
        lambda: (
            entry.product_buttons[SKU]
            .text()
            .startswith("Sagu lempeng isi 10 keping\nTitip 3 · terjual 2")
        )
    )
    type_pieces(qtbot, screen, 1)
    click(qtbot, screen.entry.save)
    qtbot.waitUntil(lambda: screen.entry.message.message != "")
    return screen


def sell_sagu(kiosk, pieces: int) -> None:  # type: ignore[no-untyped-def]
    from kiosk.domain.cart import CartLine, Payment, PaymentMethod

    line = CartLine(UMKM, "Sagu lempeng isi 10 keping", 15_000, pieces, SKU)
    kiosk.checkout.checkout(
        [line], buyer_nip=None, operator="Ina", payment=Payment(PaymentMethod.TUNAI, line.subtotal)
    )
    kiosk.changes.publish(Change.SALES)  # as the sale service does after a commit


def test_each_product_shows_its_count_and_the_admin_sets_the_days_count(ctx, go, qtbot):
    screen = loaded(qtbot, show(StockPage(ctx, go), qtbot))
    entry = screen.entry
    assert list(entry.vendor_buttons) == [v.kode_umkm for v in ctx.kiosk.catalog.vendors()]
    assert not entry.save.isEnabled()
    click(qtbot, entry.vendor_buttons[UMKM])
    assert entry.list_caption.text() == "Dapur Sagu Mama Ona"
    assert entry.product_buttons[SKU].text() == "Sagu lempeng isi 10 keping\nBelum dihitung"
    click(qtbot, entry.product_buttons[SKU])
    type_pieces(qtbot, screen, 12)
    assert entry.display.text() == "12"
    click(qtbot, entry.save)
    qtbot.waitUntil(lambda: entry.done.text() != "")
    (count,) = [c for c in ctx.kiosk.stock.day() if c.sku == SKU]
    assert count.dropped == 12
    assert entry.product_buttons[SKU].text() == (
        f"Sagu lempeng isi 10 keping\nTitip 12 · terjual {count.sold} · sisa {count.left}"
    )
    assert entry.done.text() == f"Tercatat: Sagu lempeng isi 10 keping, sisa {count.left}."
    # Choosing it again starts from the day's count: lowering it is a correction row.
    click(qtbot, entry.product_buttons["SINOLI"])
    click(qtbot, entry.product_buttons[SKU])
    assert entry.display.text() == "12"
    type_pieces(qtbot, screen, 10)
    click(qtbot, entry.save)
    qtbot.waitUntil(lambda: "sisa" in entry.done.text() and entry.keypad.text == "")
    assert [c.dropped for c in ctx.kiosk.stock.day() if c.sku == SKU] == [10]


def test_a_correction_below_what_was_sold_is_refused_and_records_nothing(ctx, go, qtbot):
    screen = refused(qtbot, show(StockPage(ctx, go), qtbot))
    (count,) = [c for c in ctx.kiosk.stock.day() if c.sku == SKU]
    assert count.dropped == 3
    assert screen.entry.message.message == (
        f"Sagu lempeng isi 10 keping sudah terjual {count.sold} hari ini, jadi titipan tidak "
        "bisa kurang dari itu."
    )
