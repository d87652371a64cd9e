"""The admin's CSV exports (formats fixed in the README, "CSV files": change them only on
purpose, with the README and the tests)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

from ..domain.compliance import Status
from ..domain.identity import BuyerIdentity
from ..domain.months import Month
from ..domain.records import sale_number
from .compliance import ComplianceService
from .csv_output import decimal_text, write_csv
from .ports import RosterPort, SettlementPort, ShiftStorePort, SpendingPort

COMPLIANCE_HEADER = (
    "bulan",
    "nip",
    "nama",
    "opd",
    "jabatan",
    "tingkat",
    "minimum",
    "belanja",
    "transaksi",
    "kekurangan",
    "status",
)
OPD_HEADER = (
    "bulan",
    "opd",
    "jumlah_asn",
    "wajib",
    "memenuhi",
    "kurang",
    "tidak_belanja",
    "dikecualikan",
    "persen_memenuhi",
    "total_belanja",
)
VENDOR_HEADER = ("bulan", "kode_umkm", "nama_umkm", "pendapatan", "transaksi", "item")
SALES_HEADER = (
    "waktu",
    "no_transaksi",
    "kiosk",
    "kode_umkm",
    "nama_umkm",
    "produk",
    "jumlah",
    "harga",
    "subtotal",
    "nip",
    "nama",
    "opd",
    "metode_bayar",
    "status",
    "petugas",
    "sumber",
    "identitas",  # added last, so columns an admin's sheet reads by position stay put
)
# -- settlement with each UMKM (README "Paying the UMKM") ------------------------------------
SETTLEMENT_HEADER = (
    "tanggal",
    "kode_umkm",
    "nama_umkm",
    "sku",
    "produk",
    "terjual",
    "pendapatan",
    "tunai",
    "qris",
)
BALANCES_HEADER = (
    "bulan",
    "kode_umkm",
    "nama_umkm",
    "pendapatan",
    "potongan",
    "hak_umkm",
    "dibayar",
    "saldo",
)
# One row per till shift (README, "export shifts"); petugas and alasan are free text.
SHIFTS_HEADER = (
    "tanggal",
    "kiosk",
    "shift",
    "buka",
    "tutup",
    "petugas",
    "modal_awal",
    "tunai_seharusnya",
    "tunai_dihitung",
    "selisih",
    "alasan",
    "qris",
    "transaksi",
    "batal",
)
OPERATORS_JOINED = " > "  # petugas: who opened the shift, then each who took it over
# The ``identitas`` cell: how the buyer was identified, in the admin's words (data, not UI).
IDENTITAS = {
    BuyerIdentity.CARD.value: "kartu",
    BuyerIdentity.QR.value: "qr-lain",
    BuyerIdentity.TYPED.value: "ketik",
    BuyerIdentity.PUBLIC.value: "umum",
    BuyerIdentity.PAPER.value: "kertas",
}


class ExportService:
    def __init__(
        self,
        compliance: ComplianceService,
        roster: RosterPort,
        spending: SpendingPort,
        tz: ZoneInfo,
        delimiter: str = ",",
        *,
        settlement: SettlementPort,
        shift_store: ShiftStorePort,
    ) -> None:
        self._settlement = settlement
        self._compliance = compliance
        self._shift_store = shift_store
        self._roster = roster
        self._spending = spending
        self._tz = tz
        self.delimiter = delimiter

    def compliance(self, month: Month, out: Path, delimiter: str | None = None) -> int:
        label = str(month)
        rows = (
            (
                label,
                row.nip,
                row.nama,
                row.opd,
                row.jabatan,
                row.tingkat,
                row.minimum,
                row.spent,
                row.purchases,
                row.shortfall,
                row.status.value,
            )
            for row in self._compliance.rows(month)
        )
        # nama, opd and jabatan are the only free text: NIPs are digits, tiers config keys.
        return write_csv(
            out, COMPLIANCE_HEADER, rows, delimiter or self.delimiter, text_columns=(2, 3, 4)
        )

    def opd(self, month: Month, out: Path, delimiter: str | None = None) -> int:
        delimiter = delimiter or self.delimiter
        rows = (
            (
                str(month),
                s.opd,
                s.people,
                s.obliged,
                s.met,
                s.counts[Status.KURANG],
                s.counts[Status.TIDAK_BELANJA],
                s.counts[Status.DIKECUALIKAN],
                decimal_text(100 * s.compliance_rate, delimiter),
                s.spent,
            )
            for s in self._compliance.opd_summary(month)
        )
        return write_csv(out, OPD_HEADER, rows, delimiter)

    def vendors(self, month: Month, out: Path, delimiter: str | None = None) -> int:
        start, end = month.utc_bounds(self._tz)
        rows = (
            (str(month), v.kode_umkm, v.nama, v.revenue, v.sales, v.items)
            for v in self._spending.vendor_revenue(start, end)
        )
        return write_csv(out, VENDOR_HEADER, rows, delimiter or self.delimiter)

    def sales(self, month: Month, out: Path, delimiter: str | None = None) -> int:
        start, end = month.utc_bounds(self._tz)
        people = self._roster.people_on(month.last_day)

        def rows():  # type: ignore[no-untyped-def]
            for line in self._spending.sale_lines(start, end):
                person = people.get(line.nip) if line.nip else None
                yield (
                    line.created_at.astimezone(self._tz).strftime("%Y-%m-%d %H:%M"),
                    sale_number(line.kiosk_id, line.seq),
                    line.kiosk_id,
                    line.kode_umkm,
                    line.nama_umkm,
                    line.description,
                    line.quantity,
                    line.unit_price,
                    line.subtotal,
                    line.nip,
                    person.nama if person else "",
                    person.opd if person else "",
                    line.payment_method,
                    "BATAL" if line.voided else "SAH",
                    line.operator,
                    line.source,
                    IDENTITAS.get(line.identified_by or "", ""),  # empty: sold before it was kept
                )

        return write_csv(out, SALES_HEADER, rows(), delimiter or self.delimiter)

    # -- settlement with each UMKM -----------------------------------------------------------
    def settlement(self, month: Month, out: Path, delimiter: str | None = None) -> int:
        """What each UMKM sold per day (stall clock) and product, non-voided sales only; its
        pendapatan adds up to the vendors export's for the month."""
        rows = (
            (
                line.day.isoformat(),
                line.kode_umkm,
                line.nama_umkm,
                line.sku,
                line.produk,
                line.terjual,
                line.pendapatan,
                line.tunai,
                line.qris,
            )
            for line in self._settlement.day_lines(month)
        )
        # UMKM names, skus and product names are typed by people: the only free text.
        return write_csv(
            out, SETTLEMENT_HEADER, rows, delimiter or self.delimiter, text_columns=(2, 3, 4)
        )

    def balances(self, month: Month, out: Path, delimiter: str | None = None) -> int:
        """Every UMKM's month: earned, the stall's fee, owed, paid, and the balance carried."""
        label = str(month)
        rows = (
            (
                label,
                b.kode_umkm,
                b.nama_umkm,
                b.pendapatan,
                b.potongan,
                b.hak_umkm,
                b.dibayar,
                b.saldo,
            )
            for b in self._settlement.balances(month)
        )
        return write_csv(out, BALANCES_HEADER, rows, delimiter or self.delimiter)

    # -- the till ---------------------------------------------------------------------------
    def shifts(self, month: Month, out: Path, delimiter: str | None = None) -> int:
        """One row per till shift opened in ``month`` (stall time), every kiosk in the ledger.
        A shift still open has empty tutup, tunai_dihitung and selisih; one closed without a
        count (at the next day's login) has empty tunai_dihitung and selisih, and says so in
        alasan."""
        start, end = month.utc_bounds(self._tz)

        def rows():  # type: ignore[no-untyped-def]
            for shift in self._shift_store.shifts_opened(start, end):
                opened = shift.opened_at.astimezone(self._tz)
                closed = shift.closed_at.astimezone(self._tz) if shift.closed_at else None
                yield (
                    opened.strftime("%Y-%m-%d"),
                    shift.kiosk_id,
                    shift.shift_no,
                    opened.strftime("%H:%M"),
                    _close_time(opened, closed),
                    OPERATORS_JOINED.join(shift.operators),
                    shift.float_amount,
                    shift.expected,
                    shift.counted,
                    shift.difference,
                    shift.remarks,
                    shift.qris_total,
                    shift.sale_count,
                    shift.void_count,
                )

        return write_csv(
            out, SHIFTS_HEADER, rows(), delimiter or self.delimiter, text_columns=(5, 10)
        )


def _close_time(opened: dt.datetime, closed: dt.datetime | None) -> str:
    """HH:MM on the day it opened; with the date when it closed on a later day."""
    if closed is None:
        return ""
    if closed.date() == opened.date():
        return closed.strftime("%H:%M")
    return closed.strftime("%Y-%m-%d %H:%M")
