"""Receipt layout: wording, grouping, widths, the lookup QR, void slips and the test page.

The sample builders at the top are shared by the other printing tests.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import uuid
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.domain.cart import MAX_LINE_AMOUNT, MAX_QUANTITY, CartLine
from kiosk.domain.compliance import Status
from kiosk.domain.nip import mask_nip
from kiosk.domain.records import RecordedSale
from kiosk.printing.document import Feed, Line, PrintDocument, QrCode, Rule
from kiosk.printing.receipt import (
    COPY_BANNER,
    BuyerLine,
    LayoutOverflow,
    ReceiptData,
    ReceiptQrError,
    StallInfo,
    assert_fits,
    format_local_time,
    layout_receipt,
    layout_test_page,
    layout_void_slip,
    parse_receipt_qr,
    receipt_qr_payload,
    ruler,
)

ROOT = Path(__file__).resolve().parents[3]
WIT = ZoneInfo("Asia/Jayapura")
WIDTHS = (32, 42, 48)
SOME_UUID = "6f1c2a4e-3b5d-4c7e-9a8b-0d1e2f3a4b5c"  # fixed: test ids must not change between runs
MARIA_NIP = "198504122010012001"
STALL = StallInfo(
    name="Jiku Bata — Sudut Balai Kota Ambon",
    address="Balai Kota Ambon, Jl. Sultan Hairun No. 1, Ambon",
    kiosk_id="AMB-01",
    footer="Terima kasih telah berbelanja produk UMKM Ambon",
)


def _read(name: str) -> list[dict[str, str]]:
    with (ROOT / "assets" / "sample" / name).open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def vendor_names() -> dict[str, str]:
    return {row["kode_umkm"]: row["nama"] for row in _read("vendors.csv")}


def product_line(sku: str, quantity: int = 1) -> CartLine:
    row = next(row for row in _read("products.csv") if row["sku"] == sku)
    return CartLine(row["kode_umkm"], row["nama"], int(row["harga"]), quantity, sku)


def make_sale(
    lines: tuple[CartLine, ...],
    *,
    seq: int = 123,
    method: str = "TUNAI",
    cash: int | None = None,
    nip: str | None = MARIA_NIP,
    at: dt.datetime = dt.datetime(2026, 11, 20, 12, 0, tzinfo=WIT),
    voided: bool = False,
    note: str | None = None,
) -> RecordedSale:
    return RecordedSale(
        id=str(uuid.UUID(int=seq * 7919 + 1, version=4)),
        kiosk_id="AMB-01",
        seq=seq,
        created_at=at.astimezone(dt.UTC),
        nip=nip,
        operator="Leonora Sahertian",
        payment_method=method,
        cash_given=cash,
        total=sum(line.subtotal for line in lines),
        source="kiosk",
        note=note,
        lines=lines,
        entry_hash="9f2c4e1ab03d" + "5" * 52,
        voided=voided,
    )


def sample_sale() -> RecordedSale:
    """Three vendors from the sample catalogue, one of them with two lines; cash."""
    lines = (
        product_line("SAGU-LMP", 2),
        product_line("SINOLI"),
        product_line("RRB-GLS"),
        product_line("HALUA-KNR"),
    )
    return make_sale(lines, cash=100_000)


def maria(spent: int, status: Status, minimum: int = 20_000) -> BuyerLine:
    return BuyerLine(
        nama="Maria Latuheru",
        masked_nip=mask_nip(MARIA_NIP),
        opd="Disperindag",
        month_label="November 2026",
        spent=spent,
        minimum=minimum,
        status=status,
    )


def sample_data(copy: bool = False) -> ReceiptData:
    """The sample sale for Maria, whose month now stands at Rp93.000 (an earlier Rp15.000
    included) against the eselon IV minimum of Rp20.000."""
    sale = sample_sale()
    buyer = maria(93_000, Status.MEMENUHI)
    return ReceiptData(
        sale, STALL, vendor_names(), sale.created_at.astimezone(WIT), buyer, copy=copy
    )


def small_kurang_data(copy: bool = True) -> ReceiptData:
    """An earlier, smaller sale of Maria's (QRIS) that left her short for the month."""
    sale = make_sale(
        (product_line("RRB-GLS"),),
        seq=98,
        method="QRIS",
        at=dt.datetime(2026, 11, 9, 7, 45, tzinfo=WIT),
    )
    return ReceiptData(
        sale,
        STALL,
        vendor_names(),
        sale.created_at.astimezone(WIT),
        maria(15_000, Status.KURANG),
        copy=copy,
    )


