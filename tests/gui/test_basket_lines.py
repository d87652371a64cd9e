"""Product names on the smallest panel (1024×768): in the basket a name up to 40 characters
is shown whole (it wraps and its line grows, never "…"), the line just added or changed
stays in sight, and nowhere does a wrapped name leave a unit ("g", "cup") alone on a line."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QTextDocument, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from kiosk.domain.money import format_rupiah
from kiosk.domain.records import Product

from .conftest import NOW, click, kiosk_window, log_in, tile

SMALLEST = (1024, 768)
LONG_NAME = "Kue bagea kenari gula aren khas Nusalaut"  # 40 characters
ORDINARY = ["Sagu lempeng isi 10 keping", "Papeda instan isi 3 cup", "Air guraka segelas"]
ORDINARY += ["Sagu gula isi 6", "Sinoli sagu kelapa", "Kopi rarobang segelas"]


def settle() -> None:
    for _ in range(3):  # nested layouts settle over a few passes, as in the live event loop
        QApplication.processEvents()


def plain(html: str) -> str:
    document = QTextDocument()
    document.setHtml(html)
    return document.toPlainText().replace("\u00a0", " ")


def lines_of(label: QLabel) -> list[str]:
    """The lines a word-wrapping label shows its (plain or rich) text on at its width."""
    document = QTextDocument()
    if label.textFormat() == Qt.TextFormat.RichText:
        document.setHtml(label.text())
    else:
        document.setPlainText(label.text())
    text = document.toRawText()  # no-break spaces kept, as the label lays them out
    return wrapped(text, label.font(), label.contentsRect().width())


def tile_lines(product_tile) -> list[str]:  # type: ignore[no-untyped-def]
    """The lines a tile paints its name on (tiles paint their words: no labels)."""
    return wrapped(product_tile.name, product_tile.name_font, product_tile.name_rect.width())


def wrapped(text: str, font, width: int) -> list[str]:  # type: ignore[no-untyped-def]
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    lines = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        lines.append(text[line.textStart() : line.textStart() + line.textLength()].strip())
    layout.endLayout()
    return lines


def in_sight(row: QWidget, cart) -> bool:  # type: ignore[no-untyped-def]
    view = cart.viewport()
    return view.rect().contains(QRect(row.mapTo(view, QPoint(0, 0)), row.size()))


def test_a_40_character_name_is_shown_whole_in_the_basket(ctx, qtbot) -> None:
    assert len(LONG_NAME) == 40
    ctx.kiosk.catalog.save_products(
        [Product("UMKM-001", "LONG-40", LONG_NAME, 30_000, "Makanan")], actor="test", at=NOW
    )
    with kiosk_window(ctx, qtbot) as window:
        window.setFixedSize(*SMALLEST)
        log_in(qtbot, window)
        click(qtbot, tile(window, "Air guraka segelas"))
        click(qtbot, tile(window, LONG_NAME))
        settle()
        short, long = window.selling.cart.rows
        labels = long.findChildren(QLabel)
        shown = " ".join(plain(label.text()) for label in labels)
        assert shown == f"{LONG_NAME} 1 × {format_rupiah(30_000)}"
        for label in labels:
            # Every wrapped line has room: the label is as tall as its words need.
            assert label.wordWrap()
            assert label.height() >= label.heightForWidth(label.width())
        assert long.height() > short.height()  # the line grew instead of cutting the name
        assert in_sight(long, window.selling.cart)


def test_the_line_just_added_or_changed_stays_in_sight(ctx, qtbot) -> None:
    with kiosk_window(ctx, qtbot) as window:
        window.setFixedSize(*SMALLEST)
        log_in(qtbot, window)
        cart = window.selling.cart
        for name in ORDINARY:
            tile(window, name).click()
            settle()
            assert in_sight(cart.rows[-1], cart), name
        assert not in_sight(cart.rows[0], cart)  # six lines: the first has scrolled away
        cart.rows[0].plus.click()  # as a finger would after dragging the list back
        settle()
        assert cart.rows[0].line.quantity == 2
        assert in_sight(cart.rows[0], cart)


def test_a_number_keeps_its_unit_when_a_name_wraps(ctx, qtbot) -> None:
    """ "Kopi rarobang bubuk 250 g" on a tile read "bubuk 250" then a lone "g"."""
    with kiosk_window(ctx, qtbot) as window:
        window.setFixedSize(*SMALLEST)
        log_in(qtbot, window)
        names = ["Kopi rarobang bubuk 250 g", "Kain tenun ikat Tanimbar 2 m"]
        names += ["Papeda instan isi 3 cup"]
        for name in names:
            click(qtbot, tile(window, name))
        settle()
        shown = [tile_lines(tile(window, name)) for name in names]
        shown += [lines_of(row.findChild(QLabel)) for row in window.selling.cart.rows]
        for lines in shown:
            assert len(lines) > 1, lines  # these names do wrap at this size
            assert all(line.split()[0] not in {"g", "m", "cup"} for line in lines), lines
