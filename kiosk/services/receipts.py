"""Receipts into the print queue. The sale is already committed when anything here runs; a
print job only ever adds paper, never risks the sale."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from ..domain.buyer import BuyerStatus
from ..domain.errors import DomainError, LedgerProblem
from ..domain.months import Month
from ..domain.nip import mask_nip
from ..domain.records import RecordedSale, sale_number
from ..printing.document import PrintDocument
from ..printing.receipt import (
    BuyerLine,
    ReceiptData,
    StallInfo,
    layout_receipt,
    layout_test_page,
    layout_void_slip,
)
from .clock import Clock, utc_now
from .ports import CatalogPort, PrintJobPort, SalesLedgerPort
from .standing import StandingService


def month_label(month: Month) -> str:
    return month.label()


def buyer_line(buyer: BuyerStatus) -> BuyerLine:
    person = buyer.person
    return BuyerLine(
        nama=person.nama if person else None,
        masked_nip=mask_nip(buyer.nip),
        opd=person.opd if person else None,
        month_label=month_label(buyer.month),
        spent=buyer.standing.spent,
        minimum=buyer.standing.minimum,
        status=buyer.standing.status,
    )


@dataclass(frozen=True)
class ReceiptInDoubt:
    """A committed sale whose receipt may not have printed: for the operator to decide."""

    number: str
    total: int


class ReceiptService:
    def __init__(
        self,
        jobs: PrintJobPort,
        ledger: SalesLedgerPort,
        catalog: CatalogPort,
        standing: StandingService,
        stall: StallInfo,
        *,
        width: int,
        tz: ZoneInfo,
        encode: Callable[[PrintDocument], bytes],
        preview: Callable[[PrintDocument], str],
        open_drawer_on_cash: bool = False,
        clock: Clock = utc_now,
        wake: Callable[[], None] = lambda: None,
    ) -> None:
        self._jobs = jobs
        self._ledger = ledger
        self._catalog = catalog
        self._standing = standing
        self._stall = stall
        self._width = width
        self._tz = tz
        self._encode = encode
        self._preview = preview
        self._open_drawer = open_drawer_on_cash
        self._clock = clock
        self._wake = wake

    def queue(self, document: PrintDocument, kind: str, sale_id: str | None = None) -> int:
        """Lay the document into a new print job (its bytes and text preview); the job id."""
        job = self._jobs.add(
            kind=kind,
            title=document.title or kind,
            payload=self._encode(document),
            preview=self._preview(document),
            sale_id=sale_id,
            at=self._clock(),
        )
        self._wake()
        return job

    def print_sale(
        self, sale: RecordedSale, buyer: BuyerStatus | None, *, copy: bool = False
    ) -> int:
        names = {v.kode_umkm: v.nama for v in self._catalog.vendors()}
        data = ReceiptData(
            sale=sale,
            stall=self._stall,
            vendor_names=names,
            local_time=sale.created_at.astimezone(self._tz),
            buyer=buyer_line(buyer) if buyer else None,
            copy=copy,
        )
        document = layout_receipt(data, self._width)
        # The drawer opens for cash taken now, never for a reprint or a QRIS payment.
        opens = self._open_drawer and not copy and sale.payment_method == "TUNAI"
        document = PrintDocument(
            document.blocks,
            document.width,
            document.cut,
            opens,
            ("Salinan " if copy else "Struk ") + sale.number,
        )
        return self.queue(document, "copy" if copy else "receipt", sale.id)

    def reprint(self, number: str) -> int:
        """A copy of any receipt, marked SALINAN, showing the month as it stood at the sale."""
        sale = self._ledger.find(number)
        if sale is None:
            raise DomainError(
                LedgerProblem.SALE_NOT_FOUND, f"there is no sale {number}", number=number
            )
        buyer = self._standing.lookup(sale.nip, sale.created_at) if sale.nip else None
        return self.print_sale(sale, buyer, copy=True)

    def repair_missing(self) -> int:
        """At start-up: a held receipt job for each recent sale an older version (or a crash
        between its two steps) left without one; never printed without the operator."""
        return self._jobs.hold_missing_receipts(self._stall.kiosk_id, self._clock())

    def last_in_doubt(self) -> ReceiptInDoubt | None:
        found = self._jobs.last_sale_in_doubt(self._stall.kiosk_id)
        if found is None:
            return None
        seq, total = found
        return ReceiptInDoubt(sale_number(self._stall.kiosk_id, seq), total)

    def print_void(self, sale: RecordedSale, *, reason: str, actor: str) -> int:
        document = layout_void_slip(
            sale, self._stall, self._clock().astimezone(self._tz), reason, actor, self._width
        )
        document = PrintDocument(
            document.blocks, document.width, document.cut, False, f"Batal {sale.number}"
        )
        return self.queue(document, "void", sale.id)

    def print_test_page(self, profile: str, codepage_note: str) -> int:
        document = layout_test_page(self._stall, self._width, profile, codepage_note)
        document = PrintDocument(
            document.blocks, document.width, document.cut, False, "Tes printer"
        )
        return self.queue(document, "test", None)
