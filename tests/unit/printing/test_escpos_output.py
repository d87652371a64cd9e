"""ESC/POS bytes through python-escpos's Dummy, at 58 mm (POS-5890: no cutter, no native QR)
and 80 mm (TM-T20II, TM-T88V: cutter and native QR). QRs are read back with zxing-cpp."""

from __future__ import annotations

import datetime as dt

import pytest
import zxingcpp
from escpos.printer import Dummy
from PIL import Image, ImageOps

from kiosk.printing.document import Feed, Line, PrintDocument, QrCode, Rule
from kiosk.printing.escpos_output import can_cut, codepage_in_use, codepage_note, encode, render
from kiosk.printing.receipt import (
    ReceiptData,
    layout_receipt,
    layout_test_page,
    layout_void_slip,
    receipt_qr_payload,
)
from tests.unit.printing.test_receipt import (
    STALL,
    WIT,
    make_sale,
    product_line,
    sample_data,
    sample_sale,
    texts,
    vendor_names,
)

ESC_INIT = b"\x1b@"
CUT = b"\x1dV"  # GS V: python-escpos sends GS V 0 (full) or GS V 1 (partial)
NATIVE_QR = b"\x1d(k"  # GS ( k: the printer's own 2D-code function
RASTER = b"\x1dv0"  # GS v 0: a raster bit image
DRAWER = b"\x1bp"  # ESC p: kick the cash drawer
BOLD_ON, BOLD_OFF = b"\x1bE\x01", b"\x1bE\x00"
DOUBLE = b"\x1b!\x30"
CENTER = b"\x1ba\x01"

SMALL = ("POS-5890", 32)
LARGE = [("TM-T20II", 48), ("TM-T88V", 42), ("TM-T20II", 42)]


def split_rasters(data: bytes) -> tuple[bytes, list[Image.Image]]:
    """The bytes with every GS v 0 image cut out (so image data cannot fake a command),
    and the images themselves, black on white."""
    rest, images = b"", []
    while (start := data.find(RASTER)) >= 0:
        header = data[start + 4 : start + 8]
        width_bytes = header[0] + 256 * header[1]
        height = header[2] + 256 * header[3]
        end = start + 8 + width_bytes * height
        bits = Image.frombytes("1", (width_bytes * 8, height), data[start + 8 : end])
        images.append(ImageOps.invert(bits.convert("L")))  # ESC/POS: a set bit is black
        rest += data[:start]
        data = data[end:]
    return rest + data, images


def native_qr_payloads(data: bytes) -> list[str]:
    """The contents stored with GS ( k <pL pH> cn=49 fn=80 m=48 <data>."""
    found, position = [], 0
    while (start := data.find(NATIVE_QR, position)) >= 0:
        length = data[start + 3] + 256 * data[start + 4]
        body = data[start + 5 : start + 5 + length]
        if body[:2] == b"1P":
            found.append(body[3:].decode("utf-8"))
        position = start + 5 + length
    return found


def decode(image: Image.Image) -> list[str]:
    padded = ImageOps.expand(image.convert("L"), border=40, fill=255)
    return [result.text for result in zxingcpp.read_barcodes(padded)]


def printed_lines(document: PrintDocument) -> list[bytes]:
    return [f"{text}\n".encode("ascii") for text in texts(document)]


def test_58mm_receipt_without_cutter_or_native_qr() -> None:
    profile, width = SMALL
    doc = layout_receipt(sample_data(), width)
    data = encode(doc, profile)
    assert data.startswith(ESC_INIT)
    text, images = split_rasters(data)
    for line in printed_lines(doc):
        assert line in text
    assert b"-" * 32 + b"\n" in text and b"=" * 32 + b"\n" in text
    assert CUT not in text  # POS-5890 cannot cut: it feeds to the tear bar instead
    assert text.endswith(b"\n" * 4 + DRAWER + b"\x00\x32\x32")  # tear-bar feed, then drawer
    assert NATIVE_QR not in text
    assert len(images) == 1 and images[0].width <= 384
    assert decode(images[0]) == [receipt_qr_payload(sample_sale())]
    assert all(byte < 0x80 for byte in text)  # only ASCII text and commands


@pytest.mark.parametrize(("profile", "width"), LARGE)
def test_80mm_receipt_with_cutter_and_native_qr(profile: str, width: int) -> None:
    doc = layout_receipt(sample_data(), width)
    data = encode(doc, profile)
    assert data.startswith(ESC_INIT)
    for line in printed_lines(doc):
        assert line in data
    assert RASTER not in data
    assert native_qr_payloads(data) == [receipt_qr_payload(sample_sale())]
    assert b"\x1d(k\x03\x001E1" in data  # error correction M, as in the previews
    assert data.rindex(b"\x1dV\x00") > data.rindex(NATIVE_QR)  # the cut comes last ...
    assert data.endswith(DRAWER + b"\x00\x32\x32")  # ... then the drawer opens for the cash


