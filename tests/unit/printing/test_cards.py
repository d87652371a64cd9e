"""QR ID cards: true ID-1 size, A4 sheets with cut marks, a PDF that prints at 100 %, and every
QR read back by an independent decoder (zxing-cpp), never by the encoder that made it."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
import yaml
import zxingcpp
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, PdfParser

from kiosk.domain.nip import mask_nip
from kiosk.domain.scan import IdentifiedBy, read_scan, sign_card_payload
from kiosk.printing import cards
from kiosk.printing.cards import (
    CardFonts,
    card_slots,
    check_layout,
    inside,
    layout_card,
    mm_to_px,
    overlaps,
    render_card,
    render_sheet,
    write_cards_pdf,
)
from kiosk.printing.document import CardFace

REPO = Path(__file__).resolve().parents[3]
SAMPLE_ROSTER = REPO / "assets" / "sample" / "roster.csv"
DOCS = REPO / "docs" / "cards"
KEYS = {"K1": b"card-test-secret-0123456789abcdef"}
NIP = "198504122010011001"
LONG_NAME = "Prof. Dr. Ir. Hj. Maria Magdalena Latuconsina-Pattiasina, M.Si"  # 60+ characters
LONG_OPD = (
    "Badan Perencanaan Pembangunan Daerah, Penelitian dan Pengembangan Kota Ambon "
    "Provinsi Maluku Bagian Perekonomian dan Sumber Daya Alam"
)


def face(nip: str = NIP, nama: str = "Drs. Yosias Latumahina, M.Si.", **changes: str) -> CardFace:
    fields = {
        "opd": "Dinas Perindustrian dan Perdagangan",
        "tier_label": "Eselon III / Administrator",
        **changes,
    }
    return CardFace(
        nama=nama,
        masked_nip=mask_nip(nip),
        payload=sign_card_payload(nip, "K1", KEYS["K1"]),
        **fields,
    )


def sample_faces() -> list[CardFace]:
    """The sample roster as the card service would print it (sorted by OPD, then name)."""
    tiers = yaml.safe_load((REPO / "config.yaml").read_text(encoding="utf-8"))["regulation"]
    with SAMPLE_ROSTER.open(encoding="utf-8-sig", newline="") as handle:
        rows = sorted(csv.DictReader(handle), key=lambda r: (r["opd"], r["nama"]))
    return [
        CardFace(
            nama=row["nama"],
            opd=row["opd"],
            tier_label=tiers["tiers"][row["tingkat"]],
            masked_nip=mask_nip(row["nip"]),
            payload=sign_card_payload(row["nip"], "K1", KEYS["K1"]),
        )
        for row in rows
    ]


def nip_of(payload: str) -> str:
    return payload.split(":")[2]


def decoded(image: Image.Image) -> list[str]:
    return [
        r.text for r in zxingcpp.read_barcodes(image) if r.format == zxingcpp.BarcodeFormat.QRCode
    ]


def text_boxes_are_sound(layout: cards.CardLayout) -> None:
    check_layout(layout)  # the renderer's own check...
    card = (0, 0, *layout.size)
    boxes = [t.box for t in layout.texts if t.text]
    for box in boxes:  # ...and the same facts stated again here, independently of it
        assert inside(box, card)
        assert not overlaps(box, layout.qr_box)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not overlaps(a, b), (a, b)


# --- one card ------------------------------------------------------------------------------


def test_a_card_is_id1_size_at_300_dpi():
    width, height = render_card(face()).size
    assert abs(width - 1011) <= 2 and abs(height - 638) <= 2  # 85.60 x 53.98 mm


def test_the_card_qr_decodes_to_the_signed_payload_and_identifies_the_nip():
    card = face()
    assert decoded(render_card(card)) == [card.payload]
    who = read_scan(decoded(render_card(card))[0], KEYS, accept_unsigned=False)
    assert (who.nip, who.by, who.key_id) == (NIP, IdentifiedBy.SIGNED_CARD, "K1")


def test_the_qr_is_at_least_20_mm_wide_with_a_white_quiet_zone_of_four_modules():
    card = face()
    layout = layout_card(card)
    image = render_card(card).convert("L")
    [found] = zxingcpp.read_barcodes(image)
    symbol_px = found.position.top_right.x - found.position.top_left.x
    assert symbol_px >= mm_to_px(20, 300)
    left, top, right, bottom = layout.qr_box
    quiet = 4 * layout.module_px
    ring = [
        image.crop((left, top, right, top + quiet)),
        image.crop((left, bottom - quiet, right, bottom)),
        image.crop((left, top, left + quiet, bottom)),
        image.crop((right - quiet, top, right, bottom)),
    ]
    assert all(strip.getextrema() == (255, 255) for strip in ring)


def test_the_qr_matrix_uses_error_correction_m():
    # a version-3 symbol holding this payload exists only at L or M; M keeps a scuffed card
    # readable. zxing reports the level it decoded with.
    [found] = zxingcpp.read_barcodes(render_card(face()))
    assert found.ec_level == "M"


def lines(layout: cards.CardLayout, role: str) -> list[str]:
    return [t.text for t in layout.texts if t.role == role]


def test_long_names_and_opds_stay_on_the_card_and_the_name_is_never_cut():
    card = face(nama=LONG_NAME, opd=LONG_OPD, tier_label="Kepala Dinas / JPT Pratama (Eselon II)")
    layout = layout_card(card)
    text_boxes_are_sound(layout)
    assert " ".join(lines(layout, "name")) == LONG_NAME
    opd = lines(layout, "opd")
    assert len(opd) == 2 and opd[-1].endswith("…")
    assert LONG_OPD.startswith(" ".join(opd).removesuffix("…"))
    assert " ".join(lines(layout, "tier")) == "Kepala Dinas / JPT Pratama (Eselon II)"
    assert decoded(render_card(card)) == [card.payload]


def test_an_absurdly_long_name_is_shortened_with_an_ellipsis_rather_than_spilling():
    layout = layout_card(face(nama="Nama " * 60, opd=LONG_OPD * 3, tier_label=LONG_OPD))
    text_boxes_are_sound(layout)
    assert lines(layout, "name")[-1].endswith("…")


@settings(max_examples=40, deadline=None)
@given(
    nama=st.text(
        st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ .,'-WMmw"),
        min_size=1,
        max_size=60,
    ).filter(str.strip),
    opd=st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz DMW"), min_size=1, max_size=120),
)
def test_any_name_up_to_60_characters_fits_whole(nama: str, opd: str):
    layout = layout_card(face(nama=nama, opd=opd))
    text_boxes_are_sound(layout)
    # wrapping may break an over-long word between characters, but never drops one
    assert "".join(lines(layout, "name")).replace(" ", "") == "".join(nama.split())


def test_cards_render_without_any_system_font():
    bare = CardFonts()  # what a machine without fonts-dejavu-core gets
    assert CardFonts.find([Path("/nonexistent")]) == bare
    card = face(nama=LONG_NAME, opd=LONG_OPD)
    layout = layout_card(card, fonts=bare)
    text_boxes_are_sound(layout)
    assert decoded(render_card(card, fonts=bare)) == [card.payload]


# --- sheets --------------------------------------------------------------------------------

NIPS = [f"198504122010011{n:03d}" for n in range(23)]  # 23 valid NIPs, 3 pages of cards


def test_a_page_is_a4_and_all_ten_qr_codes_on_it_decode_to_the_right_people():
    faces = [face(nip, nama=f"Pegawai Nomor {i}") for i, nip in enumerate(NIPS[:10])]
    [page] = render_sheet(faces)
    assert page.size == (2480, 3508)  # 210 x 297 mm at 300 dpi
    found = decoded(page)
    assert sorted(found) == sorted(f.payload for f in faces)
    assert {read_scan(text, KEYS, accept_unsigned=False).nip for text in found} == set(NIPS[:10])


def test_cut_marks_sit_on_the_card_edges_outside_every_card():
    [page] = render_sheet([face(nip) for nip in NIPS[:10]])
    gray = page.convert("L")
    slots = card_slots()
    away = mm_to_px(1.5, 300)  # inside the mark's run, outside the card
    for left, top, right, bottom in slots:
        for x, y in ((left - away, top), (right + away, bottom - 1), (left, top - away)):
            assert gray.getpixel((x, y)) < 80, (x, y)
        assert page.getpixel((left, top)) == cards.BRAND  # the card corner itself is untouched
    # no slot overlaps another, and each leaves a gap for the cut
    for i, a in enumerate(slots):
        for b in slots[i + 1 :]:
            assert not overlaps(a, b)
    assert min(s[0] for s in slots) >= mm_to_px(8, 300)
    assert min(s[1] for s in slots) >= mm_to_px(8, 300)
    assert max(s[2] for s in slots) <= 2480 - mm_to_px(8, 300)
    assert max(s[3] for s in slots) <= 3508 - mm_to_px(8, 300)


def test_nothing_to_print_is_a_clear_error_and_writes_no_file(tmp_path: Path):
    with pytest.raises(ValueError, match="no cards to print"):
        write_cards_pdf([], tmp_path / "cards.pdf")
    with pytest.raises(ValueError, match="no cards to print"):
        render_sheet([])
    assert list(tmp_path.iterdir()) == []


# --- the PDF -------------------------------------------------------------------------------


def pdf_pages(path: Path) -> list[tuple[list[float], Image.Image]]:
    """Each page's size in points and its image, read back through the PDF structure."""
    parser = PdfParser.PdfParser(str(path))
    try:
        out = []
        for ref in parser.pages:
            page = parser.read_indirect(ref)
            image = parser.read_indirect(page[b"Resources"][b"XObject"][b"image"])
            out.append((list(page[b"MediaBox"]), Image.open(io.BytesIO(image.buf)).copy()))
        return out
    finally:
        parser.close()


