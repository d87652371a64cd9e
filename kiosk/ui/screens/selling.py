"""The selling screen: products on the left, PEMBELI and KERANJANG on the right. It renders
the sale in progress and sends it intents; everything here can be undone, nothing is written
until Bayar is confirmed."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.cart import CartError
from ...domain.money import format_rupiah
from ...domain.records import Product, Vendor
from ...domain.sale_in_progress import SaleRefused
from ...domain.scan import ScanProblem
from ...domain.stock import StockCount
from ..context import UiContext
from ..i18n import translate
from ..theme import GAP, TILE_WIDTH, px
from ..widgets.buttons import button, literal
from ..widgets.buyer_panel import BuyerPanel
from ..widgets.cart_view import CartView, kinetic
from ..widgets.common import MessageBox, label, panel
from ..widgets.keypad import Keypad
from ..widgets.product_tile import ProductTile
from ..widgets.texts import scan_problem_text

ALL = QT_TRANSLATE_NOOP("SellingScreen", "Semua")
ALL_VENDORS = QT_TRANSLATE_NOOP("SellingScreen", "Semua UMKM")
MOST_COLUMNS = 8  # tiles across, however wide the screen
# The catalogue's usual categories (docs/ARCHITECTURE.md, "Screens"). They stay Indonesian in
# the data (products CSV, ledger); only the chips show them translated. Others as written.
CATEGORY_ORDER = (
    QT_TRANSLATE_NOOP("SellingScreen", "Makanan"),
    QT_TRANSLATE_NOOP("SellingScreen", "Minuman"),
    QT_TRANSLATE_NOOP("SellingScreen", "Kerajinan"),
    QT_TRANSLATE_NOOP("SellingScreen", "Pakaian"),
    QT_TRANSLATE_NOOP("SellingScreen", "Kesehatan"),
)
RIGHT_LEAST = 424  # px at scale 1: the basket's column never gets narrower
SHORT_HEIGHT = 860  # px at scale 1: below this the buyer panel leaves out two lines
MARGIN = 12  # px at scale 1: around the screen, between its halves and between tiles
DECIDE_FIRST = QT_TRANSLATE_NOOP(
    "SellingScreen", "Pindai kartu ASN, ketik NIP, atau pilih Pembeli umum dulu."
)


def category_text(category: str) -> str:
    """A chip's words: "Semua" and the known categories translated, others as written."""
    if category == ALL or category in CATEGORY_ORDER:
        return translate("SellingScreen", category)
    return category