def test_styles_are_set_and_reset_around_each_line() -> None:
    doc = PrintDocument(
        (Line("Dapur Sagu Mama Ona", bold=True), Line("TOTAL Rp78.000", "center", True, True)),
        32,
    )
    data = encode(doc, "TM-T20II")
    vendor = data.index(b"Dapur Sagu Mama Ona\n")
    assert data.rfind(BOLD_ON, 0, vendor) >= 0
    assert data.find(BOLD_OFF, vendor) == vendor + len(b"Dapur Sagu Mama Ona\n")
    total = data.index(b"TOTAL Rp78.000\n")
    before = data[:total]
    assert before.rfind(DOUBLE) > before.rfind(b"Mama Ona") and before.endswith(CENTER)
    after = data[total:]
    assert b"\x1b!\x00" in after and b"\x1ba\x00" in after and BOLD_OFF in after


def test_no_drawer_for_reprints_qris_and_slips() -> None:
    assert DRAWER not in encode(layout_receipt(sample_data(copy=True), 48), "TM-T20II")
    sale = make_sale((product_line("RRB-GLS"),), method="QRIS")
    data = ReceiptData(sale, STALL, vendor_names(), sale.created_at.astimezone(WIT), None)
    assert DRAWER not in encode(layout_receipt(data, 48), "TM-T20II")
    when = dt.datetime(2026, 11, 20, 14, 30, tzinfo=WIT)
    slip = encode(layout_void_slip(sample_sale(), STALL, when, "Salah", "Admin", 48), "TM-T20II")
    assert b"PEMBATALAN / VOID\n" in slip and DRAWER not in slip and CUT in slip


def test_non_ascii_text_prints_degraded_and_never_raises() -> None:
    doc = PrintDocument(
        (
            Line("Kopi Ambon — spesial café"),
            Line("日本語 🌶 “kutip” …"),
            Rule("—"),
            Rule("🙂"),
            QrCode("café", caption="Kode — cek"),
        ),
        32,
        cut=False,
    )
    for profile in ("POS-5890", "TM-T20II", "AF-240"):
        data = encode(doc, profile)
        text, _ = split_rasters(data)
        assert b"Kopi Ambon - spesial cafe\n" in text
        assert b'??? ? "kutip" ...\n' in text
        assert b"-" * 32 + b"\n" in text and b"?" * 32 + b"\n" in text
        assert b"Kode - cek\n" in text
        assert CUT not in text  # the document asked for no cut
        # Only a native QR's own data may be UTF-8: the printer does not print it as text.
        assert all(byte < 0x80 for byte in text.replace("café".encode(), b""))


def test_no_codepage_switch_is_guessed() -> None:
    # ESC @ leaves the printer on table 0; python-escpos must not add an ESC t of its own.
    for profile in ("POS-5890", "TM-T20II", "TM-T88V"):
        data = encode(layout_receipt(sample_data(), 32), profile)
        assert b"\x1bt" not in split_rasters(data)[0]
        assert codepage_in_use(Dummy(profile=profile)) == "CP437"
    assert codepage_note("POS-5890").startswith("CP437")


def test_feeds_and_capabilities() -> None:
    doc = PrintDocument((Line("a"), Feed(3), Line("b")), 32)
    assert b"a\n\n\n\nb\n" in encode(doc, "TM-T88V").replace(b"\x1bE\x00\x1ba\x00", b"")
    assert can_cut(Dummy(profile="TM-T20II")) and not can_cut(Dummy(profile="POS-5890"))


def test_encode_is_render_on_a_dummy() -> None:
    doc = layout_receipt(sample_data(), 42)
    printer = Dummy(profile="TM-T20II")
    render(doc, printer)
    assert printer.output == encode(doc, "TM-T20II")


def test_a_twenty_line_receipt_lays_out_and_encodes() -> None:
    skus = [
        "SAGU-LMP",
        "SAGU-TMB",
        "SAGU-GULA",
        "SINOLI",
        "PAPEDA-3",
        "RRB-GLS",
        "RRB-250",
        "RRB-500",
        "GURAKA-GLS",
        "GURAKA-10",
        "TNB-SYAL",
        "BAGEA-100",
        "BAGEA-250",
        "KENARI-GRG",
        "HALUA-KNR",
        "ASIDA",
        "ASAR-CKL",
        "COLO-BTL",
        "MTR-GTK",
        "MKP-30",
    ]
    lines = tuple(product_line(sku, 1 + index % 3) for index, sku in enumerate(skus))
    sale = make_sale(lines, cash=2_000_000)
    data = ReceiptData(sale, STALL, vendor_names(), sale.created_at.astimezone(WIT), None)
    doc = layout_receipt(data, 42)
    out = encode(doc, "TM-T20II")
    for line in lines:
        assert line.description.encode() in out
    assert f"TOTAL Rp{sale.total:,}".replace(",", ".").encode() in out.replace(b"  ", b"")
    assert CUT in out and native_qr_payloads(out) == [receipt_qr_payload(sale)]


@pytest.mark.parametrize(("profile", "width"), [SMALL, *LARGE])
def test_printer_test_page(profile: str, width: int) -> None:
    doc = layout_test_page(STALL, width, profile, codepage_note(profile))
    text, images = split_rasters(encode(doc, profile))
    ruler = ("1234567890" * 5)[:width].encode()
    assert ruler + b"\n" in text and b"CP437" in text and profile.encode() in text
    payload = f"JKBR-TEST:AMB-01:{width}"
    if images:
        assert decode(images[0]) == [payload]
    else:
        assert native_qr_payloads(text) == [payload]
    assert (CUT in text) == (profile != "POS-5890")
