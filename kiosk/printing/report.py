"""X/Z report and UMKM slip layout: pure functions from the services' report figures to what
is printed, fitted to the receipt's width (32 / 42 / 48 columns) like receipt.py. The words
are Indonesian, as on the receipt; the terminal (`jikubata report`) and the admin screen show
the same document's text preview.

Every figure comes from the report or the slip; nothing is added up here except what the
slip's own lines sum to (its totals are properties of the slip)."""

from __future__ import annotations

import datetime as dt

from kiosk.domain.money import format_rupiah
from kiosk.services.report_figures import ShiftReport, UmkmSlip

from .document import PrintDocument
from .receipt import StallInfo, _Builder, _header  # the receipt's builder: one way to fit text
from .text import printable, wrap_phrases

# The report's words, kept short: a 58 mm line has 32 columns.
X_TITLE, Z_TITLE, SLIP_TITLE = "LAPORAN X", "LAPORAN Z", "SLIP UMKM"
HEAD_CAPTION = "Kepala ledger (cek: ledger verify)"
SIGNATURE_LINE = "_" * 20


def _when(moment: dt.datetime, tz: dt.tzinfo) -> str:
    """``20-11-2026 17:05``: short enough to sit beside its label on 32 columns."""
    return f"{moment.astimezone(tz):%d-%m-%Y %H:%M}"


def _signed(amount: int, sign: str) -> str:
    """``+Rp120.000`` / ``-Rp15.000``: an amount added to or taken from the drawer."""
    return f"{sign}{format_rupiah(amount)}" if amount else format_rupiah(0)


def _difference(amount: int) -> str:
    return f"+{format_rupiah(amount)}" if amount > 0 else format_rupiah(amount)


def layout_shift_report(
    report: ShiftReport, stall: StallInfo, tz: dt.tzinfo, width: int
) -> PrintDocument:
    """The X-report (an open shift so far) or the Z-report (a closed shift)."""
    f = report.figures
    b = _Builder(width)
    _header(b, stall)
    b.big(X_TITLE if report.kind == "X" else Z_TITLE)
    if report.kind == "X":
        b.text("Sesi masih berjalan: tidak ada yang ditutup", "center")
    b.pair("Kiosk", f.kiosk_id)
    b.pair("Sesi", str(f.shift_no))
    b.pair("Dibuka", _when(f.opened_at, tz))
    if f.closed_at is not None:
        b.pair("Ditutup", _when(f.closed_at, tz))
    b.text(f"Petugas: {' > '.join(f.operators)}")
    if f.closed_by:
        b.pair("Ditutup oleh", f.closed_by)
    if f.first_receipt:
        b.pair("Struk pertama", f.first_receipt)
        b.pair("Struk terakhir", f.last_receipt or "")
    b.rule()

    b.text("PENJUALAN", bold=True)
    b.pair(f"Tunai ({f.cash_count}x)", format_rupiah(f.cash_sales))
    b.pair(f"QRIS ({f.qris_count}x)", format_rupiah(f.qris_total))
    b.pair(f"Jumlah ({f.sale_count}x)", format_rupiah(f.cash_sales + f.qris_total), bold=True)
    b.pair(f"Batal ({f.void_count}x)", _signed(f.void_amount, "-"))
    b.rule()

    b.text("PER UMKM (tanpa yang batal)", bold=True)
    if not report.umkm:
        b.text("Belum ada penjualan")
    for total in report.umkm:
        b.pair(total.nama_umkm, format_rupiah(total.pendapatan))
        b.lines(
            ["  " + piece for piece in wrap_phrases(_split(total.tunai, total.qris), width - 2)]
        )
    b.pair("Jumlah", format_rupiah(report.net_sales), bold=True)
    b.rule()

    b.text("PEMBELI (tanpa yang batal)", bold=True)
    b.pair(f"ASN ({report.asn.count}x)", format_rupiah(report.asn.amount))
    b.pair(f"Umum ({report.public.count}x)", format_rupiah(report.public.amount))
    b.rule()

    b.text("KAS DI LACI", bold=True)
    b.pair("Modal awal", format_rupiah(f.float_amount))
    b.pair("Penjualan tunai", _signed(f.cash_sales, "+"))
    b.pair("Batal tunai", _signed(f.cash_voids, "-"))
    b.pair("Uang keluar", _signed(f.till_payouts, "-"))
    b.pair("Seharusnya", format_rupiah(f.expected), bold=True)
    if f.counted is not None:
        b.pair("Dihitung", format_rupiah(f.counted), bold=True)
        b.pair("Selisih", _difference(f.difference or 0), bold=True)
    elif not f.is_open:
        b.text("Uang tidak dihitung")
    if f.reason:
        b.text(f"Alasan: {f.reason}")
    if f.note:
        b.text(f"Catatan: {f.note}")
    b.rule()
    b.pair("QRIS (cek di aplikasi)", format_rupiah(f.qris_total), bold=True)
    b.rule()

    b.text(HEAD_CAPTION)
    b.text(report.head.line, "center", bold=True)
    b.pair("Dicetak", _when(report.made_at, tz))
    title = f"Laporan {report.kind} sesi {f.shift_no} {f.kiosk_id}"
    return b.document(title)


def _split(tunai: int, qris: int) -> list[str]:
    return [f"tunai {format_rupiah(tunai)}", f"QRIS {format_rupiah(qris)}"]


def layout_umkm_slip(slip: UmkmSlip, stall: StallInfo, tz: dt.tzinfo, width: int) -> PrintDocument:
    """The paper a UMKM takes home: items, quantities, amounts, cash and QRIS, the stall's
    fee if any, and the consignment count (dropped off, sold, returned)."""
    b = _Builder(width)
    _header(b, stall)
    b.big(SLIP_TITLE)
    b.text(slip.nama_umkm, "center", bold=True)
    b.pair("Kode", slip.kode_umkm)
    b.pair("Tanggal", f"{slip.day:%d-%m-%Y}")
    b.pair("Sesi", str(slip.shift_no) if slip.shift_no is not None else "sehari penuh")
    b.pair("Kiosk", slip.kiosk_id)
    b.rule()

    if not slip.lines:
        b.text("Tidak ada penjualan")
    for line in slip.lines:
        b.text(line.produk)
        b.pair(f"  {line.terjual} terjual", format_rupiah(line.pendapatan))
    b.rule()
    b.pair("Jumlah", format_rupiah(slip.pendapatan), bold=True)
    b.pair("  Tunai", format_rupiah(slip.tunai))
    b.pair("  QRIS", format_rupiah(slip.qris))
    if slip.fee:
        b.pair(f"Potongan stall {slip.fee_percent}%", f"-{format_rupiah(slip.fee)}")
        b.pair("Hak UMKM", format_rupiah(slip.hak_umkm), bold=True)

    if slip.stock:
        b.rule()
        b.text("TITIP JUAL HARI INI", bold=True)
        for count in slip.stock:
            b.text(count.nama)
            phrases = [
                f"titip {count.dropped}",
                f"terjual {count.sold}",
                f"kembali {count.returned}",
            ]
            b.lines(["  " + piece for piece in wrap_phrases(phrases, width - 2)])
    b.rule()
    b.text("Diterima oleh UMKM:")
    b.feed(2)
    b.text(SIGNATURE_LINE)
    if slip.made_at is not None:
        b.pair("Dicetak", _when(slip.made_at, tz))
    title = printable(f"Slip {slip.kode_umkm} {slip.day:%Y-%m-%d}")
    if slip.shift_no is not None:
        title += f" sesi {slip.shift_no}"
    return b.document(title)
