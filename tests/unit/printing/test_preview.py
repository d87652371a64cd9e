"""Previews: the monospace text and the receipt-like PNG, whose QRs must scan.

Each run also writes the sample receipts under docs/receipts/ so anyone can see them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from kiosk.printing.document import Feed, Line, PrintDocument, QrCode, Rule
from kiosk.printing.escpos_output import codepage_note
from kiosk.printing.preview import paper_pixels, preview_png, preview_text, qr_image, render_image
from kiosk.printing.receipt import (
    layout_receipt,
    layout_test_page,
    layout_void_slip,
    receipt_qr_payload,
)
from tests.unit.printing.test_receipt import (
    ROOT,
    STALL,
    WIT,
    sample_data,
    sample_sale,
    small_kurang_data,
    texts,
)

DOCS = ROOT / "docs" / "receipts"


def decode(image: Image.Image) -> list[str]:
    return [result.text for result in zxingcpp.read_barcodes(image)]


def test_preview_text_aligns_like_the_printer() -> None:
    doc = PrintDocument(
        (
            Line("kiri"),
            Line("tengah", "center"),
            Line("kanan", "right"),
            Line("BESAR", "center", True, True),
            Rule("="),
            Feed(2),
            QrCode("JKBR1:X", "cek"),
            Line("café —"),
        ),
        20,
    )
    assert preview_text(doc).split("\n") == [
        "kiri",
        "       tengah",
        "               kanan",
        "     B E S A R",
        "=" * 20,
        "",
        "",
        "   [QR: JKBR1:X]",
        "        cek",
        "cafe -",
        "",
    ]


@pytest.mark.parametrize("width", [32, 42, 48])
def test_preview_text_holds_every_printed_line(width: int) -> None:
    doc = layout_receipt(sample_data(), width)
    preview = preview_text(doc)
    for text in texts(doc):
        if not any(b.double for b in doc.blocks if isinstance(b, Line) and b.text == text):
            assert text.strip() in preview
    assert f"[QR: {receipt_qr_payload(sample_sale())}]" in preview
    assert all(
        len(line) <= width for line in preview.splitlines() if not line.strip().startswith("[QR")
    )


@pytest.mark.parametrize(
    "payload",
    [
        receipt_qr_payload(sample_sale()),
        "JKBR-TEST:AMB-01:32",
        "JKBR1:AMB-01-999999999:00000000-0000-4000-8000-000000000000:FFFFFFFFFFFF",
        "kopi café — 日本",  # byte mode, UTF-8
    ],
)
@pytest.mark.parametrize("module", [1, 5, 6])
def test_qr_images_decode_back_to_the_exact_payload(payload: str, module: int) -> None:
    image = qr_image(payload, module)
    assert decode(image) == [payload]


@pytest.mark.parametrize(("width", "pixels"), [(32, 384), (42, 576), (48, 576)])
def test_png_is_paper_width_and_its_qr_scans(width: int, pixels: int) -> None:
    assert paper_pixels(width) == pixels
    image = render_image(layout_receipt(sample_data(), width))
    assert pixels < image.width < pixels + 100  # printable dots plus paper margins
    assert image.height > image.width
    assert decode(image) == [receipt_qr_payload(sample_sale())]


def test_writes_the_sample_receipts_for_the_docs() -> None:
    when = dt.datetime(2026, 11, 20, 14, 30, tzinfo=WIT)
    samples = {
        "receipt-58mm.png": layout_receipt(sample_data(), 32),
        "receipt-80mm.png": layout_receipt(sample_data(), 48),
        "receipt-copy-80mm.png": layout_receipt(small_kurang_data(copy=True), 48),
        "void-slip-80mm.png": layout_void_slip(
            sample_sale(), STALL, when, "Salah input: pembeli batal", "Admin Disperindag", 48
        ),
        "test-page-58mm.png": layout_test_page(STALL, 32, "POS-5890", codepage_note("POS-5890")),
    }
    for name, doc in samples.items():
        path = preview_png(doc, DOCS / name)
        assert path == DOCS / name
        with Image.open(path) as image:
            assert image.width > paper_pixels(doc.width)
            qr = next(block for block in doc.blocks if isinstance(block, QrCode))
            assert decode(image) == [qr.payload]


def test_preview_png_creates_folders(tmp_path: Path) -> None:
    doc = PrintDocument((Line("Tes"),), 32, cut=False)
    path = preview_png(doc, tmp_path / "a" / "b" / "tes.png")
    with Image.open(path) as image:
        assert image.format == "PNG" and image.width == 384 + 2 * 28 + 2 * 12
