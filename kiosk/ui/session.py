"""The sale being rung up, as the screens see it: the pure SaleInProgress plus the calls that
go to the back end off the GUI thread (identifying a buyer, committing the sale), with a
signal for every change. Screens render its state and send it their intents."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from ..domain.buyer import BuyerStatus
from ..domain.cart import Cart, Payment
from ..domain.errors import DomainError
from ..domain.records import Product
from ..domain.sale_in_progress import SaleInProgress, SaleRefused, Stage
from ..domain.scan import IdentifiedBy, ScanError
from .tasks import TaskRunner

if TYPE_CHECKING:
    from ..services.sale import Identified, SaleOutcome, SaleService
    from ..services.shift_figures import OpenShift

log = logging.getLogger(__name__)


class SaleSession(QObject):
    changed = Signal()
    identified = Signal()  # a buyer was found (card or typed NIP)
    scan_refused = Signal(object)  # ScanProblem, or None for no particular reason
    typed_refused = Signal(object)  # the DomainError of a typed NIP
    committed = Signal(object)  # SaleOutcome: the ledger has the sale
    commit_failed = Signal(object)  # the error; nothing was written, the basket stays

    def __init__(
        self, sale: SaleService, runner: TaskRunner, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._service = sale
        self._runner = runner
        self.sale = SaleInProgress()
        self.shift: OpenShift | None = None  # the till shift the operator sells in
        self._lookup = 0  # only the latest identification counts
        self.looking_up = 0  # identifications still on their way back

    # -- reading (what the screens render) ------------------------------------------------------
    @property
    def operator(self) -> str | None:
        return self.sale.operator

    @property
    def cart(self) -> Cart:
        return self.sale.cart

    @property
    def buyer(self) -> BuyerStatus | None:
        return self.sale.buyer

    @property
    def public_buyer(self) -> bool:
        return self.sale.public_buyer

    @property
    def total(self) -> int:
        return self.sale.total

    @property
    def buyer_decided(self) -> bool:
        return self.sale.buyer_decided

    @property
    def committing(self) -> bool:
        return self.sale.committing

    # -- operator -------------------------------------------------------------------------------
    def log_in(self, operator: str, shift: OpenShift | None = None) -> None:
        """On duty in ``shift`` (the window passes the one the operator opened, continued or
        took over; without one the sale service refuses to record a sale)."""
        self.shift = shift
        self.sale.log_in(operator, shift.shift_id if shift is not None else None)
        self.changed.emit()

    def log_out(self) -> None:
        self.shift = None
        self.sale.log_out()
        self._lookup += 1
        self.changed.emit()

    # -- basket (a cap reached changes nothing: CartError propagates to the screen) -------------
    def add_product(self, product: Product) -> None:
        self.sale.add_product(product)
        self.changed.emit()

    def add_free_amount(self, vendor_code: str, vendor_name: str, amount: int) -> None:
        self.sale.add_free_amount(vendor_code, vendor_name, amount)
        self.changed.emit()

    def set_quantity(self, index: int, quantity: int) -> None:
        self.sale.set_quantity(index, quantity)
        self.changed.emit()

    # -- buyer ----------------------------------------------------------------------------------
    def scan(self, payload: str) -> None:
        """A card at the scanner: the lookup runs off the GUI thread."""
        self._identify(lambda: self._service.identify_scan(payload), self._scan_failed)

    def type_nip(self, text: str) -> None:
        """A NIP typed on the keypad."""
        self._identify(lambda: self._service.identify_typed(text), self._typed_failed)

    def _identify(
        self, lookup: Callable[[], Identified], failed: Callable[[int, Exception], None]
    ) -> None:
        if self.sale.committing:
            return  # the sale is being written with the buyer already chosen
        self._lookup += 1
        ticket = self._lookup
        self.looking_up += 1
        self._runner.run(
            lookup,
            lambda found: self._found(ticket, found),
            lambda error: failed(ticket, error),
        )

    def _found(self, ticket: int, found: Identified) -> None:
        self.looking_up -= 1
        if ticket != self._lookup or self.sale.committing:
            return  # a newer scan, a log-out or Bayar came first
        self.set_buyer(found.buyer, found.how)
        self.identified.emit()

    def _scan_failed(self, ticket: int, error: Exception) -> None:
        self.looking_up -= 1
        if ticket != self._lookup:
            return
        if not isinstance(error, DomainError):
            # e.g. a card list that cannot be read: the basket stays, the log has the cause
            log.error("a scan could not be checked: %s", type(error).__name__)
        self.scan_refused.emit(error.problem if isinstance(error, ScanError) else None)

    def _typed_failed(self, ticket: int, error: Exception) -> None:
        self.looking_up -= 1
        if ticket == self._lookup:
            self.typed_refused.emit(error)

    def set_buyer(self, buyer: BuyerStatus, how: IdentifiedBy) -> None:
        """A buyer looked up: a scan's or a typed NIP's answer ends here."""
        self._lookup += 1
        self.sale.identify(buyer, how)
        self.changed.emit()

    def choose_public(self) -> None:
        self._lookup += 1  # a lookup still on its way must not replace the choice
        self.sale.choose_public()
        self.changed.emit()

    def forget_buyer(self) -> None:
        self._lookup += 1
        self.sale.forget_buyer()
        self.changed.emit()

    # -- paying ---------------------------------------------------------------------------------
    def pay(self, payment: Payment) -> bool:
        """Commit the sale (off the GUI thread); False when it cannot be paid yet."""
        try:
            request = self.sale.pay(payment)
        except (SaleRefused, DomainError):  # not ready, or too little cash: nothing changes
            return False
        self._lookup += 1  # a lookup still running must not change the buyer now
        self.changed.emit()
        self._runner.run(
            lambda: self._service.commit(request), self._committed, self._commit_failed
        )
        return True

    def _committed(self, outcome: SaleOutcome) -> None:
        self.sale.committed()
        self.changed.emit()
        self.committed.emit(outcome)

    def _commit_failed(self, error: Exception) -> None:
        self.sale.commit_failed()
        self.changed.emit()
        self.commit_failed.emit(error)

    def clear_sale(self) -> None:
        """Batal, the end of the success screen, a timeout: basket and buyer go, the operator
        stays. Never while the sale is being written."""
        if self.sale.stage is Stage.COMMITTING:
            return
        self._lookup += 1
        self.sale.clear()
        self.changed.emit()
