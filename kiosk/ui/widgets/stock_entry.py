"""Entering a vendor's drop-off for the day (titip jual): the UMKM on the left, its products
with their count in the middle, the keypad on the right.

Two ways in, one widget:

- ``ADD`` (the operator, on the vendor's behalf, from the selling screen): the number typed
  is the pieces brought now, added to the day's count. An operator never lowers a count.
- ``TOTAL`` (the admin area): the number typed is the day's whole count; a lower one is a
  correction (a negative row), refused below what was already sold that day.

Everything is read and written through the runner: nothing here touches the ledger on the
GUI thread."""

from __future__ import annotations

import enum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ...domain.records import Product, Vendor
from ...domain.stock import StockCount
from ...services.changes import Change, Changes
from ..admin.words import error_text  # the admin's words serve both screens
from ..context import UiContext
from ..i18n import translate
from ..theme import GAP, px, scaled
from .buttons import button, literal
from .cart_view import kinetic
from .common import MessageBox, label
from .keypad import Keypad
from .names import keep_units

MAX_DIGITS = 5  # at most 10.000 pieces a row (domain.stock.MOST_PIECES)


class Mode(enum.Enum):
    ADD = "add"  # the operator: pieces brought now
    TOTAL = "total"  # the admin: the day's whole count


def count_text(count: StockCount | None) -> str:
    """A product's line under its name: its count today, or that it has none."""
    if count is None:
        return translate("StockEntry", "Belum dihitung")
    return translate("StockEntry", "Titip {dropped} · terjual {sold} · sisa {left}").format(
        dropped=count.dropped, sold=count.sold, left=count.left
    )


def _scrolling(column: QVBoxLayout) -> QScrollArea:
    holder = QWidget()
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(GAP)
    column.setAlignment(Qt.AlignmentFlag.AlignTop)
    holder.setLayout(column)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(holder)
    kinetic(scroll)
    return scroll


def _row_button(text: str) -> QPushButton:
    """A checkable list row: words left-aligned, wrapping over two lines."""
    row = button(text, "chip")
    row.setStyleSheet(
        scaled("min-height: 56px; padding: 6px 14px; text-align: left; border-radius: 10px;")
    )
    row.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
    return row


