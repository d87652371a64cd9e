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
from ..domain.errors import DomainError, DuplicateImport
from ..domain.money import parse_rupiah
from ..domain.nip import NIP_REASONS, check_nip
from ..domain.records import SaleDraft
from .csv_input import length_problems, read_csv
from .errors import ImportProblem, ImportRefused, RowCode, RowProblem
from .ports import CatalogPort, Clock, SalesLedgerPort, utc_now

_TIME = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$")  # strptime alone takes "1:5"
SALES_COLUMNS = ("waktu", "nip", "kode_umkm", "jumlah", "keterangan")
PAPER_DESCRIPTION = "Catatan manual"


@dataclass(frozen=True)
class SalesPreview:
    drafts: list[SaleDraft]
    problems: list[RowProblem]
    content_sha256: str


class SalesImporter:
    def __init__(
        self, ledger: SalesLedgerPort, catalog: CatalogPort, tz: ZoneInfo, clock: Clock = utc_now
    ) -> None:
        self._ledger = ledger
        self._catalog = catalog
        self._tz = tz
        self._clock = clock

    def preview(self, path: Path, *, actor: str = "admin") -> SalesPreview:
        csv_rows = read_csv(path, SALES_COLUMNS)
        vendors = {v.kode_umkm for v in self._catalog.vendors()}
        now = self._clock()
        drafts: list[SaleDraft] = []
        problems: list[RowProblem] = []
        for line, row in csv_rows.rows:
            found = len(problems)
            moment = None
            try:
                if not _TIME.match(row["waktu"]):
                    raise ValueError(row["waktu"])
                local = dt.datetime.strptime(row["waktu"], "%Y-%m-%d %H:%M")
                moment = local.replace(tzinfo=self._tz).astimezone(dt.UTC)
                if moment > now:
                    problems.append(
                        RowProblem.of(
                            line,
                            "waktu",
                            RowCode.IN_THE_FUTURE,
                            f"{row['waktu']} is in the future",
                            value=row["waktu"],
                        )
                    )
            except ValueError:
                problems.append(
                    RowProblem.of(
                        line,
                        "waktu",
                        RowCode.NOT_A_TIME,
                        (f"'{row['waktu']}' is not a time like 2026-11-07 09:15"),
                        value=row["waktu"],
                    )
                )
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
            except DomainError as error:
                problems.append(RowProblem.from_error(line, None, error))
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
        return SalesPreview(drafts, problems, hashlib.sha256(content.encode()).hexdigest())

    def import_file(self, path: Path, *, actor: str = "admin") -> int:
        preview = self.preview(path, actor=actor)
        if preview.problems:
            raise ImportRefused.bad_rows(path, preview.problems)
        try:
            return self._ledger.import_sales(
                preview.drafts,
                file_name=path.name,
                file_sha256=preview.content_sha256,
                actor=actor,
                at=self._clock(),
            )
        except DuplicateImport as error:
            when = error.imported_at.astimezone(self._tz).strftime("%Y-%m-%d %H:%M")
            raise ImportRefused(
                path,
                ImportProblem.ALREADY_IMPORTED,
                f"{path.name}: this file was already imported (as '{error.file_name}' on "
                f"{when}, stall time)",
                first_name=error.file_name,
                when=when,
            ) from None
        except DomainError as error:
            # The ledger's own refusal keeps its code: the screen words that.
            raise ImportRefused(path, error.code, f"{path.name}: {error}", **error.values) from None
