"""The sale being rung up on screen: operator, basket and buyer. Forgotten on timeout."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ..domain.cart import Cart, CartLine
from ..domain.records import Product
from ..services.standing import BuyerStatus


class SaleSession(QObject):
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.operator: str | None = None
        self.cart = Cart()
        self.buyer: BuyerStatus | None = None
        self.public_buyer = False

    @property
    def total(self) -> int:
        return self.cart.total

    @property
    def buyer_decided(self) -> bool:
        return self.buyer is not None or self.public_buyer

    def add_product(self, product: Product) -> None:
        self.cart.add(CartLine(product.kode_umkm, product.nama, product.harga, 1, product.sku))
        self.changed.emit()

    def add_free_amount(self, vendor_code: str, vendor_name: str, amount: int) -> None:
        self.cart.add(CartLine(vendor_code, f"Nominal bebas {vendor_name}", amount))
        self.changed.emit()

    def set_quantity(self, index: int, quantity: int) -> None:
        self.cart.set_quantity(index, quantity)
        self.changed.emit()

    def set_buyer(self, buyer: BuyerStatus | None, *, public: bool = False) -> None:
        self.buyer, self.public_buyer = buyer, public
        self.changed.emit()

    def clear_sale(self) -> None:
        """After a sale or on timeout: the basket and the buyer go, the operator stays."""
        self.cart.clear()
        self.buyer, self.public_buyer = None, False
        self.changed.emit()

    def log_out(self) -> None:
        self.operator = None
        self.clear_sale()
