"""Ringing up a sale: the basket is checked, committed durably, and only then reported done."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from ..domain.buyer import BuyerStatus
from ..domain.cart import CartError, CartLine, CartProblem, Payment
from ..domain.identity import BuyerIdentity
from ..domain.nip import parse_nip
from ..domain.records import RecordedSale, SaleDraft
from .clock import Clock, utc_now
from .ports import CatalogPort, SalesLedgerPort
from .safe_log import log_failure
from .standing import StandingService

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CheckoutResult:
    sale: RecordedSale
    buyer: BuyerStatus | None  # the buyer's month including this sale; None for a public buyer


class CheckoutService:
    def __init__(
        self,
        ledger: SalesLedgerPort,
        catalog: CatalogPort,
        standing: StandingService,
        clock: Clock = utc_now,
    ) -> None:
        self._ledger = ledger
        self._catalog = catalog
        self._standing = standing
        self._clock = clock

    def checkout(
        self,
        lines: Sequence[CartLine],
        *,
        buyer_nip: str | None,
        operator: str,
        payment: Payment,
        note: str | None = None,
        identity: BuyerIdentity | None = None,
        hold_receipt: bool = False,
        shift_id: str | None = None,
    ) -> CheckoutResult:
        """``hold_receipt``: the sale's receipt job is written with the sale (the kiosk's
        commit), so a crash before the receipt is queued cannot leave the sale without one.
        ``shift_id``: the till shift it is rung up in (the touchscreen's sales; None for demo
        seeding and tests that ring up outside a shift)."""
        active = {v.kode_umkm for v in self._catalog.vendors(active_only=True)}
        unknown = sorted({line.vendor_code for line in lines} - active)
        if unknown:
            raise CartError(
                CartProblem.INACTIVE_VENDOR,
                f"UMKM {', '.join(unknown)} is not an active vendor here",
                vendors=", ".join(unknown),
            )
        nip = parse_nip(buyer_nip) if buyer_nip else None
        draft = SaleDraft(
            lines=tuple(lines),
            nip=nip,
            operator=operator,
            payment=payment,
            created_at=self._clock(),
            note=note,
            identity=identity,
            shift_id=shift_id,
        )
        sale = self._ledger.append_sale(draft, hold_receipt=hold_receipt)
        # The sale is committed: nothing after this line may make it look failed, or the
        # operator would ring it up again. The buyer's month is a nicety.
        buyer = None
        if nip:
            try:
                buyer = self._standing.lookup(nip, sale.created_at)
            except Exception as error:  # its words may quote the NIP: class and place only
                log_failure(
                    log, f"sale {sale.number} committed; the buyer's month could not be read", error
                )
        return CheckoutResult(sale, buyer)