def texts(document: PrintDocument) -> list[str]:
    return [block.text for block in document.blocks if isinstance(block, Line)]


def qr_blocks(document: PrintDocument) -> list[QrCode]:
    return [block for block in document.blocks if isinstance(block, QrCode)]


# -- the receipt -------------------------------------------------------------------------------


@pytest.mark.parametrize("width", WIDTHS)
def test_receipt_has_everything_in_order(width: int) -> None:
    doc = layout_receipt(sample_data(), width)
    lines = texts(doc)
    joined = "\n".join(lines)
    expected_in_order = [
        "Jiku Bata - Sudut Balai Kota",
        "STRUK BELANJA",
        "AMB-01-000123",
        "Jum, 20 Nov 2026 12:00 WIT",
        "Leonora Sahertian",
        "Dapur Sagu Mama Ona",
        "Sagu lempeng isi 10 keping",
        "2 x Rp15.000",
        "Subtotal",
        "Kopi Rarobang Batu Merah",
        "Bagea & Kue Kenari Soya",
        "TOTAL",
        "Tunai",
        "Kembalian",
        "Pembeli: Maria Latuheru",
        "NIP: 19850412********01",
        "OPD: Disperindag",
        "Kewajiban November 2026",
        "Belanja Jiku Bata bulan ini",
        "Terima kasih",
    ]
    position = 0
    for needle in expected_in_order:
        found = joined.find(needle, position)
        assert found >= 0, f"{needle!r} missing or out of order"
        position = found
    assert "PPN" not in joined and "NPWP" not in joined  # UMKM are not PKP
    assert MARIA_NIP not in joined  # only the masked NIP is printed
    assert doc.open_drawer and doc.cut
    assert doc.title == "Struk AMB-01-000123"


@pytest.mark.parametrize("width", WIDTHS)
def test_amounts_are_right_aligned_to_the_width(width: int) -> None:
    lines = texts(layout_receipt(sample_data(), width))
    item = next(line for line in lines if line.startswith("  2 x Rp15.000"))
    assert item.endswith("Rp30.000") and len(item) == width
    for label, amount in [("Tunai", "Rp100.000"), ("Kembalian", "Rp22.000")]:
        line = next(line for line in lines if line.startswith(label))
        assert line.endswith(amount) and len(line) == width


def test_vendor_subtotal_only_for_vendors_with_several_lines() -> None:
    doc = layout_receipt(sample_data(), 42)
    subtotals = [
        block for block in doc.blocks if isinstance(block, Line) and "Subtotal" in block.text
    ]
    assert len(subtotals) == 1
    assert subtotals[0].text.endswith("Rp38.000") and subtotals[0].bold
    headers = [b.text for b in doc.blocks if isinstance(b, Line) and b.bold and "Rp" not in b.text]
    assert "Dapur Sagu Mama Ona" in headers and "Kopi Rarobang Batu Merah" in headers


def test_total_is_double_size_only_when_it_fits() -> None:
    doc = layout_receipt(sample_data(), 32)
    total = next(b for b in doc.blocks if isinstance(b, Line) and b.text.startswith("TOTAL"))
    assert total.double and total.text == "TOTAL   Rp78.000" and len(total.text) == 16
    big = make_sale((CartLine("UMKM-003", "Kain tenun", MAX_LINE_AMOUNT, MAX_QUANTITY),))
    data = ReceiptData(big, STALL, vendor_names(), dt.datetime(2026, 11, 20, tzinfo=WIT), None)
    total = next(
        b for b in layout_receipt(data, 32).blocks if isinstance(b, Line) and "TOTAL" in b.text
    )
    assert not total.double and total.bold and total.text.endswith("Rp49.950.000.000")


