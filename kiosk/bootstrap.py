"""The composition root: the one place that picks concrete adapters and wires the services.

Nothing happens at import time; callers build a Kiosk from settings and close it when done.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError, OperationalError

from .config import Settings
from .ledger.admin_store import AdminStore
from .ledger.audit import seal_first_time
from .ledger.backup import backup_sqlite
from .ledger.catalog_store import CatalogStore
from .ledger.central_state import CentralStateReader
from .ledger.engine import Database, create_ledger_engine
from .ledger.ledger_key import LedgerKey, LedgerKeyError, create_ledger_key_file, read_ledger_key
from .ledger.migrate import MigrationResult, migrate
from .ledger.operator_store import OperatorStore
from .ledger.payout_store import PayoutStore
from .ledger.pin_guard_store import PinGuardStore
from .ledger.print_jobs import PrintJobStore, PrintJobView
from .ledger.queries import SpendingQueries
from .ledger.report_queries import ReportQueries
from .ledger.roster_store import RosterStore
from .ledger.sales_ledger import SalesLedger
from .ledger.seals import has_keyed_entries, has_seals
from .ledger.settlement_queries import SettlementQueries
from .ledger.shift_store import ShiftStore
from .ledger.stock_store import StockStore
from .ledger.verify import ExpectedHead, VerifyReport, verify_ledger
from .printing.devices.printers import ReceiptPrinter, make_printer
from .printing.devices.worker import PrintWorker
from .printing.document import PrintDocument
from .printing.receipt import StallInfo
from .services.admin import AdminService
from .services.admin_desk import AdminDesk, ImportLimits
from .services.admin_pin import AdminPinService
from .services.back_end import BackEnd
from .services.card_keys import create_card_key_file, read_card_keys
from .services.cards import CardService
from .services.catalog_import import CatalogImporter
from .services.central_status import CentralStatusService
from .services.changes import Change, ChangeFeed
from .services.checkout import CheckoutService
from .services.clock import Clock, utc_now
from .services.compliance import ComplianceService
from .services.demo import DemoSeeder
from .services.exports import ExportService
from .services.identify import IdentifyService
from .services.operators import OperatorService
from .services.payouts import PayoutService
from .services.pin_guard import PinGuard
from .services.printer_desk import PrinterDesk, describe
from .services.printing_ports import PrinterStatus, Problem, QueueState
from .services.private_files import private_file, private_folder, tighten
from .services.qris_payment import QrisPaymentService
from .services.receipts import ReceiptService
from .services.reports import ReportService
from .services.revoked_cards import RevokedCards
from .services.roster_import import RosterImporter
from .services.sale import SaleService
from .services.sales_import import SalesImporter
from .services.shift import ShiftService
from .services.stall import StallClock, StallFacts
from .services.standing import StandingService
from .services.stock import StockService
from .services.sync import SyncService, SyncWorker

log = logging.getLogger(__name__)
SAMPLE_DIR = Path(__file__).resolve().parent.parent / "assets" / "sample"
log = logging.getLogger(__name__)


class DatabaseMissing(RuntimeError):
    pass


class DatabaseUnusable(RuntimeError):
    pass


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def _encode(document: PrintDocument, profile: str) -> bytes:
    # Imported on first print: python-escpos and Pillow cost every CLI command ~0.2 s.
    from .printing.escpos_output import encode

    return encode(document, profile)


def _preview(document: PrintDocument) -> str:
    from .printing.preview import preview_text

    return preview_text(document)


class SentNow(NamedTuple):
    """What ``Kiosk.print_now`` did: the job afterwards, the printer's status after a job
    that went through, and the problem when it did not."""

    job: PrintJobView | None
    status: PrinterStatus | None
    problem: Problem | None


@dataclass
class Kiosk:
    settings: Settings
    db: Database
    migration: MigrationResult
    clock: Clock
    created_ledger_key: bool = False
    first_sealed: tuple[str, ...] = ()  # subjects sealed for the first time by this open
    sales_ledger: SalesLedger = field(init=False)
    sync_worker: SyncWorker | None = field(init=False, default=None)
    _sync: SyncService | None = field(init=False, default=None)
    _central_engine: Any = field(init=False, default=None)

    def __post_init__(self) -> None:
        s, db, clock = self.settings, self.db, self.clock
        tz = s.stall.tz
        self.sales_ledger = SalesLedger(db, s.stall.kiosk_id)
        self.roster = RosterStore(db)
        self.catalog = CatalogStore(db)
        self.spending = SpendingQueries(db)
        self.admin_store = AdminStore(db)
        self.print_jobs = PrintJobStore(db)
        self.standing = StandingService(
            self.roster, self.spending, self.admin_store, s.regulation, tz, clock
        )
        self.checkout = CheckoutService(self.sales_ledger, self.catalog, self.standing, clock)
        self.compliance = ComplianceService(
            self.roster, self.spending, self.admin_store, s.regulation, tz
        )
        # Settlement with each UMKM: the figures in one place, payouts checked against them.
        self.settlement = SettlementQueries(db, s.settlement.fee_percent, tz)
        self.shift_store = ShiftStore(db, s.stall.kiosk_id)
        self.exports = ExportService(
            self.compliance,
            self.roster,
            self.spending,
            tz,
            s.export.delimiter,
            settlement=self.settlement,
            shift_store=self.shift_store,
        )
        self.roster_importer = RosterImporter(
            self.roster,
            s.regulation.tiers,
            max_deactivation_share=s.roster.max_deactivation_share,
            clock=clock,
        )
        self.catalog_importer = CatalogImporter(self.catalog, clock)
        # One reader per kiosk: it re-reads the file only when it changes.
        self.revoked_cards = RevokedCards(s.cards.revoked_file)
        self.sales_importer = SalesImporter(self.sales_ledger, self.catalog, tz, clock)
        self.admin = AdminService(self.sales_ledger, self.admin_store, clock)
        # One guard for every PIN, kept in the ledger: a restart hands out no fresh attempts.
        self.pin_guard = PinGuard(PinGuardStore(db), clock)
        self.admin_pin = AdminPinService(self.admin_store, clock, guard=self.pin_guard)
        self.operators = OperatorService(
            OperatorStore(db),
            clock,
            lambda: {v.kode_umkm for v in self.catalog.vendors()},
            guard=self.pin_guard,
        )
        self.qris = QrisPaymentService(s.payment.qris)
        self.print_worker: PrintWorker | None = None
        # The one printer object: the worker prints with it, the admin screen asks it.
        self.printer: ReceiptPrinter | None = make_printer(s.printer)
        self.changes = ChangeFeed()
        self.stall_clock = StallClock(tz, clock)
        self.payouts = PayoutService(
            PayoutStore(db, s.stall.kiosk_id, self.settlement.saldo),
            self.settlement,
            self.stall_clock,
            self.changes,
        )
        # The till: shifts (sesi kasir) as chain entries, one open per kiosk.
        self.shifts = ShiftService(self.shift_store, self.stall_clock, self.changes)
        # Consignment counts for the day (titip jual): optional, per product.
        self.stock = StockService(StockStore(db, tz), self.stall_clock, self.changes)
        stall = StallInfo(s.stall.name, s.stall.address, s.stall.kiosk_id, s.stall.receipt_footer)
        self.receipts = ReceiptService(
            self.print_jobs,
            self.sales_ledger,
            self.catalog,
            self.standing,
            stall,
            width=s.printer.chars_per_line,
            tz=tz,
            encode=lambda document: _encode(document, s.printer.profile),
            preview=_preview,
            open_drawer_on_cash=s.printer.open_cash_drawer,
            clock=clock,
            wake=self._wake_printer,
        )
        # The X/Z reports and the UMKM slips: the till's and the settlement's figures on paper.
        self.reports = ReportService(
            ReportQueries(db, s.stall.kiosk_id, tz),
            s.settlement.fee_percent,
            stall,
            self.stall_clock,
            width=s.printer.chars_per_line,
            queue=self.receipts.queue,
            preview=_preview,
            stock=lambda day: self.stock.by_umkm(day),
        )

    def _wake_printer(self) -> None:
        if self.print_worker is not None:
            self.print_worker.wake()

    def start_printing(
        self, on_state: Callable[[QueueState], None] = lambda state: None
    ) -> PrintWorker | None:
        """Start the background print worker (None when the config prints nothing)."""
        if self.printer is None:
            return None
        self.print_worker = PrintWorker(
            self.print_jobs, self.printer, on_state=on_state, clock=self.clock
        )
        self.print_worker.start()
        return self.print_worker

    def sync_service(self) -> SyncService | None:
        """Push to and pull from the central store; None for a single kiosk
        (no central section): then nothing about the kiosk changes."""
        central = self.settings.central
        if central.url is None:
            return None
        if self._sync is None:
            # Imported here: a single kiosk never loads the PostgreSQL driver.
            from .central.push import CentralPush, central_engine
            from .central.state import SyncState

            kiosk_id = self.settings.stall.kiosk_id
            state = SyncState(self.db, kiosk_id)
            self._central_engine = central_engine(central.url)
            push = CentralPush(self.db, self._central_engine, kiosk_id, state, self.clock)
            self._sync = SyncService(push, state, self.clock, pull=self._pull_from_central)
        return self._sync

    def _pull_from_central(self) -> str | None:
        """The roster, catalogue, exemptions and operators the admin imported centrally; the
        screens hear of what changed. A kind central holds bad data for is refused whole and
        its sentence becomes the sync's error (the other kinds still arrive)."""
        from .central.pull import pull_reference_data

        result = pull_reference_data(
            self._central_engine, self.db, self.clock, tiers=tuple(self.settings.regulation.tiers)
        )
        changed = [
            change
            for count, change in (
                (result.roster_snapshots, Change.ROSTER),
                (result.vendors + result.products, Change.CATALOG),
                (result.exemptions, Change.EXEMPTIONS),
                (result.operators, Change.OPERATORS),
            )
            if count
        ]
        if changed:
            self.changes.publish(*changed)
        return result.line() if result.problems else None

    def start_sync(self) -> SyncWorker | None:
        """The background sync of the running kiosk (None without a central section)."""
        service = self.sync_service()
        if service is None or self.sync_worker is not None:
            return self.sync_worker
        self.sync_worker = SyncWorker(service, self.settings.central.interval_seconds)
        self.sync_worker.start()
        return self.sync_worker

    def repair_receipts(self) -> int:
        """At start-up, before the screens: every recent sale left without a receipt job
        gets one, held for the operator (ReceiptService.repair_missing)."""
        repaired = self.receipts.repair_missing()
        if repaired:
            log.warning("%d sale(s) had no receipt job; held for the operator to reprint", repaired)
        return repaired

    def identify_service(self) -> IdentifyService:
        return IdentifyService(
            read_card_keys(self.settings.cards.key_file),
            accept_unsigned=self.settings.scan.accept_unsigned,
            revoked=self.revoked_cards.current,
        )

    def back_end(self) -> BackEnd:
        """What the screens get: the sale, the admin's desk, the printer, the clock."""
        s = self.settings
        identify = self.identify_service()  # reads the card keys once
        self.revoked_cards.current()  # a broken revoked-cards file is logged at start-up
        printer = PrinterDesk(
            setup=describe(s.printer, s.printer.chars_per_line),
            status=self.printer.status if self.printer is not None else None,
            unprinted=self.print_jobs.unprinted_count,
            test_page=self._print_test_page,
            changes=self.changes,
        )

        def start_printing() -> None:
            self.start_printing(on_state=printer.publish)

        return BackEnd(
            stall=StallFacts(s.stall.name, s.stall.kiosk_id, self.stall_clock),
            sale=SaleService(
                identify=identify,
                standing=self.standing,
                checkout=self.checkout,
                receipts=self.receipts,
                qris=self.qris,
                catalog=self.catalog,
                operators=self.operators,
                changes=self.changes,
            ),
            admin=AdminDesk(
                pin=self.admin_pin,
                admin=self.admin,
                compliance=self.compliance,
                spending=self.spending,
                exports=self.exports,
                export_folder=s.export.folder,
                sales=self.sales_ledger,
                receipts=self.receipts,
                roster=self.roster,
                admin_store=self.admin_store,
                identify=identify,
                revoked_cards=self.revoked_cards.problem,
                roster_importer=self.roster_importer,
                catalog_importer=self.catalog_importer,
                limits=ImportLimits(s.roster.max_deactivation_share),
                clock=self.stall_clock,
                changes=self.changes,
                payouts=self.payouts,
                central=self.central_status(),
            ),
            printer=printer,
            changes=self.changes,
            till=self.shifts,
            stock=self.stock,
            reports=self.reports,
            start_printing=start_printing,
            close=self.close,
            sync=self.sync_service(),
            start_sync=self.start_sync,
        )

    def central_status(self) -> CentralStatusService:
        """The sync state with central as the admin area shows it (disabled: no section)."""
        s = self.settings
        return CentralStatusService(
            CentralStateReader(self.db, s.stall.kiosk_id), s.stall.tz, enabled=s.central.enabled
        )

    def _print_test_page(self) -> int:
        from .printing.escpos_output import codepage_note  # python-escpos: heavy, import late

        profile = self.settings.printer.profile
        return self.receipts.print_test_page(profile, codepage_note(profile))

    def demo_seeder(self, sample_dir: Path = SAMPLE_DIR) -> DemoSeeder:
        return DemoSeeder(
            sample_dir,
            self.roster_importer,
            self.catalog_importer,
            self.roster,
            self.catalog,
            self.sales_ledger,
            self.operators,
            self.settings.stall.tz,
            self.clock,
        )

    def print_now(self, job_id: int) -> SentNow:
        """Send one queued job at once, bypassing the queue order (``printer test``); the
        printer's status is asked again only after a job went through (after a failure the
        problem says it, and a silent printer would cost another timeout)."""
        if self.printer is None:
            return SentNow(None, None, None)
        worker = PrintWorker(self.print_jobs, self.printer, clock=self.clock)
        worker.run_once(job_id)
        job = self.print_jobs.get(job_id)
        if job is None or job.status != "printed":
            return SentNow(job, None, worker.state.problem)
        return SentNow(job, self.printer.status(), None)

    def card_service(self) -> CardService:
        # Imported here: qrcode and Pillow are for the card sheet only, not every command.
        from .printing.cards import write_cards_pdf

        return CardService(
            self.roster,
            self.settings.regulation,
            self.settings.cards.key_file,
            self.stall_clock.today,
            write_cards_pdf,
        )

    def is_empty(self) -> bool:
        return not self.catalog.vendors()

    def verify(self, expect_head: ExpectedHead | None = None) -> VerifyReport:
        return verify_ledger(
            self.db,
            kiosk_id=self.settings.stall.kiosk_id,
            key=self.db.key,
            expect_head=expect_head,
        )

    def backup(self, folder: Path | None = None) -> Path:
        """A new copy named by the local time; never overwrites an earlier copy (two backups in
        the same second get ledger-…-2.db, -3.db and so on)."""
        stamp = self.clock().astimezone(self.settings.stall.tz).strftime("%Y%m%d-%H%M%S")
        folder = folder or self.settings.backup_folder
        target = folder / f"ledger-{stamp}.db"
        counter = 1
        while target.exists() or target.with_name(target.name + ".partial").exists():
            counter += 1
            target = folder / f"ledger-{stamp}-{counter}.db"
        return backup_sqlite(self.db, target)

    def close(self) -> None:
        if self.print_worker is not None:
            self.print_worker.stop()
        if self.sync_worker is not None:
            self.sync_worker.stop()
        if self._central_engine is not None:
            self._central_engine.dispose()
        self.db.dispose()

    def __enter__(self) -> Kiosk:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def open_kiosk(settings: Settings, *, create: bool = False, clock: Clock = utc_now) -> Kiosk:
    """Open (and migrate, after a backup copy) the ledger. Without ``create``, a SQLite file
    that does not exist yet is an error: a typo in --config must not start an empty ledger."""
    from sqlalchemy.exc import NoSuchModuleError  # a driver named in the URL is not installed

    path = sqlite_path(settings.database_url)
    if path is not None:
        if not path.exists() and not create:
            raise DatabaseMissing(f"there is no database at {path}; run 'jikubata init' first")
        private_folder(path.parent)
        if not path.exists():
            private_file(path)  # owner-only from the start; SQLite gives its WAL the same mode

    def driver_missing(error: Exception) -> DatabaseUnusable:
        # e.g. plain postgresql:// means psycopg2, which the project does not install
        if make_url(settings.database_url).get_backend_name() == "postgresql":
            return DatabaseUnusable(
                f"database.url needs the PostgreSQL driver ({error}): use postgresql+psycopg://… "
                "and install the project's postgres extra (pip install 'jikubata-kiosk[postgres]')"
            )
        return DatabaseUnusable(
            f"database.url names a database driver that is not installed ({error})"
        )

    try:
        db = Database(create_ledger_engine(settings.database_url))
    except (ImportError, NoSuchModuleError) as error:
        raise driver_missing(error) from None
    try:
        result = migrate(db, settings.backup_folder)
    except (ImportError, NoSuchModuleError) as error:
        db.dispose()
        raise driver_missing(error) from None
    except DatabaseError as error:
        db.dispose()
        if isinstance(error, OperationalError):
            raise  # locked, disk full, no permission: the CLI words those
        where = path or make_url(settings.database_url).render_as_string(hide_password=True)
        raise DatabaseUnusable(
            f"{where} is not a usable Jiku Bata database ({error.orig})"
        ) from None
    except Exception:
        db.dispose()
        raise
    try:
        db.key, created = _ledger_key(settings, db, create=create)
        sealed = _seal_first_time(db, clock)
    except Exception:
        db.dispose()
        raise
    return Kiosk(settings, db, result, clock, created, sealed)


