"""Recording purchases written down on paper while the kiosk was unavailable."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from ..domain.cart import CartLine, Payment, PaymentMethod
from ..domain.errors import DomainError, DuplicateImport, RepeatedPaperSales
from ..domain.money import parse_rupiah
from ..domain.nip import NIP_REASONS, check_nip
from ..domain.records import SaleDraft
from .clock import Clock, utc_now
from .csv_input import length_problems, read_csv
from .errors import ImportProblem, ImportRefused, RowCode, RowProblem
from .ports import CatalogPort, PaperSale, SalesLedgerPort

# ASCII digits in full: strptime alone takes "1:5" and Arabic-Indic digits.
_TIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}")
SALES_COLUMNS = ("waktu", "nip", "kode_umkm", "jumlah", "keterangan")
PAPER_DESCRIPTION = "Catatan manual"
# The programme began on 1 September 2022 (stall time): no paper sale can be older.
PROGRAMME_START = dt.datetime(2022, 9, 1)
_IF_TWICE = "if it really was bought twice, import with --allow-repeated-rows"


@dataclass(frozen=True)
class SalesPreview:
    drafts: list[SaleDraft]
    problems: list[RowProblem]
    content_sha256: str
    lines: list[int]  # the file line of each draft


class SalesImporter:
    def __init__(
        self, ledger: SalesLedgerPort, catalog: CatalogPort, tz: ZoneInfo, clock: Clock = utc_now
    ) -> None:
        self._ledger = ledger
        self._catalog = catalog
        self._tz = tz
        self._clock = clock

    def preview(
        self, path: Path, *, actor: str = "admin", allow_repeated_rows: bool = False
    ) -> SalesPreview:
        """Every row read and checked, nothing written. Unless ``allow_repeated_rows``, a
        purchase already in the ledger from an earlier file, or already on a line above, is
        that row's problem."""
        csv_rows = read_csv(path, SALES_COLUMNS)
        vendors = {v.kode_umkm for v in self._catalog.vendors()}
        now_local = self._clock().astimezone(self._tz).replace(tzinfo=None)
        drafts: list[SaleDraft] = []
        lines: list[int] = []  # the file line of each draft
        problems: list[RowProblem] = []
        for line, row in csv_rows.rows:
            found = len(problems)
            moment = self._moment(line, row["waktu"], now_local, problems)
            if row["nip"] and (problem := check_nip(row["nip"])):
                problems.append(
                    RowProblem.of(
                        line,
                        "nip",
                        RowCode.INVALID_NIP,
                        (
                            f"'{row['nip']}' is not a valid NIP: {NIP_REASONS[problem]} (leave it "
                            "empty for a public buyer)"
                        ),
                        value=row["nip"],
                        reason=problem,
                    )
                )
            if row["kode_umkm"] not in vendors:
                problems.append(
                    RowProblem.of(
                        line,
                        "kode_umkm",
                        RowCode.UNKNOWN_VENDOR,
                        f"'{row['kode_umkm']}' is not a known UMKM",
                        value=row["kode_umkm"],
                    )
                )
            problems += length_problems(line, row, {"keterangan": 200})
            amount = 0
            try:
                amount = parse_rupiah(row["jumlah"])
                if amount <= 0:
                    problems.append(
                        RowProblem.of(line, "jumlah", RowCode.NOT_POSITIVE, "must be more than Rp0")
                    )
            except DomainError as error:
                problems.append(RowProblem.from_error(line, "jumlah", error))
            if len(problems) > found or moment is None:
                continue
            try:
                drafts.append(
                    SaleDraft(
                        lines=(
                            CartLine(
                                row["kode_umkm"], row["keterangan"] or PAPER_DESCRIPTION, amount
                            ),
                        ),
                        nip=row["nip"] or None,
                        operator=actor,
                        payment=Payment(PaymentMethod.TUNAI),
                        created_at=moment,
                        note=row["keterangan"] or None,
                    )
                )
                lines.append(line)
            except DomainError as error:
                problems.append(RowProblem.from_error(line, None, error))
        if not allow_repeated_rows:
            problems += self._repeated(drafts, lines)
            problems.sort(key=lambda problem: problem.line)  # stable: a line's own order stays
        # Same purchases = same file, however it was re-saved or re-typed: the parsed
        # purchases in a fixed order (amounts as numbers, times as instants), not the bytes.
        content = json.dumps(
            sorted(
                [
                    d.created_at.isoformat(),
                    d.nip or "",
                    d.lines[0].vendor_code,
                    d.total,
                    d.note or "",
                ]
                for d in drafts
            )
        )
        return SalesPreview(drafts, problems, hashlib.sha256(content.encode()).hexdigest(), lines)

    def _moment(
        self, line: int, written: str, now_local: dt.datetime, problems: list[RowProblem]
    ) -> dt.datetime | None:
        """The instant ``written`` (stall time) names, or None with the row's problem added.
        The range is checked on the wall clock, before any conversion can overflow."""
        try:
            if not _TIME.fullmatch(written):
                raise ValueError(written)
            local = dt.datetime.strptime(written, "%Y-%m-%d %H:%M")
        except ValueError:
            problems.append(
                RowProblem.of(
                    line,
                    "waktu",
                    RowCode.NOT_A_TIME,
                    f"'{written}' is not a time like 2026-11-07 09:15",
                    value=written,
                )
            )
            return None
        if local < PROGRAMME_START:
            start = f"{PROGRAMME_START:%Y-%m-%d %H:%M}"
            problems.append(
                RowProblem.of(
                    line,
                    "waktu",
                    RowCode.BEFORE_START,
                    f"{written} is before the programme started ({start}, stall time)",
                    value=written,
                    start=start,
                )
            )
            return None
        if local > now_local:
            problems.append(
                RowProblem.of(
                    line,
                    "waktu",
                    RowCode.IN_THE_FUTURE,
                    f"{written} is in the future",
                    value=written,
                )
            )
            return None
        return local.replace(tzinfo=self._tz).astimezone(dt.UTC)

    def _repeated(self, drafts: list[SaleDraft], lines: list[int]) -> list[RowProblem]:
        """A purchase an earlier file brought, or one already on a line above."""
        sales = [PaperSale.of(draft) for draft in drafts]
        earlier = self._ledger.imported_paper_sales(sales)
        first_line: dict[PaperSale, int] = {}
        problems = []
        for line, sale in zip(lines, sales, strict=True):
            if sale in earlier:
                problems.append(_imported_before(line, earlier[sale]))
            elif sale in first_line:
                problems.append(
                    RowProblem.of(
                        line,
                        None,
                        RowCode.REPEATED_SALE,
                        f"the same purchase (waktu, nip, kode_umkm and jumlah) is on line "
                        f"{first_line[sale]}; {_IF_TWICE}",
                        line=first_line[sale],
                    )
                )
            else:
                first_line[sale] = line
        return problems

    def import_file(
        self, path: Path, *, actor: str = "admin", allow_repeated_rows: bool = False
    ) -> int:
        preview = self.preview(path, actor=actor, allow_repeated_rows=allow_repeated_rows)
        # The same file first: of everything wrong with it, that says the most.
        earlier = self._ledger.earlier_import(preview.content_sha256)
        if earlier:
            raise self._already_imported(path, earlier.file_name, earlier.imported_at)
        if preview.problems:
            raise ImportRefused.bad_rows(path, preview.problems)
        try:
            return self._ledger.import_sales(
                preview.drafts,
                file_name=path.name,
                file_sha256=preview.content_sha256,
                actor=actor,
                at=self._clock(),
                allow_repeated=allow_repeated_rows,
            )
        except DuplicateImport as error:
            raise self._already_imported(path, error.file_name, error.imported_at) from None
        except RepeatedPaperSales as error:  # another import got in since the preview
            problems = [
                _imported_before(csv_line, error.earlier[index])
                for index, csv_line in enumerate(preview.lines)
                if index in error.earlier
            ]
            raise ImportRefused.bad_rows(path, problems) from None
        except DomainError as error:
            # The ledger's own refusal keeps its code: the screen words that.
            raise ImportRefused(path, error.code, f"{path.name}: {error}", **error.values) from None

    def _already_imported(
        self, path: Path, first_name: str, imported_at: dt.datetime
    ) -> ImportRefused:
        when = imported_at.astimezone(self._tz).strftime("%Y-%m-%d %H:%M")
        return ImportRefused(
            path,
            ImportProblem.ALREADY_IMPORTED,
            f"{path.name}: this file was already imported (as '{first_name}' on "
            f"{when}, stall time)",
            first_name=first_name,
            when=when,
        )


def _imported_before(line: int, file_name: str) -> RowProblem:
    return RowProblem.of(
        line,
        None,
        RowCode.IMPORTED_BEFORE,
        f"the same purchase (waktu, nip, kode_umkm and jumlah) was already imported from "
        f"'{file_name}'; {_IF_TWICE}",
        file=file_name,
    )