def test_public_buyer_and_qris() -> None:
    sale = make_sale((product_line("RRB-GLS"),), method="QRIS", nip=None)
    data = ReceiptData(sale, STALL, vendor_names(), sale.created_at.astimezone(WIT), None)
    lines = texts(layout_receipt(data, 32))
    assert "Pembeli umum" in lines
    assert any(line.startswith("QRIS") and line.endswith("Rp15.000") for line in lines)
    assert not any(line.startswith(("Tunai", "Kembalian", "NIP")) for line in lines)
    assert not layout_receipt(data, 32).open_drawer  # no cash, no drawer


def test_exact_cash_when_cash_given_is_unknown() -> None:
    sale = make_sale((product_line("RRB-GLS"),), cash=None)
    data = ReceiptData(sale, STALL, {}, sale.created_at.astimezone(WIT), None)
    lines = texts(layout_receipt(data, 32))
    assert any(line.startswith("Tunai") and line.endswith("Rp15.000") for line in lines)
    assert any(line.startswith("Kembalian") and line.endswith("Rp0") for line in lines)
    assert "UMKM-002" in lines  # an unknown vendor prints as its code


def test_reprint_says_copy_and_keeps_the_drawer_shut() -> None:
    doc = layout_receipt(small_kurang_data(copy=True), 32)
    banners = [b for b in doc.blocks if isinstance(b, Line) and b.text == COPY_BANNER]
    assert len(banners) == 2 and all(b.double for b in banners)
    assert doc.blocks[0] == banners[0]
    assert not doc.open_drawer
    assert doc.title == "Struk AMB-01-000098 (salinan)"


def test_voided_sale_reprint_says_so() -> None:
    sale = make_sale((product_line("RRB-GLS"),), voided=True, cash=20_000)
    data = ReceiptData(sale, STALL, {}, sale.created_at.astimezone(WIT), None, copy=True)
    doc = layout_receipt(data, 48)
    assert "DIBATALKAN / VOID" in texts(doc) and not doc.open_drawer


@pytest.mark.parametrize(
    ("buyer", "expected"),
    [
        (maria(50_000, Status.MEMENUHI, 30_000), "Rp50.000 / minimum Rp30.000 - MEMENUHI"),
        (maria(15_000, Status.KURANG), "Rp15.000 / minimum Rp20.000 - KURANG, kurang Rp5.000"),
        (maria(5_000, Status.DIKECUALIKAN), "Rp5.000 / minimum Rp20.000 - DIKECUALIKAN"),
        (maria(25_000, Status.TIDAK_TERDAFTAR, 0), "Rp25.000 - TIDAK TERDAFTAR"),
    ],
)
def test_month_line_says_where_the_buyer_stands(buyer: BuyerLine, expected: str) -> None:
    sale = sample_sale()
    for width in WIDTHS:
        data = ReceiptData(sale, STALL, {}, sale.created_at.astimezone(WIT), buyer)
        lines = texts(layout_receipt(data, width))
        start = next(i for i, line in enumerate(lines) if line.startswith("Belanja Jiku"))
        month = " ".join(lines[start : start + 3])
        assert f"Belanja Jiku Bata bulan ini {expected}" in month
        assert "minimum Rp0" not in month


def test_unregistered_buyer_has_no_name_and_no_opd() -> None:
    buyer = BuyerLine(
        None, "19850412********01", None, "November 2026", 9000, 0, Status.TIDAK_TERDAFTAR
    )
    sale = sample_sale()
    data = ReceiptData(sale, STALL, {}, sale.created_at.astimezone(WIT), buyer)
    lines = texts(layout_receipt(data, 32))
    assert "Pembeli: (tidak terdaftar)" in lines and not any("OPD" in line for line in lines)


