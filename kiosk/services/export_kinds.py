"""The monthly exports there are: one list for the command line and the admin screen.

Light on purpose (no service is imported to build it), so the command line can list the
exports in its help without loading them; ``run`` reaches the service only when called."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.months import Month
from .export_names import default_file_name

if TYPE_CHECKING:
    from .exports import ExportService

# (service, month, file, delimiter or None for the config's) -> rows written
ExportRun = Callable[["ExportService", Month, Path, str | None], int]


@dataclass(frozen=True)
class ExportKind:
    key: str  # the `jikubata export` command and the file name's stem
    label: str  # what the admin screen calls it: its Indonesian source text (ExportsScreen)
    description: str  # the command line's help
    run: ExportRun

    def file_name(self, month: Month) -> str:
        """``compliance-2026-11.csv``: the file's name when nobody names it."""
        return default_file_name(self.key, month)


EXPORT_KINDS: tuple[ExportKind, ...] = (
    ExportKind(
        "compliance",
        "Kepatuhan ASN",
        "the monthly compliance CSV, one row per ASN",
        lambda service, month, out, delimiter: service.compliance(month, out, delimiter),
    ),
    ExportKind(
        "opd",
        "Ringkasan OPD",
        "per-OPD compliance summary",
        lambda service, month, out, delimiter: service.opd(month, out, delimiter),
    ),
    ExportKind(
        "vendors",
        "Pendapatan UMKM",
        "revenue per UMKM",
        lambda service, month, out, delimiter: service.vendors(month, out, delimiter),
    ),
    ExportKind(
        "sales",
        "Semua penjualan",
        "every sale line, voided ones marked BATAL",
        lambda service, month, out, delimiter: service.sales(month, out, delimiter),
    ),
    # -- settlement with each UMKM --
    ExportKind(
        "settlement",
        "Penjualan UMKM per hari",
        "what each UMKM sold per day and product (non-voided sales), cash and QRIS",
        lambda service, month, out, delimiter: service.settlement(month, out, delimiter),
    ),
    ExportKind(
        "balances",
        "Saldo UMKM",
        "every UMKM's month: earnings, stall fee, owed, paid and the balance carried",
        lambda service, month, out, delimiter: service.balances(month, out, delimiter),
    ),
    # -- the till ---------------------------------------------------------------------------
    ExportKind(
        "shifts",
        "Sesi kasir",
        "one row per till shift: float, expected and counted cash, QRIS, sales and voids",
        lambda service, month, out, delimiter: service.shifts(month, out, delimiter),
    ),
)
