"""Everything the admin area may do, in one narrow place: the PIN, the month's figures,
exports, voids and reprints, exemptions, imports. Each change is published, so the selling
screen shows a new catalogue at once and nothing needs a restart."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..domain.errors import DomainError
from ..domain.identity import TypedShare
from ..domain.months import Month
from ..domain.records import Product, RecordedSale, RosterPerson, Vendor
from .admin import AdminService
from .admin_pin import AdminPinService
from .catalog_import import CatalogImporter, CatalogPreview
from .central_status import CentralStatus, CentralStatusService
from .changes import Change, ChangeFeed
from .compliance import ComplianceService, OpdSummary
from .export_kinds import ExportKind
from .exports import ExportService
from .identify import IdentifyService
from .payouts import PayoutService
from .pin_guard import PinAnswer
from .ports import AdminPort, RosterPort, SalesLedgerPort, SpendingPort
from .receipts import ReceiptService
from .roster_import import RosterImporter, RosterPreview
from .safe_log import log_failure
from .stall import StallClock

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class MonthOverview:
    opds: list[OpdSummary]
    vendors: list  # type: ignore[type-arg]  # the spending port's vendor revenue rows
    typed: list[TypedShare]  # per operator: ASN buyers whose NIP was typed


@dataclass(frozen=True)
class ExemptionCheck:
    nip: str
    month: Month
    person: RosterPerson | None  # on the roster at the end of that month
    already_exempt: bool


@dataclass(frozen=True)
class ImportLimits:
    max_deactivation_share: float  # a roster removing more people needs the admin's "yes"


class AdminDesk:
    def __init__(
        self,
        *,
        pin: AdminPinService,
        admin: AdminService,
        compliance: ComplianceService,
        spending: SpendingPort,
        exports: ExportService,
        export_folder: Path,
        sales: SalesLedgerPort,
        receipts: ReceiptService,
        roster: RosterPort,
        admin_store: AdminPort,
        identify: IdentifyService,
        revoked_cards: Callable[[], DomainError | None] = lambda: None,
        roster_importer: RosterImporter,
        catalog_importer: CatalogImporter,
        limits: ImportLimits,
        clock: StallClock,
        changes: ChangeFeed,
        payouts: PayoutService,
        central: CentralStatusService | None = None,
    ) -> None:
        self._central = central
        self._pin = pin
        self._admin = admin
        self._compliance = compliance
        self._spending = spending
        self._exports = exports
        self.export_folder = export_folder
        self._sales = sales
        self._receipts = receipts
        self._roster = roster
        self._admin_store = admin_store
        self._identify = identify
        self._revoked_cards = revoked_cards
        self._roster_importer = roster_importer
        self._catalog_importer = catalog_importer
        self.limits = limits
        self._clock = clock
        self._changes = changes
        self.payouts = payouts  # paying each UMKM: balances, payouts, reversals

    # -- the admin PIN --------------------------------------------------------------------------
    def pin_is_set(self) -> bool:
        return self._pin.is_set()

    def check_pin(self, pin: str) -> PinAnswer:
        """Checked and counted here, not on the screen: a lock outlives a restart."""
        return self._pin.check(pin)

    def pin_wait(self) -> float:
        return self._pin.wait()

    # -- figures and exports --------------------------------------------------------------------
    def month_overview(self, month: Month) -> MonthOverview:
        start, end = month.utc_bounds(self._clock.tz)
        return MonthOverview(
            self._compliance.opd_summary(month),
            self._spending.vendor_revenue(start, end),
            self._spending.typed_shares(start, end),
        )

    @property
    def default_delimiter(self) -> str:
        return self._exports.delimiter

    def export(self, kind: ExportKind, month: Month, out: Path, delimiter: str) -> int:
        """One of the monthly CSVs of the registry; returns the rows written."""
        return kind.run(self._exports, month, out, delimiter)

    # -- sales: find, void, reprint -------------------------------------------------------------
    def find_sale(self, number: str) -> RecordedSale | None:
        return self._sales.find(number)

    def void(self, number: str, reason: str, *, actor: str) -> RecordedSale:
        """The void is recorded first; its slip is paper on top (never undoes the void)."""
        voided = self._admin.void(number, reason, actor=actor)
        try:
            self._receipts.print_void(voided, reason=reason, actor=actor)
        except Exception as error:  # the void stands; the slip can be printed again as a copy
            log_failure(log, f"void of {number} recorded; its slip could not be queued", error)
        self._changes.publish(Change.SALES, Change.PRINTING)
        return voided

    # -- the revoked-cards file ----------------------------------------------------------------
    def revoked_cards_problem(self) -> DomainError | None:
        """What is wrong with the revoked-cards file (None: nothing); reads it if it changed."""
        return self._revoked_cards()

    # -- the sync with central ------------------------------------------------------------------
    @property
    def central_enabled(self) -> bool:
        """Whether the config names a central (no I/O: the menu asks while it is built)."""
        return self._central is not None and self._central.enabled

    def central_status(self) -> CentralStatus | None:
        """The last successful sync, entries waiting, the last error and the alarm, read from
        the kiosk's own ledger (no network); None when the kiosk has no central section."""
        return self._central.status() if self._central is not None else None

    # -- exemptions -----------------------------------------------------------------------------
    def nip_from_scan(self, payload: str) -> str:
        """A card scanned in the exemptions screen (ScanError when refused)."""
        return self._identify.scan(payload).nip

    def check_exemption(self, nip: str, month: Month) -> ExemptionCheck:
        person = self._roster.person_on(nip, month.last_day)
        return ExemptionCheck(nip, month, person, self._admin_store.is_exempt(nip, month))

    def exempt(self, nip: str, month: Month, reason: str, *, actor: str) -> None:
        self._admin.exempt(nip, month, reason, actor=actor)
        self._changes.publish(Change.EXEMPTIONS)

    # -- imports --------------------------------------------------------------------------------
    def preview_roster(self, path: Path, as_of: dt.date) -> RosterPreview:
        return self._roster_importer.preview(path, as_of)

    def preview_vendors(self, path: Path) -> CatalogPreview[Vendor]:
        return self._catalog_importer.preview_vendors(path)

    def preview_products(self, path: Path) -> CatalogPreview[Product]:
        return self._catalog_importer.preview_products(path)

    def import_roster(self, path: Path, as_of: dt.date, *, force: bool) -> None:
        self._roster_importer.import_file(path, as_of, force=force)
        self._changes.publish(Change.ROSTER)

    def import_vendors(self, path: Path) -> None:
        self._catalog_importer.import_vendors(path)
        self._changes.publish(Change.CATALOG, Change.OPERATORS)

    def import_products(self, path: Path) -> None:
        self._catalog_importer.import_products(path)
        self._changes.publish(Change.CATALOG)