def test_long_names_wrap_and_foreign_text_degrades() -> None:
    long_vendor = "Koperasi Perempuan Nelayan Pesisir Teluk Ambon Sejahtera Bersama Selamanya"
    lines = (
        CartLine("V1", "Kopi Ambon — spesial café “Rarobang” ×2 … 🌶️", 15_000, 3),
        CartLine("V1", "x" * 70, 1_000),
    )
    sale = make_sale(lines, cash=50_000)
    data = ReceiptData(sale, STALL, {"V1": long_vendor}, sale.created_at.astimezone(WIT), None)
    for width in WIDTHS:
        doc = layout_receipt(data, width)
        out = texts(doc)
        assert all(len(line) <= width and line.isascii() for line in out)
        assert " ".join(out).count("Koperasi Perempuan") == 1
        joined = " ".join(out)
        assert 'Kopi Ambon - spesial cafe "Rarobang" x2 ...' in joined
        assert "x" * width in out  # a word longer than the line is split hard


def test_note_is_printed() -> None:
    sale = make_sale((product_line("ASIDA"),), note="Pesanan untuk rapat OPD")
    data = ReceiptData(sale, STALL, {}, sale.created_at.astimezone(WIT), None)
    assert "Catatan: Pesanan untuk rapat OPD" in texts(layout_receipt(data, 48))


def test_footer_may_have_several_lines() -> None:
    stall = StallInfo("Jiku Bata", "", "AMB-01", "Terima kasih\nSampai jumpa lagi")
    sale = sample_sale()
    doc = layout_receipt(ReceiptData(sale, stall, {}, sale.created_at.astimezone(WIT), None), 42)
    footer = [b for b in doc.blocks if isinstance(b, Line) and b.align == "center"][-2:]
    assert [b.text for b in footer] == ["Terima kasih", "Sampai jumpa lagi"]


def test_width_must_be_usable() -> None:
    with pytest.raises(ValueError, match="at least"):
        layout_receipt(sample_data(), 10)


# -- dates -------------------------------------------------------------------------------------


def test_dates_use_indonesian_names_and_the_zone() -> None:
    days = [format_local_time(dt.datetime(2026, 11, 15 + i, 8, 5, tzinfo=WIT)) for i in range(7)]
    assert [day[:3] for day in days] == ["Min", "Sen", "Sel", "Rab", "Kam", "Jum", "Sab"]
    assert days[5] == "Jum, 20 Nov 2026 08:05 WIT"
    months = [format_local_time(dt.datetime(2026, m, 1, tzinfo=WIT))[8:11] for m in range(1, 13)]
    assert " ".join(months) == "Jan Feb Mar Apr Mei Jun Jul Agu Sep Okt Nov Des"
    # 00:10 WIT on 1 November is still 31 October in UTC: the receipt shows the stall's clock.
    moment = dt.datetime(2026, 10, 31, 15, 10, tzinfo=dt.UTC).astimezone(WIT)
    assert format_local_time(moment) == "Min, 01 Nov 2026 00:10 WIT"
    assert format_local_time(moment.astimezone(ZoneInfo("Asia/Makassar"))).endswith("WITA")
    assert format_local_time(moment.astimezone(dt.UTC)).endswith("UTC+00:00")
    with pytest.raises(ValueError, match="timezone-aware"):
        format_local_time(dt.datetime(2026, 11, 20, 12, 0))


# -- the lookup QR -----------------------------------------------------------------------------


