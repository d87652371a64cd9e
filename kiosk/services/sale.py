"""The one path of a sale: who is on duty, who is buying, the catalogue to pick from, and the
commit that records the sale and queues its receipt. Cash and QRIS both come through here;
the screens hold a SaleInProgress and send it their intents."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from ..domain.buyer import BuyerStatus
from ..domain.errors import DomainError
from ..domain.identity import BuyerIdentity
from ..domain.records import Product, RecordedSale, Vendor
from ..domain.sale_in_progress import SaleRequest
from ..domain.scan import IdentifiedBy
from ..domain.shift import ShiftProblem
from .changes import Change, ChangeFeed
from .checkout import CheckoutService
from .identify import IdentifyService
from .operators import OperatorInfo, OperatorService
from .pin_guard import PinAnswer
from .ports import CatalogPort
from .qris_payment import QrisCharge, QrisPaymentService
from .receipts import ReceiptInDoubt, ReceiptService
from .safe_log import log_failure
from .standing import StandingService

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Identified:
    buyer: BuyerStatus
    how: IdentifiedBy


@dataclass(frozen=True)
class Catalog:
    vendors: list[Vendor]
    products: list[Product]  # only those of active vendors


@dataclass(frozen=True)
class SaleOutcome:
    """A committed sale: what the buyer sees on the success screen."""

    sale: RecordedSale
    buyer: BuyerStatus | None  # the month including this sale; None for a public buyer
    receipt_job: int | None  # None: the receipt could not be queued (reprint it)


class SaleService:
    def __init__(
        self,
        *,
        identify: IdentifyService,
        standing: StandingService,
        checkout: CheckoutService,
        receipts: ReceiptService,
        qris: QrisPaymentService,
        catalog: CatalogPort,
        operators: OperatorService,
        changes: ChangeFeed,
    ) -> None:
        self._identify = identify
        self._standing = standing
        self._checkout = checkout
        self._receipts = receipts
        self._qris = qris
        self._catalog = catalog
        self._operators = operators
        self._changes = changes

    # -- operator -----------------------------------------------------------------------------
    def operators_on_duty(self) -> list[OperatorInfo]:
        return self._operators.on_duty_list()

    def check_operator(self, name: str, pin: str) -> PinAnswer:
        return self._operators.check(name, pin)

    def operator_wait(self, name: str) -> float:
        return self._operators.wait(name)

    # -- buyer (ScanError or NipError when the payload or NIP is refused) -----------------------
    def identify_scan(self, payload: str) -> Identified:
        found = self._identify.scan(payload)
        return Identified(self._standing.lookup(found.nip), found.by)

    def identify_typed(self, text: str) -> Identified:
        found = self._identify.typed(text)
        return Identified(self._standing.lookup(found.nip), found.by)

    # -- basket -------------------------------------------------------------------------------
    def catalog(self) -> Catalog:
        vendors = self._catalog.vendors(active_only=True)
        active = {vendor.kode_umkm for vendor in vendors}
        products = [p for p in self._catalog.products(active_only=True) if p.kode_umkm in active]
        return Catalog(vendors, products)

    # -- paying -------------------------------------------------------------------------------
    @property
    def qris_available(self) -> bool:
        return self._qris.available

    @property
    def qris_is_sample(self) -> bool:
        """The QRIS is the demo's example, not the stall's: the screen marks it so."""
        return self._qris.is_sample

    def qris_charge(self, amount: int) -> QrisCharge:
        return self._qris.charge(amount)

    def commit(self, request: SaleRequest) -> SaleOutcome:
        """Record the sale durably with its receipt's place in the queue (one transaction),
        then lay out the receipt into that place. Once the ledger has it nothing may make it
        look failed, or the operator would ring it up again. A touchscreen sale belongs to a
        till shift: without one it is refused (and the ledger refuses a closed one)."""
        if request.shift_id is None:
            raise DomainError(
                ShiftProblem.NO_OPEN_SHIFT, "no till shift is open: log in to open one first"
            )
        result = self._checkout.checkout(
            request.lines,
            buyer_nip=request.nip,
            operator=request.operator,
            payment=request.payment,
            identity=BuyerIdentity.at_the_kiosk(request.identified_by),
            hold_receipt=True,
            shift_id=request.shift_id,
        )
        job: int | None
        try:
            job = self._receipts.print_sale(result.sale, result.buyer)
        except Exception as error:  # logged (never the receipt's words); reprint offered
            log_failure(
                log, f"sale {result.sale.number} committed; its receipt could not be queued", error
            )
            job = None
        self._changes.publish(Change.SALES, Change.PRINTING)
        return SaleOutcome(result.sale, result.buyer, job)

    def reprint(self, number: str) -> int:
        job = self._receipts.reprint(number)
        self._changes.publish(Change.PRINTING)
        return job

    def receipt_in_doubt(self) -> ReceiptInDoubt | None:
        """After a restart: the last sale, if its receipt may not have printed (the screen
        asks the operator whether to reprint it)."""
        return self._receipts.last_in_doubt()
