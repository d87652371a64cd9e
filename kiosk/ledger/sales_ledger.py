"""Writing sales and voids to the append-only ledger, and reading them back by number."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import replace

from sqlalchemy import Connection, insert, select

from ..domain.errors import DomainError, DuplicateImport, LedgerProblem, RepeatedPaperSales
from ..domain.identity import BuyerIdentity
from ..domain.records import RecordedSale, SaleDraft, parse_sale_number, sale_number
from ..domain.shift import ShiftProblem
from ..services.ports import EarlierImport, PaperSale
from .audit import audit
from .chain_writer import chain_head, write_link
from .engine import Database
from .entries import LineFields, SaleEntry, VoidEntry, entry_row
from .fast_sql import FastStatement, db_time
from .ids import new_entry_id
from .models import Entry, Sale, SaleLine, SalesImport, Void
from .print_jobs import hold_receipt_job
from .till_queries import shift_state

ENTRIES = Entry.__table__
SALES = Sale.__table__
LINES = SaleLine.__table__
VOIDS = Void.__table__
IMPORTS = SalesImport.__table__
_TIMES_PER_QUERY = 500  # well below SQLite's limit on bound parameters

# Built once: constructing statements per sale costs more than executing them.
_INSERT_ENTRIES = FastStatement(insert(ENTRIES))
_INSERT_SALES = FastStatement(insert(SALES))
_INSERT_LINES = FastStatement(insert(LINES))


class SaleNotFound(DomainError):
    pass


class AlreadyVoided(DomainError):
    pass


def _imported_paper_sales(
    connection: Connection, wanted: Collection[PaperSale]
) -> dict[PaperSale, str]:
    """Of ``wanted``, the purchases a paper sale in the ledger already has (voided ones
    included), each with the name of the first file that brought it."""
    wanted = set(wanted)
    times = sorted({sale.at for sale in wanted})
    found: dict[PaperSale, str] = {}
    for start in range(0, len(times), _TIMES_PER_QUERY):
        rows = connection.execute(
            select(SALES.c.created_at, SALES.c.nip, LINES.c.kode_umkm, SALES.c.total)
            .add_columns(IMPORTS.c.file_name)
            .join(LINES, LINES.c.sale_id == SALES.c.id)
            .join(IMPORTS, IMPORTS.c.id == SALES.c.sales_import_id)
            .where(
                SALES.c.source == "import",
                SALES.c.created_at.in_(times[start : start + _TIMES_PER_QUERY]),
            )
            .order_by(IMPORTS.c.id)
        )
        for row in rows:
            sale = PaperSale(row.created_at, row.nip, row.kode_umkm, row.total)
            if sale in wanted:
                found.setdefault(sale, row.file_name)
    return found


class SalesLedger:
    def __init__(self, db: Database, kiosk_id: str) -> None:
        self._db = db
        self.kiosk_id = kiosk_id

    def append_sale(self, draft: SaleDraft, *, hold_receipt: bool = False) -> RecordedSale:
        """Commit one sale durably; only once this returns may the screen say it is done.
        With ``hold_receipt`` its receipt job is held in the same transaction (print_jobs.py),
        so no crash can leave the sale without one."""
        with self._db.write() as connection:
            seq, prev = chain_head(connection, self.kiosk_id)
            self._require_open_shift(connection, [draft])
            (recorded,) = self._insert_sales(connection, [draft], seq, prev, "kiosk", None)
            if hold_receipt:
                hold_receipt_job(
                    connection, recorded.id, f"Struk {recorded.number}", draft.created_at
                )
        return recorded

    def append_sales(self, drafts: Sequence[SaleDraft]) -> int:
        """Many kiosk sales in one transaction (demo seeding, benchmarks)."""
        with self._db.write() as connection:
            seq, prev = chain_head(connection, self.kiosk_id)
            self._require_open_shift(connection, drafts)
            self._insert_sales(connection, drafts, seq, prev, "kiosk", None)
        return len(drafts)

    def _require_open_shift(self, connection: Connection, drafts: Sequence[SaleDraft]) -> None:
        """A sale rung up in a shift goes in only while that shift is still open on this
        kiosk: checked inside the write transaction, so a close from the command line (or
        another screen) between Bayar and the commit cannot leave a sale in a closed shift."""
        for shift_id in {draft.shift_id for draft in drafts if draft.shift_id is not None}:
            kiosk_id, closed = shift_state(connection, shift_id)
            if kiosk_id != self.kiosk_id or closed:
                raise DomainError(
                    ShiftProblem.NO_OPEN_SHIFT,
                    "the till shift this sale was rung up in is no longer open; log in again",
                )

    def import_sales(
        self,
        drafts: Sequence[SaleDraft],
        *,
        file_name: str,
        file_sha256: str,
        actor: str,
        at: dt.datetime,
        allow_repeated: bool = False,
    ) -> int:
        """All rows of a paper-records file in one transaction, or none of them. The file and
        (unless ``allow_repeated``) each purchase must be new to the ledger: checked inside the
        write transaction, so two overlapping files imported at once cannot both get in."""
        with self._db.write() as connection:
            already = self._earlier_import(connection, file_sha256)
            if already:
                raise DuplicateImport(already.file_name, already.imported_at)
            if not allow_repeated:
                sales = [PaperSale.of(draft) for draft in drafts]
                earlier = _imported_paper_sales(connection, sales)
                if earlier:
                    raise RepeatedPaperSales(
                        {i: earlier[sale] for i, sale in enumerate(sales) if sale in earlier}
                    )

            import_id = connection.execute(
                insert(IMPORTS),
                {
                    "file_name": file_name,
                    "file_sha256": file_sha256,
                    "row_count": len(drafts),
                    "imported_at": at,
                    "imported_by": actor,
                },
            ).inserted_primary_key[0]
            seq, prev = chain_head(connection, self.kiosk_id)
            self._insert_sales(connection, drafts, seq, prev, "import", import_id)
            audit(connection, actor, "sales_import", at, file=file_name, rows=len(drafts))
        return len(drafts)

    def earlier_import(self, file_sha256: str) -> EarlierImport | None:
        """The import that brought a file with these purchases, if one did."""
        with self._db.read() as connection:
            return self._earlier_import(connection, file_sha256)

    @staticmethod
    def _earlier_import(connection: Connection, file_sha256: str) -> EarlierImport | None:
        row = connection.execute(
            select(IMPORTS.c.file_name, IMPORTS.c.imported_at).where(
                IMPORTS.c.file_sha256 == file_sha256
            )
        ).first()
        return None if row is None else EarlierImport(row.file_name, row.imported_at)

    def imported_paper_sales(self, sales: Collection[PaperSale]) -> dict[PaperSale, str]:
        with self._db.read() as connection:
            return _imported_paper_sales(connection, sales)

    def _insert_sales(
        self,
        connection: Connection,
        drafts: Sequence[SaleDraft],
        seq: int,
        prev: str,
        source: str,
        import_id: int | None,
    ) -> list[RecordedSale]:
        key = self._db.key
        key.require()  # before anything is built: no key, no entry
        entries, sales, lines, recorded = [], [], [], []
        for draft in drafts:
            seq += 1
            # A paper record's buyer was written down by hand, however the draft says.
            identity = BuyerIdentity.PAPER if source == "import" else draft.identity
            entry = SaleEntry(
                id=new_entry_id(),
                kiosk_id=self.kiosk_id,
                seq=seq,
                prev_hash=prev,
                created_at=draft.created_at.astimezone(dt.UTC),
                nip=draft.nip,
                operator=draft.operator,
                payment_method=draft.payment.method.value,
                cash_given=draft.payment.cash_given,
                total=draft.total,
                source=source,
                note=draft.note,
                lines=tuple(LineFields.of(line) for line in draft.lines),
                identified_by=identity.value if identity is not None else None,
                shift_id=draft.shift_id if source == "kiosk" else None,
            )
            digest = entry.hash()
            entries.append(entry_row(entry, digest, key.mac(digest)))
            sales.append(entry.sale_row(db_time(entry.created_at, connection.dialect), import_id))
            lines.extend(entry.line_rows())
            recorded.append(entry.recorded(draft.lines, digest))
            prev = digest
        _INSERT_ENTRIES.many(connection, entries)
        _INSERT_SALES.many(connection, sales)
        _INSERT_LINES.many(connection, lines)
        return recorded

    def void(self, number: str, *, reason: str, actor: str, at: dt.datetime) -> RecordedSale:
        """A void is a new entry pointing at the sale; the sale itself is never touched."""
        if not reason.strip():
            raise DomainError(LedgerProblem.VOID_WITHOUT_REASON, "a void needs a reason")
        kiosk_id, seq = parse_sale_number(number)
        with self._db.write() as connection:
            # The chain head first: it takes the writer's lock (an advisory lock on
            # PostgreSQL), so two admins voiding the same sale are told, not crashed.
            head_seq, prev = chain_head(connection, self.kiosk_id)
            sale = self._find(connection, kiosk_id, seq)
            if sale is None:
                number = sale_number(kiosk_id, seq)
                raise SaleNotFound(
                    LedgerProblem.SALE_NOT_FOUND, f"there is no sale {number}", number=number
                )
            if sale.voided:
                raise AlreadyVoided(
                    LedgerProblem.ALREADY_VOIDED,
                    f"sale {sale.number} was already voided",
                    number=sale.number,
                )
            entry = VoidEntry(
                id=new_entry_id(),
                kiosk_id=self.kiosk_id,
                seq=head_seq + 1,
                prev_hash=prev,
                created_at=at.astimezone(dt.UTC),
                sale_id=sale.id,
                reason=reason,
                voided_by=actor,
            )
            write_link(connection, self._db.key, entry)
            connection.execute(insert(VOIDS), entry.void_row())
            audit(connection, actor, "void", entry.created_at, sale=sale.number, reason=reason)
        return replace(sale, voided=True)

    def find(self, number: str) -> RecordedSale | None:
        kiosk_id, seq = parse_sale_number(number)
        with self._db.read() as connection:
            return self._find(connection, kiosk_id, seq)

    def _find(self, connection: Connection, kiosk_id: str, seq: int) -> RecordedSale | None:
        row = connection.execute(
            select(
                ENTRIES.c.kiosk_id,
                ENTRIES.c.seq,
                ENTRIES.c.prev_hash,
                ENTRIES.c.entry_hash,
                SALES,
                VOIDS.c.id.label("void_id"),
            )
            .join(SALES, SALES.c.id == ENTRIES.c.id)
            .outerjoin(VOIDS, VOIDS.c.sale_id == SALES.c.id)
            .where(ENTRIES.c.kiosk_id == kiosk_id, ENTRIES.c.seq == seq)
        ).first()
        if row is None:
            return None
        line_rows = connection.execute(
            select(LINES).where(LINES.c.sale_id == row.id).order_by(LINES.c.line_no)
        )
        entry = SaleEntry.from_row(row, map(LineFields.from_row, line_rows))
        lines = tuple(line.cart_line() for line in entry.lines)
        return entry.recorded(lines, row.entry_hash, voided=row.void_id is not None)
