"""X/Z report and UMKM slip layout at 58 and 80 mm (32, 42 and 48 columns): no line ever
overflows the width, whatever the names and amounts, and every figure lands on paper."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from kiosk.domain.stock import StockCount
from kiosk.domain.till import CashCount, CashFigures
from kiosk.printing.document import Line
from kiosk.printing.preview import paper_pixels, preview_png, preview_text
from kiosk.printing.receipt import assert_fits
from kiosk.printing.report import layout_shift_report, layout_umkm_slip
from kiosk.services.report_figures import (
    BuyerTotal,
    LedgerHead,
    ShiftReport,
    UmkmSlip,
    UmkmTotal,
)
from kiosk.services.settlement import SettlementLine
from kiosk.services.shift_figures import ShiftFigures
from tests.unit.printing.test_receipt import ROOT, STALL, WIT

WIDTHS = (32, 42, 48)
DOCS = ROOT / "docs" / "receipts"
OPENED = dt.datetime(2026, 11, 20, 0, 0, tzinfo=dt.UTC)
CLOSED = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)
HEAD = LedgerHead("AMB-01", 123, "AMB-01:123:ABCDEF123456")

names = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "Zs")),
    min_size=1,
    max_size=120,
).filter(str.strip)
amounts = st.integers(min_value=0, max_value=999_999_999)
counts = st.integers(min_value=0, max_value=99_999)


def figures(
    *,
    closed: bool = True,
    counted: int | None = 195_000,
    reason: str | None = "kembalian salah",
    note: str | None = None,
    operators: tuple[str, ...] = ("Ina", "Budi"),
    amount: int = 100_000,
) -> ShiftFigures:
    return ShiftFigures(
        shift_id="s1",
        kiosk_id="AMB-01",
        shift_no=3,
        opened_at=OPENED,
        closed_at=CLOSED if closed else None,
        operators=operators,
        closed_by="Budi" if closed else None,
        cash=CashFigures(100_000, amount, 25_000, 0),
        counted=counted if closed else None,
        counts=CashCount({100_000: 1}) if counted else None,
        reason=reason if closed else None,
        note=note,
        qris_total=amount // 2,
        sale_count=17,
        void_count=1,
        void_amount=25_000,
        first_seq=12,
        last_seq=40,
        cash_count=12,
        qris_count=5,
    )


def report(shift: ShiftFigures, umkm: tuple[UmkmTotal, ...] = ()) -> ShiftReport:
    return ShiftReport(shift, umkm, BuyerTotal(10, 150_000), BuyerTotal(6, 35_000), HEAD, CLOSED)


def slip(
    lines: tuple[SettlementLine, ...], stock: tuple[StockCount, ...] = (), fee: int = 0
) -> UmkmSlip:
    return UmkmSlip(
        kode_umkm="UMKM-001",
        nama_umkm="Dapur Sagu Mama Ona",
        kiosk_id="AMB-01",
        day=dt.date(2026, 11, 20),
        shift_no=3,
        lines=lines,
        fee_percent="2.5" if fee else "0",
        fee=fee,
        stock=stock,
        made_at=CLOSED,
    )


def line(produk: str, terjual: int, pendapatan: int, qris: int = 0) -> SettlementLine:
    return SettlementLine(
        dt.date(2026, 11, 20), "UMKM-001", "Dapur Sagu", "SKU-1", produk, terjual, pendapatan,
        pendapatan - qris, qris,
    )  # fmt: skip


def within(document, width: int) -> list[str]:  # type: ignore[no-untyped-def]
    """The preview's lines, each checked against the width (the builder checks it too)."""
    assert_fits(document)
    assert document.width == width
    lines = preview_text(document).splitlines()
    assert all(len(text) <= width for text in lines), [t for t in lines if len(t) > width]
    return [text.strip() for text in lines]


@pytest.mark.parametrize("width", WIDTHS)
def test_a_z_report_holds_every_figure(width: int) -> None:
    umkm = (UmkmTotal("UMKM-001", "Dapur Sagu Mama Ona", 85_000, 50_000, 35_000),)
    document = layout_shift_report(report(figures(), umkm), STALL, WIT, width)
    lines = within(document, width)
    title = next(b for b in document.blocks if isinstance(b, Line) and b.double)
    assert title.text == "LAPORAN Z"
    assert "Petugas: Ina > Budi" in lines
    for label, value in [
        ("Kiosk", "AMB-01"),
        ("Sesi", "3"),
        ("Dibuka", "20-11-2026 09:00"),
        ("Ditutup", "20-11-2026 18:00"),
        ("Struk pertama", "AMB-01-000012"),
        ("Struk terakhir", "AMB-01-000040"),
        ("Tunai (12x)", "Rp100.000"),
        ("QRIS (5x)", "Rp50.000"),
        ("Jumlah (17x)", "Rp150.000"),
        ("Batal (1x)", "-Rp25.000"),
        ("Dapur Sagu Mama Ona", "Rp85.000"),
        ("ASN (10x)", "Rp150.000"),
        ("Umum (6x)", "Rp35.000"),
        ("Modal awal", "Rp100.000"),
        ("Penjualan tunai", "+Rp100.000"),
        ("Batal tunai", "-Rp25.000"),
        ("Uang keluar", "Rp0"),
        ("Seharusnya", "Rp175.000"),
        ("Dihitung", "Rp195.000"),
        ("Selisih", "+Rp20.000"),
        ("QRIS (cek di aplikasi)", "Rp50.000"),
    ]:
        assert any(t.startswith(label) and t.endswith(value) for t in lines), (label, value)
    assert "Alasan: kembalian salah" in lines
    assert HEAD.line in lines