def test_qr_payload_format_and_parse() -> None:
    sale = sample_sale()
    payload = receipt_qr_payload(sale)
    assert payload == f"JKBR1:AMB-01-000123:{sale.id.upper()}:9F2C4E1AB03D"
    assert set(payload) <= set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")  # QR alnum
    assert parse_receipt_qr(payload) == ("AMB-01-000123", sale.id, sale.entry_hash[:12])
    assert parse_receipt_qr(f"  {payload.lower()}\n") == parse_receipt_qr(payload)
    assert [b.payload for b in qr_blocks(layout_receipt(sample_data(), 32))] == [payload]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "start with 'JKBR1:'"),
        ("198504122010012001", "start with 'JKBR1:'"),
        ("JKBR1:AMB-01-000123", "4 parts"),
        ("JKBR1:AMB-01-000123:x:y:z", "4 parts"),
        ("JKBR1:AMB01:" + SOME_UUID + ":9F2C4E1AB03D", "damaged"),
        ("JKBR1:AMB-01-000123:not-a-uuid:9F2C4E1AB03D", "damaged"),
        ("JKBR1:AMB-01-000123:" + SOME_UUID + ":9F2C4E1AB0", "damaged"),
        ("JKBR1:AMB-01-000123:" + SOME_UUID + ":9F2C4E1AB03G", "damaged"),
    ],
)
def test_bad_qr_text_is_refused_clearly(text: str, message: str) -> None:
    with pytest.raises(ReceiptQrError, match=message) as caught:
        parse_receipt_qr(text)
    assert isinstance(caught.value, ValueError)


@given(
    kiosk=st.from_regex(r"[A-Z0-9][A-Z0-9-]{0,15}", fullmatch=True),
    seq=st.integers(1, 999_999_999),
    sale_id=st.uuids(),
    digest=st.from_regex(r"[0-9a-f]{64}", fullmatch=True),
)
def test_qr_payload_round_trips(kiosk: str, seq: int, sale_id: uuid.UUID, digest: str) -> None:
    sale = RecordedSale(
        str(sale_id),
        kiosk,
        seq,
        dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
        None,
        "op",
        "QRIS",
        None,
        1,
        "kiosk",
        None,
        (CartLine("V", "x", 1),),
        digest,
    )
    assert parse_receipt_qr(receipt_qr_payload(sale)) == (sale.number, str(sale_id), digest[:12])


@given(st.text(max_size=120))
def test_parse_qr_never_fails_other_than_with_its_error(text: str) -> None:
    with contextlib.suppress(ReceiptQrError):
        parse_receipt_qr(text)


# -- every line fits, whatever the sale --------------------------------------------------------

_names = st.text(
    alphabet=st.characters(exclude_categories=("Cs",)), min_size=1, max_size=90
).filter(str.strip)
_lines = st.builds(
    CartLine,
    vendor_code=st.sampled_from(["UMKM-001", "UMKM-002", "UMKM-003", "V-UNKNOWN"]),
    description=_names,
    unit_price=st.integers(1, MAX_LINE_AMOUNT),
    quantity=st.integers(1, MAX_QUANTITY),
)
_statuses = st.sampled_from(list(Status))