class StockEntry(QWidget):
    def __init__(self, ctx: UiContext, mode: Mode, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.mode = mode
        self.actor = "admin"  # the operator's name in ADD mode (set by the screen)
        self.vendors: list[Vendor] = []
        self.products: list[Product] = []
        self.counts: dict[tuple[str, str], StockCount] = {}
        self.vendor_code: str | None = None
        self.product: Product | None = None
        self._asked = 0
        self._busy = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(px(24))

        # The list: the UMKM first; once one is chosen, its products (‹ Semua UMKM goes back).
        left = QVBoxLayout()
        left.setSpacing(px(10))
        top = QHBoxLayout()
        top.setSpacing(px(12))
        self.all_vendors = button(translate("StockEntry", "‹ Semua UMKM"))
        self.all_vendors.setObjectName("all_vendors")
        self.all_vendors.clicked.connect(lambda: self.choose_vendor(None))
        self.list_caption = label(translate("StockEntry", "Pilih UMKM"), "big", wrap=True)
        top.addWidget(self.all_vendors)
        top.addWidget(self.list_caption, 1)
        self.loading = label(translate("StockEntry", "Memuat…"), "hint")
        self.rows = QVBoxLayout()
        self.row_group = QButtonGroup(self)
        self.vendor_buttons: dict[str, QPushButton] = {}
        self.product_buttons: dict[str, QPushButton] = {}
        self.message = MessageBox()
        self.done = label("", "ok", wrap=True)
        left.addLayout(top)
        left.addWidget(self.loading)
        left.addWidget(_scrolling(self.rows), 1)
        left.addWidget(self.message)
        left.addWidget(self.done)
        layout.addLayout(left, 2)

        # The keypad: the chosen product, the number, Simpan.
        right = QVBoxLayout()
        right.setSpacing(px(10))
        self.chosen = label(translate("StockEntry", "Pilih barangnya dulu."), "hint", wrap=True)
        self.display = QLabel("0")
        self.display.setObjectName("display")
        self.display.setAccessibleName(
            translate("StockEntry", "Tambah berapa barang")
            if mode is Mode.ADD
            else translate("StockEntry", "Titipan hari ini")
        )
        self.keypad = Keypad(max_length=MAX_DIGITS, extra="")
        self.keypad.changed.connect(self._typed)
        self.save = button(translate("StockEntry", "Simpan"), "primary")
        self.save.setObjectName("stock_save")
        self.save.clicked.connect(self.submit)
        for widget in (self.chosen, self.display, self.keypad):
            right.addWidget(widget)
        right.addStretch(1)
        right.addWidget(self.save)
        holder = QWidget()
        holder.setLayout(right)
        right.setContentsMargins(0, 0, 0, 0)
        holder.setMinimumWidth(px(320))
        holder.setMaximumWidth(px(420))
        holder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout.addWidget(holder, 1)
        # Counts move with every sale, void and drop-off (another screen's, the command
        # line's): read again, off the GUI thread, while this is on screen.
        ctx.changes.changed.connect(self._changed)
        self._update()

    def _changed(self, changes: Changes) -> None:
        if (Change.STOCK in changes or Change.SALES in changes) and self.isVisible():
            self.reload()

    # -- loading -------------------------------------------------------------------------------
    def reload(self) -> None:
        """The catalogue and today's counts, off the GUI thread; the chosen UMKM stays."""
        self._asked += 1
        asked = self._asked
        back_end = self.ctx.back_end
        self.loading.show()
        self.message.clear()

        def read() -> tuple[list[Vendor], list[Product], dict[tuple[str, str], StockCount]]:
            catalog = back_end.sale.catalog()
            return catalog.vendors, catalog.products, back_end.stock.today()

        self.ctx.runner.run(
            read, lambda found: self._loaded(asked, *found), lambda e: self._failed(asked, e)
        )

    def start(self) -> None:
        """A fresh visit: nothing typed, no message, then reload."""
        self.done.setText("")
        self.keypad.set_text("")
        self.reload()

    def _loaded(
        self,
        asked: int,
        vendors: list[Vendor],
        products: list[Product],
        counts: dict[tuple[str, str], StockCount],
    ) -> None:
        if not isValid(self) or asked != self._asked:
            return  # an older answer, or one for a screen rebuilt since (a language switch)
        self.loading.hide()
        self.vendors, self.products, self.counts = vendors, products, counts
        if self.vendor_code not in {vendor.kode_umkm for vendor in vendors}:
            self.vendor_code, self.product = None, None
        self._show_rows()

    def _failed(self, asked: int, error: Exception) -> None:
        if isValid(self) and asked == self._asked:
            self.loading.hide()
            self.message.show_message(error_text(error))

    # -- choosing ------------------------------------------------------------------------------
    def choose_vendor(self, kode_umkm: str | None) -> None:
        """A UMKM's products (None: the list of UMKM again)."""
        self.vendor_code = kode_umkm
        self.product = None
        self.keypad.set_text("")
        self.done.setText("")
        self.message.clear()
        self._show_rows()

    def _clear_rows(self) -> None:
        for old in [*self.vendor_buttons.values(), *self.product_buttons.values()]:
            self.row_group.removeButton(old)
            self.rows.removeWidget(old)
            old.hide()
            old.deleteLater()
        self.vendor_buttons, self.product_buttons = {}, {}

    def _show_rows(self) -> None:
        self._clear_rows()
        vendor = next((v for v in self.vendors if v.kode_umkm == self.vendor_code), None)
        self.all_vendors.setVisible(vendor is not None)
        if vendor is None:
            self.list_caption.setText(translate("StockEntry", "Pilih UMKM"))
            for each in self.vendors:
                row = _row_button(each.nama)
                row.setObjectName(f"vendor_{each.kode_umkm}")
                row.clicked.connect(lambda _=False, k=each.kode_umkm: self.choose_vendor(k))
                self._add_row(row)
                self.vendor_buttons[each.kode_umkm] = row
        else:
            self.list_caption.setText(vendor.nama)
            for product in self.products:
                if product.kode_umkm != vendor.kode_umkm:
                    continue
                row = _row_button(self._product_text(product))
                row.setObjectName(f"product_{product.sku}")
                row.clicked.connect(lambda _=False, p=product: self.choose_product(p))
                self._add_row(row)
                self.product_buttons[product.sku] = row
        if self.product is not None and self.product.sku in self.product_buttons:
            self.product_buttons[self.product.sku].setChecked(True)
        self._update()

    def _add_row(self, row: QPushButton) -> None:
        self.row_group.addButton(row)
        self.rows.addWidget(row)
        row.show()  # a child added to a shown parent is otherwise shown only later

    def _product_text(self, product: Product) -> str:
        count = self.counts.get((product.kode_umkm, product.sku))
        return f"{keep_units(product.nama)}\n{count_text(count)}"

    def choose_product(self, product: Product) -> None:
        self.product = product
        self.product_buttons[product.sku].setChecked(True)
        self.message.clear()
        self.done.setText("")
        count = self.counts.get((product.kode_umkm, product.sku))
        # The admin edits the day's whole count: start from it.
        start = str(count.dropped) if self.mode is Mode.TOTAL and count is not None else ""
        self.keypad.set_text(start)
        self._update()

    def _typed(self, text: str) -> None:
        self.display.setText(text or "0")
        self.message.clear()
        self._update()

    def _update(self) -> None:
        product = self.product
        if product is None:
            self.chosen.setText(translate("StockEntry", "Pilih barangnya dulu."))
        elif self.mode is Mode.ADD:
            self.chosen.setText(
                translate("StockEntry", "{name}: tambah berapa?").format(
                    name=keep_units(product.nama)
                )
            )
        else:
            self.chosen.setText(
                translate("StockEntry", "{name}: titipan hari ini").format(
                    name=keep_units(product.nama)
                )
            )
        self.save.setEnabled(product is not None and bool(self.keypad.text) and not self._busy)

    # -- saving --------------------------------------------------------------------------------
    def submit(self) -> None:
        product, text = self.product, self.keypad.text
        if product is None or not text or self._busy:
            return
        stock = self.ctx.back_end.stock
        actor, kode, sku, number = self.actor, product.kode_umkm, product.sku, int(text)
        if self.mode is Mode.ADD:

            def work() -> StockCount | None:
                return stock.add(kode, sku, number, actor=actor, may_correct=False)
        else:

            def work() -> StockCount | None:
                return stock.set_total(kode, sku, number, actor=actor)

        self._busy = True
        self._update()
        self.ctx.runner.run(work, lambda count: self._saved(product, count), self._refused)

    def _saved(self, product: Product, count: StockCount | None) -> None:
        if not isValid(self):
            return
        self._busy = False
        if count is not None:
            self.counts[count.key] = count
        count = self.counts.get((product.kode_umkm, product.sku))
        if product.sku in self.product_buttons:
            self.product_buttons[product.sku].setText(literal(self._product_text(product)))
        self.keypad.set_text("")
        self.done.setText(
            translate("StockEntry", "Tercatat: {name}, sisa {left}.").format(
                name=product.nama, left=count.left if count is not None else 0
            )
        )
        self._update()

    def _refused(self, error: Exception) -> None:
        if not isValid(self):
            return
        self._busy = False
        self.message.show_message(error_text(error))
        self._update()