class SellingScreen(QWidget):
    pay_requested = Signal()
    type_nip_requested = Signal()
    stock_requested = Signal()  # Titipan barang: a vendor's drop-off for the day

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self._ctx = ctx
        self.vendors: list[Vendor] = []
        self.tiles: list[ProductTile] = []
        self._shown: list[ProductTile] = []  # the tiles the grid holds now, in order
        self.category = ALL
        self.vendor_code: str | None = None
        self._picking_for_amount = False
        self._amount_vendor: Vendor | None = None
        # Today's consignment counts by (kode_umkm, sku): only counted products are here.
        self.stock: dict[tuple[str, str], StockCount] = {}
        self.asking: Product | None = None  # a tile at zero tapped: sell anyway?
        self.columns = 4  # tiles across; resizeEvent fits it to the width
        layout = QHBoxLayout(self)
        layout.setContentsMargins(px(MARGIN), px(MARGIN), px(MARGIN), px(MARGIN))
        layout.setSpacing(px(MARGIN))
        self.left = QStackedWidget()
        self.left.setObjectName("inner")
        self.left.addWidget(self._products_page())
        self.left.addWidget(self._vendor_page())
        self.left.addWidget(self._amount_page())
        layout.addWidget(self.left, 1)
        right = QVBoxLayout()
        right.setSpacing(px(MARGIN))
        self.buyer = BuyerPanel()
        self.buyer.type_nip_requested.connect(self.type_nip_requested)
        self.buyer.public_requested.connect(self.choose_public)
        self.buyer.rescan_requested.connect(self.forget_buyer)
        right.addWidget(self.buyer)
        right.addWidget(self._cart_panel(), 1)
        self.holder = QWidget()
        self.holder.setFixedWidth(px(RIGHT_LEAST))
        self.holder.setLayout(right)
        right.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.holder)
        ctx.session.changed.connect(self.refresh)
        ctx.session.scan_refused.connect(self._scan_refused)
        ctx.session.identified.connect(self.clear_scan_message)  # the buyer is found now
        self.refresh()

    # -- products ----------------------------------------------------------------------------
    def _products_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(GAP)
        self.chips_box = QGridLayout()
        self.chips_box.setSpacing(GAP)
        self.chip_group = QButtonGroup(self)
        self.chip_group.setExclusive(True)
        layout.addLayout(self.chips_box)
        row = QHBoxLayout()
        self.vendor_button = button(self._vendor_button_text(None))
        self.vendor_button.setObjectName("vendor_filter")
        self.vendor_button.clicked.connect(lambda: self.open_vendor_list(for_amount=False))
        self.free_amount = button(translate("SellingScreen", "Nominal bebas"))
        self.free_amount.setObjectName("free_amount")
        self.free_amount.clicked.connect(lambda: self.open_vendor_list(for_amount=True))
        row.addWidget(self.vendor_button, 1)
        row.addWidget(self.free_amount)
        layout.addLayout(row)
        layout.addWidget(self._stock_question())
        self.grid_area = QScrollArea()
        kinetic(self.grid_area)
        inner = QWidget()
        self.grid = QGridLayout(inner)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(px(MARGIN))
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.grid_area.setWidget(inner)
        layout.addWidget(self.grid_area, 1)
        self.catalog_message = MessageBox()
        layout.addWidget(self.catalog_message)
        return page

    def _stock_question(self) -> QWidget:
        """Asked in place when a tile at zero is tapped: the count may be wrong."""
        self.question = panel()
        self.question.setObjectName("stock_question")
        box = QVBoxLayout(self.question)
        box.setContentsMargins(px(16), px(10), px(16), px(10))
        box.setSpacing(GAP)
        self.question_name = label("", "", wrap=True)
        self.question_text = label(
            translate("SellingScreen", "Stok tercatat habis. Tetap jual?"), "big", wrap=True
        )
        answers = QHBoxLayout()
        answers.setSpacing(px(16))
        self.question_no = button(translate("SellingScreen", "Jangan"))
        self.question_no.setObjectName("stock_no")
        self.question_no.clicked.connect(lambda: self._answer(False))
        self.question_yes = button(translate("SellingScreen", "Tetap jual"), "primary")
        self.question_yes.setObjectName("stock_yes")
        self.question_yes.clicked.connect(lambda: self._answer(True))
        answers.addWidget(self.question_no, 1)
        answers.addWidget(self.question_yes, 1)
        for part in (self.question_name, self.question_text):
            box.addWidget(part)
        box.addLayout(answers)
        self.question.hide()
        return self.question

    def load_stock(self) -> None:
        """Today's counts, off the GUI thread: at start, after every sale or void, after a
        drop-off, after a shift opens (a new day). A failed read keeps the last counts."""
        self._ctx.runner.run(self._ctx.back_end.stock.today, self.show_stock, lambda _e: None)

    def show_stock(self, counts: dict[tuple[str, str], StockCount]) -> None:
        self.stock = dict(counts)
        for tile in self.tiles:
            count = self.stock.get((tile.product.kode_umkm, tile.product.sku))
            tile.set_left(None if count is None else count.left)

    def load_catalog(self) -> None:
        """At start and whenever the back end reports a new catalogue (an admin import)."""
        sale = self._ctx.back_end.sale
        self._ctx.runner.run(
            sale.catalog,
            lambda catalog: self._show_catalog(catalog.vendors, catalog.products),
            lambda _error: self.catalog_message.show_message(
                translate(
                    "SellingScreen",
                    "Daftar produk belum bisa dibuka. Sentuh Nominal bebas untuk tetap berjualan.",
                )
            ),
        )

    def _show_catalog(self, vendors: list[Vendor], products: list[Product]) -> None:
        self.catalog_message.clear()
        self.vendors = list(vendors)
        for tile in self.tiles:
            tile.deleteLater()
        for tile in self._shown:
            self.grid.removeWidget(tile)
        self.tiles, self._shown = [], []
        for product in products:
            tile = ProductTile(product)
            tile.clicked.connect(lambda _=False, p=product: self._tapped(p))
            count = self.stock.get((product.kode_umkm, product.sku))
            tile.set_left(None if count is None else count.left)
            self.tiles.append(tile)
        for chip in self.chip_group.buttons():
            self.chip_group.removeButton(chip)
            chip.deleteLater()
        found = {tile.product.kategori for tile in self.tiles}
        ordered = [name for name in CATEGORY_ORDER if name in found]
        categories = [ALL, *ordered, *sorted(found - set(ordered))]
        for name in categories:
            chip = button(category_text(name), "chip")
            chip.setObjectName(f"chip_{name}")
            chip.setProperty("category", name)  # the data's word, whatever the chip says
            chip.setChecked(name == self.category)
            chip.clicked.connect(lambda _=False, n=name: self.filter_category(n))
            self.chip_group.addButton(chip)
        self._place_chips()
        self._layout_tiles()

    # -- fitting the width -------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.pay.ensurePolished()  # BAYAR's word whole; the style sheet's min-width is less
        words = self.pay.fontMetrics().horizontalAdvance(self.pay.text())
        self.pay.setMinimumWidth(words + px(2 * 16 + 8))
        self.fit_width(event.size().width())
        self.buyer.set_short(event.size().height() < px(SHORT_HEIGHT))

    def fit_width(self, width: int) -> None:
        """As many whole tile columns as fit beside the basket's least width; the basket
        takes what the columns leave, so no strip of the screen is left unused."""
        tile, gap = px(TILE_WIDTH), px(MARGIN)
        room = width - 3 * gap  # the margins and the gap between the halves
        fit = (room - px(RIGHT_LEAST) + gap) // (tile + gap)
        columns = max(2, min(MOST_COLUMNS, fit))
        self.holder.setFixedWidth(max(px(RIGHT_LEAST), room - columns * (tile + gap) + gap))
        if columns != self.columns:
            self.columns = columns
            self._place_chips()
            self._layout_tiles(again=True)

    def _place_chips(self) -> None:
        """The category chips in rows as wide as the tile grid."""
        for index, chip in enumerate(self.chip_group.buttons()):
            self.chips_box.addWidget(chip, index // self.columns, index % self.columns)

    def filter_category(self, name: str) -> None:
        self.category = name
        for chip in self.chip_group.buttons():
            chip.setChecked(chip.property("category") == name)
        self._layout_tiles()

    def filter_vendor(self, code: str | None, *, layout: bool = True) -> None:
        self.vendor_code = code
        self.vendor_button.setText(literal(self._vendor_button_text(code)))
        self.left.setCurrentIndex(0)
        if layout:
            self._layout_tiles()

    def _vendor_button_text(self, code: str | None) -> str:
        names = {vendor.kode_umkm: vendor.nama for vendor in self.vendors}
        name = names.get(code) if code else None
        return f"{name or translate('SellingScreen', ALL_VENDORS)} ▾"

    def visible_tiles(self) -> list[ProductTile]:
        return [
            tile
            for tile in self.tiles
            if (self.category == ALL or tile.product.kategori == self.category)
            and (self.vendor_code is None or tile.product.kode_umkm == self.vendor_code)
        ]

    def _layout_tiles(self, *, again: bool = False) -> None:
        # Re-placing hundreds of tiles holds the GUI thread for a noticeable moment (and the
        # inactivity reset asks for "all products" when that is usually what is shown).
        visible = self.visible_tiles()
        if again or visible != self._shown:
            for tile in self._shown:
                self.grid.removeWidget(tile)
                tile.hide()
            for index, tile in enumerate(visible):
                self.grid.addWidget(tile, index // self.columns, index % self.columns)
                tile.show()
            self._shown = visible
        self.grid_area.verticalScrollBar().setValue(0)

    # -- vendor list (filter, or the first step of a free amount) ----------------------------
    def _vendor_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(GAP)
        top = QHBoxLayout()
        self.vendor_title = label(translate("SellingScreen", "Pilih UMKM"), "title", wrap=True)
        back = button(translate("SellingScreen", "Kembali"))
        back.setObjectName("vendor_back")
        back.clicked.connect(lambda: self.left.setCurrentIndex(0))
        # A vendor arriving with goods: the UMKM list is where the operator looks for them.
        self.stock_button = button(translate("SellingScreen", "Titipan barang"))
        self.stock_button.setObjectName("stock_entry")
        self.stock_button.clicked.connect(self._enter_stock)
        top.addWidget(self.vendor_title, 1)
        top.addWidget(self.stock_button)
        top.addWidget(back)
        layout.addLayout(top)
        area = QScrollArea()
        kinetic(area)
        inner = QWidget()
        self.vendor_list = QVBoxLayout(inner)
        self.vendor_list.setSpacing(GAP)
        self.vendor_list.setContentsMargins(0, 0, 0, 0)
        area.setWidget(inner)
        layout.addWidget(area, 1)
        return page

    def open_vendor_list(self, *, for_amount: bool) -> None:
        self._picking_for_amount = for_amount
        self.stock_button.setVisible(not for_amount)
        self.vendor_title.setText(
            translate("SellingScreen", "Nominal bebas: pilih UMKM")
            if for_amount
            else translate("SellingScreen", "Pilih UMKM")
        )
        while self.vendor_list.count():
            item = self.vendor_list.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        everyone = (None, translate("SellingScreen", ALL_VENDORS))
        choices: list[tuple[str | None, str]] = [] if for_amount else [everyone]
        choices += [(vendor.kode_umkm, vendor.nama) for vendor in self.vendors]
        for code, name in choices:
            choice = button(name)
            choice.setObjectName(f"vendor_{code or 'all'}")
            choice.setMinimumHeight(px(64))
            choice.clicked.connect(lambda _=False, c=code: self._vendor_chosen(c))
            self.vendor_list.addWidget(choice)
        self.vendor_list.addStretch(1)
        self.left.setCurrentIndex(1)

    def _enter_stock(self) -> None:
        self.left.setCurrentIndex(0)  # back here afterwards: the products
        self.stock_requested.emit()

    def _vendor_chosen(self, code: str | None) -> None:
        if not self._picking_for_amount:
            self.filter_vendor(code)
            return
        self._amount_vendor = next(v for v in self.vendors if v.kode_umkm == code)
        self.amount_title.setText(
            translate("SellingScreen", "Nominal bebas — {vendor}").format(
                vendor=self._amount_vendor.nama
            )
        )
        self.amount_keypad.set_text("")
        self.left.setCurrentIndex(2)

    # -- free amount -------------------------------------------------------------------------
    def _amount_page(self) -> QWidget:
        page = QWidget()
        layout = QHBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(24)
        left = QVBoxLayout()
        self.amount_title = label("", "big", wrap=True)
        self.amount_display = label("Rp0", "display")
        self.amount_display.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.amount_add = button(translate("SellingScreen", "Tambah"), "primary")
        self.amount_add.setObjectName("amount_add")
        self.amount_add.clicked.connect(self._add_amount)
        back = button(translate("SellingScreen", "Kembali"))
        back.setObjectName("amount_back")
        back.clicked.connect(lambda: self.left.setCurrentIndex(0))
        left.addWidget(self.amount_title)
        left.addWidget(self.amount_display)
        left.addStretch(1)
        left.addWidget(self.amount_add)
        left.addSpacing(32)
        left.addWidget(back, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(left, 1)
        self.amount_keypad = Keypad(8)
        self.amount_keypad.setMaximumWidth(px(430))  # narrower beside a narrow basket
        self.amount_keypad.changed.connect(self._amount_typed)
        layout.addWidget(self.amount_keypad)
        self._amount_typed("")
        return page

    def _amount_typed(self, text: str) -> None:
        amount = int(text or "0")
        self.amount_display.setText(format_rupiah(amount))
        self.amount_add.setEnabled(amount > 0)

    def _add_amount(self) -> None:
        vendor = self._amount_vendor
        amount = int(self.amount_keypad.text or "0")
        if vendor is None or amount <= 0:
            return
        try:
            self._ctx.session.add_free_amount(vendor.kode_umkm, vendor.nama, amount)
        except CartError:
            self.amount_display.setText(translate("SellingScreen", "Nominal terlalu besar"))
            return
        self.left.setCurrentIndex(0)

    # -- buyer -------------------------------------------------------------------------------
    def _scan_refused(self, problem: ScanProblem | None) -> None:
        """A red message that changes nothing (the basket and any buyer stay)."""
        self.buyer.show_error(scan_problem_text(problem))

    def clear_scan_message(self) -> None:
        self.buyer.clear_error()

    def choose_public(self) -> None:
        self.buyer.clear_error()
        self._ctx.session.choose_public()

    def forget_buyer(self) -> None:
        self.buyer.clear_error()
        self._ctx.session.forget_buyer()

    # -- basket ------------------------------------------------------------------------------
    def _cart_panel(self) -> QWidget:
        frame = panel()
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(GAP)
        top = QHBoxLayout()
        top.addWidget(label(translate("SellingScreen", "KERANJANG"), "section"), 1)
        # Destructive, so at the top, as far as it can be from BAYAR.
        self.cancel = button(translate("SellingScreen", "Batal"), "danger")
        self.cancel.setObjectName("cart_cancel")
        self.cancel.clicked.connect(self._ctx.session.clear_sale)
        top.addWidget(self.cancel)
        layout.addLayout(top)
        self.cart = CartView()
        self.cart.quantity_changed.connect(self._set_quantity)
        layout.addWidget(self.cart, 1)
        # The total beside BAYAR, not above it: one row fewer leaves the basket its lines on
        # a 768 px screen. The amount is never cut: BAYAR gives way first.
        bottom = QHBoxLayout()
        bottom.setSpacing(GAP)
        total_box = QVBoxLayout()
        total_box.setSpacing(0)
        total_box.addWidget(label(translate("SellingScreen", "Total"), "hint"))
        self.total = label("Rp0", "total")
        total_box.addWidget(self.total)
        bottom.addLayout(total_box)
        self.pay = button(translate("SellingScreen", "BAYAR"), "primary")
        self.pay.setObjectName("pay")
        self.pay.clicked.connect(self.request_pay)
        bottom.addWidget(self.pay, 1)
        layout.addLayout(bottom)
        return frame

    def _tapped(self, product: Product) -> None:
        """A tile: into the basket, unless its count says none are left (then ask)."""
        count = self.stock.get((product.kode_umkm, product.sku))
        if count is not None and count.left - self._in_basket(product) <= 0:
            self.asking = product
            self.question_name.setText(product.nama)
            self.question.show()
            return
        self._answer(False)  # a tap elsewhere puts an open question away
        self._add_product(product)

    def _in_basket(self, product: Product) -> int:
        return sum(
            line.quantity
            for line in self._ctx.session.cart.lines
            if line.sku == product.sku and line.vendor_code == product.kode_umkm
        )

    def _answer(self, sell: bool) -> None:
        product, self.asking = self.asking, None
        self.question.hide()
        if sell and product is not None:
            self._add_product(product)

    def _add_product(self, product: Product) -> None:
        # 999 is the cap, and nothing changes while the sale is written: a tap does nothing.
        with contextlib.suppress(CartError, SaleRefused):
            self._ctx.session.add_product(product)

    def _set_quantity(self, index: int, quantity: int) -> None:
        with contextlib.suppress(CartError, SaleRefused):
            self._ctx.session.set_quantity(index, quantity)

    def request_pay(self) -> None:
        session = self._ctx.session
        if session.cart.is_empty():
            return
        if not session.buyer_decided:
            self.buyer.show_error(translate("SellingScreen", DECIDE_FIRST))
            return
        self.pay_requested.emit()

    def refresh(self) -> None:
        session = self._ctx.session
        self.buyer.show_buyer(session.buyer, session.public_buyer, session.total)
        if session.buyer_decided and self.buyer.message.message == translate(
            "SellingScreen", DECIDE_FIRST
        ):
            self.buyer.clear_error()
        self.cart.show_lines(session.cart.lines)
        total = format_rupiah(session.total)
        self.total.setText(total)
        self.total.setAccessibleName(
            translate("SellingScreen", "Total {amount}").format(amount=total)
        )
        self.pay.setEnabled(not session.cart.is_empty())
        self.cancel.setEnabled(not session.cart.is_empty() or session.buyer_decided)

    def reset_view(self) -> None:
        """Back to all products and no messages, for the next buyer."""
        self.buyer.clear_error()
        self._answer(False)
        self.filter_vendor(None, layout=False)
        self.filter_category(ALL)  # one layout for both, and none if nothing changed