@settings(max_examples=60, deadline=None)
@given(
    lines=st.lists(_lines, min_size=1, max_size=40),
    width=st.sampled_from(WIDTHS),
    vendor=_names,
    buyer=st.one_of(
        st.none(),
        st.builds(
            BuyerLine,
            nama=st.one_of(st.none(), _names),
            masked_nip=st.just("19850412********01"),
            opd=st.one_of(st.none(), _names),
            month_label=st.just("November 2026"),
            spent=st.integers(0, 10**12),
            minimum=st.integers(0, 10**7),
            status=_statuses,
        ),
    ),
    method=st.sampled_from(["TUNAI", "QRIS", "Transfer bank 🙂"]),
    copy=st.booleans(),
    operator=_names,
)
def test_every_line_fits_any_sale(
    lines: list[CartLine],
    width: int,
    vendor: str,
    buyer: BuyerLine | None,
    method: str,
    copy: bool,
    operator: str,
) -> None:
    total = sum(line.subtotal for line in lines)
    sale = make_sale(
        tuple(lines), method=method, cash=total + 12_345 if method == "TUNAI" else None
    )
    sale = RecordedSale(**{**sale.__dict__, "operator": operator})
    stall = StallInfo(vendor * 2, vendor, "AMB-01", vendor)
    data = ReceiptData(
        sale, stall, {"UMKM-001": vendor}, sale.created_at.astimezone(WIT), buyer, copy=copy
    )
    doc = layout_receipt(data, width)
    assert assert_fits(doc) is doc
    for block in doc.blocks:
        if isinstance(block, Line):
            assert len(block.text) <= (width // 2 if block.double else width)
            assert block.text.isascii() and block.text.isprintable()
    amounts = " ".join(texts(doc)).replace(" ", "")
    assert f"Rp{total:,}".replace(",", ".") in amounts


@settings(max_examples=40, deadline=None)
@given(width=st.integers(16, 80), reason=_names, actor=_names)
def test_slips_and_test_page_fit_any_width(width: int, reason: str, actor: str) -> None:
    sale = sample_sale()
    assert_fits(
        layout_void_slip(sale, STALL, sale.created_at.astimezone(WIT), reason, actor, width)
    )
    assert_fits(layout_test_page(STALL, width, "TM-T20II", "CP437 (teks non-ASCII disederhanakan)"))
    assert_fits(layout_receipt(sample_data(), width))


def test_assert_fits_names_the_bad_line() -> None:
    with pytest.raises(LayoutOverflow, match="block 1"):
        assert_fits(PrintDocument((Line("ok"), Line("x" * 33)), 32))
    with pytest.raises(LayoutOverflow):
        assert_fits(PrintDocument((Line("x" * 17, double=True),), 32))
    with pytest.raises(LayoutOverflow):
        assert_fits(PrintDocument((Line("café"),), 32))
    with pytest.raises(LayoutOverflow):
        assert_fits(PrintDocument((Rule("=="),), 32))
    with pytest.raises(LayoutOverflow):
        assert_fits(PrintDocument((QrCode("X", "c" * 40),), 32))
    assert_fits(PrintDocument((Line("x" * 16, double=True), Feed(2), Rule("="), QrCode("X")), 32))


# -- void slip and test page -------------------------------------------------------------------


@pytest.mark.parametrize("width", WIDTHS)
def test_void_slip(width: int) -> None:
    sale = sample_sale()
    when = dt.datetime(2026, 11, 20, 14, 30, tzinfo=WIT)
    doc = layout_void_slip(sale, STALL, when, "Salah input jumlah", "Admin Disperindag", width)
    joined = "\n".join(texts(doc))
    for needle in [
        "PEMBATALAN / VOID",
        "AMB-01-000123",
        "Jum, 20 Nov 2026 12:00 WIT",  # when the sale was made
        "Rp78.000",
        "Alasan: Salah input jumlah",
        "Admin Disperindag",
        "Jum, 20 Nov 2026 14:30 WIT",  # when it was voided
    ]:
        assert needle in joined
    assert not doc.open_drawer and doc.cut
    assert [b.payload for b in qr_blocks(doc)] == [receipt_qr_payload(sale)]
    assert doc.title == "Pembatalan AMB-01-000123"


@pytest.mark.parametrize("width", WIDTHS)
def test_test_page(width: int) -> None:
    doc = layout_test_page(STALL, width, "POS-5890", "CP437 (teks non-ASCII disederhanakan)")
    lines = texts(doc)
    assert ruler(width) in lines and len(ruler(width)) == width
    assert ruler(width).startswith("1234567890")
    frame = next(line for line in lines if line.startswith("|"))
    assert len(frame) == width and frame.endswith("|") and f"{width} karakter" in frame
    joined = "\n".join(lines)
    assert "POS-5890" in joined and "CP437" in joined and str(width) in joined
    assert 'Kafe Ambon - "Pulau Rempah" x 2 ...' in " ".join(lines)
    assert [b.payload for b in qr_blocks(doc)] == [f"JKBR-TEST:AMB-01:{width}"]