def _ever_keyed(db: Database) -> bool:
    with db.read() as connection:
        return has_seals(connection) or has_keyed_entries(connection)


def _ledger_key(settings: Settings, db: Database, *, create: bool) -> tuple[LedgerKey, bool]:
    """The ledger key from its file; made here (by ``init`` and the kiosk's start) only for a
    database that never had one. Without it the ledger can be read and verified (the MACs
    unchecked), not written."""
    path = settings.ledger.key_file
    key = read_ledger_key(path)
    if key.present or not create:
        return key, False
    if _ever_keyed(db):
        raise LedgerKeyError(
            f"{path}: the ledger key file is missing, but this database was written with one; "
            "restore the key file from its backup (a new key would make every entry look forged)"
        )
    created = create_ledger_key_file(path)
    return read_ledger_key(path), created


def _seal_first_time(db: Database, clock: Clock) -> tuple[str, ...]:
    if not db.key.present or _ever_keyed(db):
        return ()  # sealed already (or not ours to seal: verify says why)
    with db.write() as connection:
        return tuple(seal_first_time(connection, clock()))


def start_kiosk(settings: Settings, *, demo: bool) -> Kiosk:
    """The kiosk as `jikubata run` opens it: the ledger created or migrated, the receipts a
    crash left without a job repaired, the demo data seeded into an empty demo ledger."""
    kiosk, result = init_kiosk(settings)
    if result.tightened:
        log.warning(
            "made %d files and folders readable by this user only (an older version left "
            "them open to others)",
            len(result.tightened),
        )
    try:
        kiosk.repair_receipts()
        if demo and kiosk.is_empty():
            kiosk.demo_seeder().seed()
        return kiosk
    except BaseException:
        kiosk.close()
        raise