@pytest.mark.parametrize("width", WIDTHS)
def test_an_x_report_says_nothing_closes_and_counts_nothing(width: int) -> None:
    document = layout_shift_report(report(figures(closed=False)), STALL, WIT, width)
    lines = within(document, width)
    text = " ".join(lines)
    assert "L A P O R A N   X" in text and "tidak ada yang ditutup" in text
    assert not any(t.startswith(("Ditutup", "Dihitung", "Selisih", "Alasan")) for t in lines)
    assert "Belum ada penjualan" in lines


@pytest.mark.parametrize("width", WIDTHS)
def test_a_shift_closed_without_a_count_says_so(width: int) -> None:
    shift = figures(counted=None, reason=None, note="ditutup otomatis: uang tidak dihitung")
    lines = within(layout_shift_report(report(shift), STALL, WIT, width), width)
    assert "Uang tidak dihitung" in lines
    assert not any(t.startswith(("Dihitung", "Selisih")) for t in lines)
    assert "ditutup otomatis" in " ".join(lines)


@pytest.mark.parametrize("width", WIDTHS)
def test_a_slip_holds_items_split_fee_and_consignment(width: int) -> None:
    lines = (line("Papeda instan isi 3 cup", 4, 100_000, 25_000), line("Kue sagu", 1, 10_000))
    stock = (StockCount("UMKM-001", "SKU-1", "Papeda instan isi 3 cup", 10, 4),)
    printed = within(layout_umkm_slip(slip(lines, stock, fee=2_750), STALL, WIT, width), width)
    assert "S L I P   U M K M" in printed and "Dapur Sagu Mama Ona" in printed
    for label, value in [
        ("4 terjual", "Rp100.000"),
        ("1 terjual", "Rp10.000"),
        ("Jumlah", "Rp110.000"),
        ("Tunai", "Rp85.000"),
        ("QRIS", "Rp25.000"),
        ("Potongan stall 2.5%", "-Rp2.750"),
        ("Hak UMKM", "Rp107.250"),
    ]:
        assert any(t.startswith(label) and t.endswith(value) for t in printed), (label, value)
    assert "titip 10 terjual 4 kembali 6" in printed


@pytest.mark.parametrize("width", WIDTHS)
def test_a_slip_without_a_fee_prints_no_fee_line(width: int) -> None:
    printed = within(layout_umkm_slip(slip((line("Kue", 1, 10_000),)), STALL, WIT, width), width)
    assert not any(t.startswith(("Potongan", "Hak UMKM")) for t in printed)


@given(
    name=names,
    produk=names,
    operator=names,
    terjual=counts,
    amount=amounts,
    dropped=counts,
    sold=counts,
    fee=amounts,
)
def test_slips_and_reports_never_overflow_58_or_80_mm(
    name: str,
    produk: str,
    operator: str,
    terjual: int,
    amount: int,
    dropped: int,
    sold: int,
    fee: int,
) -> None:
    umkm = (UmkmTotal("UMKM-001", name, amount, amount, amount),)
    for width in (32, 48):
        lines = (line(produk, terjual, amount, amount // 3),)
        stock = (StockCount("UMKM-001", "SKU-1", produk, dropped, sold),)
        within(layout_umkm_slip(slip(lines, stock, fee=fee), STALL, WIT, width), width)
        shift = figures(operators=(operator, name), reason=name, note=produk, amount=amount)
        within(layout_shift_report(report(shift, umkm), STALL, WIT, width), width)


def test_writes_the_sample_reports_and_slips_for_the_docs() -> None:
    """docs/receipts/: the Z-report and a UMKM slip at 58 and 80 mm, for the README."""
    umkm = (
        UmkmTotal("UMKM-001", "Dapur Sagu Mama Ona", 60_000, 45_000, 15_000),
        UmkmTotal("UMKM-002", "Kopi Rarobang Batu Merah", 40_000, 30_000, 10_000),
    )
    z_report = report(figures(), umkm)
    lines = (
        line("Papeda instan isi 3 cup", 4, 100_000, 25_000),
        line("Sagu gula isi 6", 2, 20_000),
    )
    papeda = StockCount("UMKM-001", "SKU-1", "Papeda instan isi 3 cup", 10, 4)
    sample_slip = slip(lines, (papeda,), 3_000)
    samples = {}
    for width, paper in ((32, "58mm"), (48, "80mm")):
        samples[f"z-report-{paper}.png"] = layout_shift_report(z_report, STALL, WIT, width)
        samples[f"umkm-slip-{paper}.png"] = layout_umkm_slip(sample_slip, STALL, WIT, width)
    for name, document in samples.items():
        path = preview_png(document, DOCS / name)
        with Image.open(path) as image:
            assert image.width > paper_pixels(document.width)
            assert image.height > 24 * len(document.blocks)  # a line is 24 px or more
