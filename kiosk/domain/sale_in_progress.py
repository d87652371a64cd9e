"""The sale being rung up, from the operator on duty to the committed sale: one pure object
that every screen renders and sends its intents to (cash and QRIS alike).

Steps: operator → buyer (signed card, other QR, typed NIP, or a public buyer) → basket →
payment → commit → receipt. Everything before the commit can be undone; while the commit
runs nothing changes; after it the sale is done and the next card or timeout starts anew.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from .buyer import BuyerStatus
from .cart import Cart, CartLine, Payment
from .records import Product
from .scan import IdentifiedBy


class Stage(enum.Enum):
    SELLING = "selling"  # basket and buyer can change
    COMMITTING = "committing"  # the ledger is writing it: hands off
    DONE = "done"  # committed; shown to the buyer until the next sale starts


class PayBlocker(enum.Enum):
    """Why Bayar cannot go on yet (None: it can)."""

    NO_OPERATOR = "no_operator"
    EMPTY_BASKET = "empty_basket"
    NO_BUYER = "no_buyer"
    BUSY = "busy"


class SaleRefused(RuntimeError):
    """A screen asked for a step the sale is not ready for (the screens check pay_blocker
    first, so a person never sees this; it guards the one place a sale is put together)."""

    def __init__(self, blocker: PayBlocker) -> None:
        super().__init__(f"the sale cannot be paid yet: {blocker.value}")
        self.blocker = blocker


FREE_AMOUNT_PREFIX = "Nominal bebas"  # recorded in the ledger and printed: stays Indonesian


@dataclass(frozen=True)
class SaleRequest:
    """Everything the ledger needs to record one sale; made only by SaleInProgress.pay."""

    lines: tuple[CartLine, ...]
    nip: str | None
    identified_by: IdentifiedBy | None  # None: a public buyer
    operator: str
    payment: Payment
    shift_id: str | None = None  # the till shift the operator is selling in


class SaleInProgress:
    """Mutable on purpose: one per kiosk window, cleared between buyers."""

    def __init__(self) -> None:
        self.operator: str | None = None
        self.shift_id: str | None = None  # the till shift the operator logged in to
        self.cart = Cart()
        self.buyer: BuyerStatus | None = None
        self.identified_by: IdentifiedBy | None = None
        self.public_buyer = False
        self.stage = Stage.SELLING

    # -- reading ------------------------------------------------------------------------------
    @property
    def total(self) -> int:
        return self.cart.total

    @property
    def buyer_decided(self) -> bool:
        return self.buyer is not None or self.public_buyer

    @property
    def committing(self) -> bool:
        return self.stage is Stage.COMMITTING

    def pay_blocker(self) -> PayBlocker | None:
        if self.stage is Stage.COMMITTING:
            return PayBlocker.BUSY
        if not self.operator:
            return PayBlocker.NO_OPERATOR
        if self.cart.is_empty():
            return PayBlocker.EMPTY_BASKET
        if not self.buyer_decided:
            return PayBlocker.NO_BUYER
        return None

    # -- operator -----------------------------------------------------------------------------
    def log_in(self, operator: str, shift_id: str | None = None) -> None:
        self.operator, self.shift_id = operator, shift_id

    def log_out(self) -> None:
        self.operator, self.shift_id = None, None
        self.clear()

    # -- basket (CartError when a cap is reached; nothing changes then) ------------------------
    def add_product(self, product: Product) -> None:
        self._start_next_if_done()
        self._editable()
        self.cart.add(CartLine(product.kode_umkm, product.nama, product.harga, 1, product.sku))

    def add_free_amount(self, vendor_code: str, vendor_name: str, amount: int) -> None:
        self._start_next_if_done()
        self._editable()
        self.cart.add(CartLine(vendor_code, f"{FREE_AMOUNT_PREFIX} {vendor_name}", amount))

    def set_quantity(self, index: int, quantity: int) -> None:
        self._editable()
        self.cart.set_quantity(index, quantity)

    # -- buyer --------------------------------------------------------------------------------
    def identify(self, buyer: BuyerStatus, how: IdentifiedBy) -> None:
        """A card or a typed NIP: after a finished sale it starts the next one."""
        self._start_next_if_done()
        self._editable()
        self.buyer, self.identified_by, self.public_buyer = buyer, how, False

    def choose_public(self) -> None:
        self._editable()
        self.buyer, self.identified_by, self.public_buyer = None, None, True

    def forget_buyer(self) -> None:
        self._editable()
        self.buyer, self.identified_by, self.public_buyer = None, None, False

    # -- paying -------------------------------------------------------------------------------
    def pay(self, payment: Payment) -> SaleRequest:
        """The one place a sale is put together; the stage moves to COMMITTING."""
        blocker = self.pay_blocker()
        if blocker is not None:
            raise SaleRefused(blocker)
        payment.check(self.total)
        assert self.operator is not None  # pay_blocker said so
        request = SaleRequest(
            lines=self.cart.lines,
            nip=self.buyer.nip if self.buyer else None,
            identified_by=self.identified_by,
            operator=self.operator,
            payment=payment,
            shift_id=self.shift_id,
        )
        self.stage = Stage.COMMITTING
        return request

    def committed(self) -> None:
        """The ledger has it: the basket is done with (the success screen shows the sale)."""
        self.cart.clear()
        self.buyer, self.identified_by, self.public_buyer = None, None, False
        self.stage = Stage.DONE

    def commit_failed(self) -> None:
        """Nothing was written: the basket and buyer are still there to try again."""
        if self.stage is Stage.COMMITTING:
            self.stage = Stage.SELLING

    def clear(self) -> None:
        """Batal, a timeout or the next buyer: basket and buyer go; the operator stays.
        Never while the ledger is writing."""
        if self.stage is Stage.COMMITTING:
            return
        self.cart.clear()
        self.buyer, self.identified_by, self.public_buyer = None, None, False
        self.stage = Stage.SELLING

    def _start_next_if_done(self) -> None:
        if self.stage is Stage.DONE:
            self.clear()

    def _editable(self) -> None:
        if self.stage is Stage.COMMITTING:
            raise SaleRefused(PayBlocker.BUSY)