def open_back_end(settings: Settings, *, demo: bool) -> BackEnd:
    """Everything behind the screen (``start_kiosk``); runs on a worker thread while the idle
    screen is up."""
    kiosk = start_kiosk(settings, demo=demo)
    try:
        return kiosk.back_end()
    except BaseException:
        kiosk.close()
        raise


@dataclass(frozen=True)
class InitResult:
    migration: MigrationResult
    created_key_file: bool
    created_ledger_key: bool = False
    first_sealed: tuple[str, ...] = ()
    tightened: list[Path] = field(default_factory=list)  # were open to others; now owner-only


def init_kiosk(settings: Settings, clock: Clock = utc_now) -> tuple[Kiosk, InitResult]:
    kiosk = open_kiosk(settings, create=True, clock=clock)
    created = create_card_key_file(settings.cards.key_file)
    tightened = tighten(kiosk_folders(settings), never=(settings.base_dir, Path.home()))
    return kiosk, InitResult(
        kiosk.migration, created, kiosk.created_ledger_key, kiosk.first_sealed, tightened
    )


def kiosk_folders(settings: Settings) -> list[Path]:
    """The folders only the kiosk writes to: the ledger's, backups, exports, receipts, logs."""
    folders = [settings.backup_folder, settings.export.folder, settings.log.folder]
    folders += [settings.cards.key_file.parent, settings.cards.revoked_file.parent]
    folders.append(settings.ledger.key_file.parent)
    database = sqlite_path(settings.database_url)
    if database is not None:
        folders.append(database.parent)
    if settings.printer.connection == "file":
        folders.append(settings.printer.path)
    return list(dict.fromkeys(folders))