def test_the_pdf_has_three_a4_pages_for_23_cards_and_its_qr_codes_still_decode(tmp_path: Path):
    faces = [face(nip) for nip in NIPS]
    out = tmp_path / "cards.pdf"
    assert write_cards_pdf(faces, out) == 3
    assert out.read_bytes().startswith(b"%PDF-")
    assert len(re.findall(rb"/Type\s*/Page\b", out.read_bytes())) == 3
    pages = pdf_pages(out)
    assert len(pages) == 3
    for media_box, _ in pages:  # printing at 100 % gives true size: A4 in points
        assert media_box[2] == pytest.approx(595.28, abs=0.5)
        assert media_box[3] == pytest.approx(841.89, abs=0.5)
    found = [text for _, image in pages for text in decoded(image)]  # after JPEG compression
    assert sorted(found) == sorted(f.payload for f in faces)
    assert [p.name for p in tmp_path.iterdir()] == ["cards.pdf"]  # no temp file left over


def test_a_failure_midway_leaves_the_old_pdf_untouched_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    out = tmp_path / "cards.pdf"
    out.write_bytes(b"the previous print run")
    real_render = cards.render_card
    calls = []

    def failing_render(*args, **kwargs):
        calls.append(1)
        if len(calls) == 15:
            raise OSError("disk full")
        return real_render(*args, **kwargs)

    monkeypatch.setattr(cards, "render_card", failing_render)
    with pytest.raises(OSError, match="disk full"):
        write_cards_pdf([face(nip) for nip in NIPS], out)
    assert out.read_bytes() == b"the previous print run"
    assert [p.name for p in tmp_path.iterdir()] == ["cards.pdf"]


# --- pictures for the docs -----------------------------------------------------------------


def test_writes_the_sample_card_and_sheet_pictures_for_the_docs():
    faces = sample_faces()
    DOCS.mkdir(parents=True, exist_ok=True)
    card = render_card(faces[0])
    card.save(DOCS / "card.png", dpi=(300, 300))
    [first, *_] = render_sheet(faces[:10])
    small = first.resize((1240, round(1240 * first.height / first.width)), Image.LANCZOS)
    small.save(DOCS / "card-sheet.png", dpi=(150, 150))
    assert decoded(Image.open(DOCS / "card.png")) == [faces[0].payload]
    assert len(decoded(Image.open(DOCS / "card-sheet.png"))) == 10  # even at half resolution
