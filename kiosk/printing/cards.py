"""Printable QR ID cards: one card, A4 sheets of ten with cut marks, and a multi-page PDF.

Pillow and qrcode only (no Qt, no database), so the CLI and headless tests can both use it.
Every size is given in millimetres and turned into pixels at the requested dpi; the PDF records
that dpi, so printing it at 100 % gives cards of true ID-1 size.

Fonts: DejaVu Sans (Debian package ``fonts-dejavu-core``) when it can be found, otherwise
Pillow's built-in font, so cards still render on a machine with no system fonts at all.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from typing import BinaryIO

import qrcode
from PIL import Image, ImageDraw, ImageFont, PdfParser

from .. import brand
from ..brand import RGB
from .document import CardFace

MM_PER_INCH = 25.4
CARD_MM = (85.60, 53.98)  # ISO/IEC 7810 ID-1: the size of a bank card, fits any card holder
A4_MM = (210.0, 297.0)
COLUMNS, ROWS = 2, 5
PER_PAGE = COLUMNS * ROWS
GAP_MM = (6.0, 2.5)  # between columns, between rows: room for a cut and for the cut marks
MIN_MARGIN_MM = 8.0  # most office printers cannot print the outer 4-5 mm
MIN_QR_MM = 20.0  # the symbol itself, quiet zone excluded: cheap scanners need big modules
QUIET_MODULES = 4  # what ISO/IEC 18004 asks for around a QR code

TITLE = "Jiku Bata"
SUBTITLE = "Sudut Balai Kota Ambon"
BADGE = "KARTU BELANJA ASN"
SCAN_HINT = "Pindai di kiosk Jiku Bata"

Box = tuple[int, int, int, int]  # left, top, right, bottom in pixels (right/bottom exclusive)
Font = ImageFont.FreeTypeFont | ImageFont.ImageFont

# The screen's colours (kiosk.brand): a card looks like the kiosk that scans it.
WHITE: RGB = brand.rgb(brand.PAPER)
INK: RGB = brand.rgb(brand.INK)
MUTED: RGB = brand.rgb(brand.MUTED)
BRAND: RGB = brand.rgb(brand.BRAND)
BRAND_LIGHT: RGB = brand.rgb(brand.BRAND_LIGHT)
ACCENT: RGB = brand.rgb(brand.ACCENT)
ACCENT_DARK: RGB = brand.rgb(brand.ACCENT_DARK)
CUT_MARK: RGB = (0, 0, 0)  # not a brand colour: black cuts cleanest

FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),  # Debian, Ubuntu
    Path("/usr/share/fonts/dejavu-sans-fonts"),  # Fedora
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/share/fonts/TTF"),  # Arch
    Path("/usr/local/share/fonts"),
)
_FONT_FILES = {
    "regular": "DejaVuSans.ttf",
    "bold": "DejaVuSans-Bold.ttf",
    "mono": "DejaVuSansMono.ttf",
}


class CardLayoutError(RuntimeError):
    """A layout bug: some text would fall outside its area. Never printed silently."""


# --- units and fonts ---------------------------------------------------------------------------


def mm_to_px(mm: float, dpi: int) -> int:
    return round(mm * dpi / MM_PER_INCH)


def pt_to_px(pt: float, dpi: int) -> int:
    return max(1, round(pt * dpi / 72))


@dataclass(frozen=True)
class CardFonts:
    """Font files by role; ``None`` means Pillow's built-in font."""

    regular: Path | None = None
    bold: Path | None = None
    mono: Path | None = None

    @classmethod
    def find(cls, dirs: Sequence[Path] = FONT_DIRS) -> CardFonts:
        def first(name: str) -> Path | None:
            return next((d / name for d in dirs if (d / name).is_file()), None)

        return cls(**{role: first(name) for role, name in _FONT_FILES.items()})

    def get(self, role: str, size_px: int) -> Font:
        return _load_font(getattr(self, role), size_px)


@lru_cache(maxsize=1)
def system_fonts() -> CardFonts:
    return CardFonts.find()


@lru_cache(maxsize=128)
def _load_font(path: Path | None, size_px: int) -> Font:
    if path is not None:
        try:
            return ImageFont.truetype(str(path), size_px)
        except OSError:
            pass  # unreadable font file: the built-in font still prints
    return ImageFont.load_default(size=size_px)


def _ascent_descent(font: Font) -> tuple[int, int]:
    if isinstance(font, ImageFont.FreeTypeFont):
        return font.getmetrics()
    top, bottom = font.getbbox("Ag")[1::2]
    return -int(top), int(bottom)


def _ink_width(text: str, font: Font) -> int:
    # the ink may overhang the advance width (e.g. a final "f"): take the larger
    return max(int(font.getlength(text)), int(font.getbbox(text)[2]))


# --- text fitting ------------------------------------------------------------------------------


def _longest_prefix(word: str, font: Font, width: int) -> int:
    for cut in range(len(word) - 1, 0, -1):
        if _ink_width(word[:cut], font) <= width:
            return cut
    return 1


def wrap(text: str, font: Font, width: int) -> list[str]:
    """Greedy word wrap; a word wider than the line is broken between characters."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}" if current else word
        if _ink_width(trial, font) <= width:
            current = trial
            continue
        if current:
            lines.append(current)
        while _ink_width(word, font) > width and len(word) > 1:
            cut = _longest_prefix(word, font, width)
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    if current:
        lines.append(current)
    return lines or [""]


def wrap_ellipsis(text: str, font: Font, width: int, max_lines: int) -> list[str]:
    """Wrap to at most ``max_lines``; the last line ends in '…' when text had to go."""
    lines = wrap(text, font, width)
    if len(lines) <= max_lines:
        return lines
    last = " ".join(lines[max_lines - 1 :])
    while last and _ink_width(last + "…", font) > width:
        last = last[:-1].rstrip()
    return [*lines[: max_lines - 1], last + "…"]


# --- the card layout ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PlacedText:
    text: str
    xy: tuple[int, int]  # left end of the baseline (anchor "ls")
    font: Font
    fill: RGB
    area: Box  # where this text is allowed to be
    role: str  # title, subtitle, badge, hint, nip, name, opd, tier

    @property
    def box(self) -> Box:
        left, top, right, bottom = self.font.getbbox(self.text, anchor="ls")
        x, y = self.xy
        return (x + int(left), y + int(top), x + int(right), y + int(bottom))


@dataclass(frozen=True)
class CardLayout:
    size: tuple[int, int]
    header: Box
    texts: tuple[PlacedText, ...]
    qr_box: Box  # the QR code including its quiet zone
    qr_modules: tuple[tuple[bool, ...], ...]  # quiet zone included
    module_px: int


def inside(inner: Box, outer: Box) -> bool:
    return (
        inner[0] >= outer[0]
        and inner[1] >= outer[1]
        and inner[2] <= outer[2]
        and inner[3] <= outer[3]
    )


def overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def check_layout(layout: CardLayout) -> None:
    """Every text inside its area and the card, none over another or the QR's quiet zone."""
    card: Box = (0, 0, *layout.size)
    for placed in layout.texts:
        if not placed.text:
            continue
        if not inside(placed.box, placed.area) or not inside(placed.box, card):
            raise CardLayoutError(f"'{placed.text}' does not fit on the card ({placed.box})")
        if overlaps(placed.box, layout.qr_box):
            raise CardLayoutError(f"'{placed.text}' covers the QR code")
    inked = [t for t in layout.texts if t.text]
    for i, first in enumerate(inked):
        for second in inked[i + 1 :]:
            if overlaps(first.box, second.box):
                raise CardLayoutError(f"'{first.text}' and '{second.text}' overlap")


def qr_modules(payload: str) -> tuple[tuple[bool, ...], ...]:
    """The QR matrix with its quiet zone; error correction M survives a scuffed card."""
    code = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=1, border=QUIET_MODULES
    )
    code.add_data(payload)
    code.make(fit=True)
    return tuple(tuple(bool(cell) for cell in row) for row in code.get_matrix())


@dataclass(frozen=True)
class _Block:
    role: str
    lines: list[str]
    font: Font
    fill: RGB
    gap_after: int = 0


def _stack(blocks: Sequence[_Block], x: int, top: int, area: Box) -> tuple[list[PlacedText], int]:
    """Lay out blocks of lines downwards from ``top``; return them and the bottom reached."""
    placed: list[PlacedText] = []
    y = top
    for block in blocks:
        ascent, descent = _ascent_descent(block.font)
        for line in block.lines:
            placed.append(
                PlacedText(line, (x, y + ascent), block.font, block.fill, area, block.role)
            )
            y += ascent + descent
        y += block.gap_after
    return placed, y


def layout_card(face: CardFace, dpi: int = 300, fonts: CardFonts | None = None) -> CardLayout:
    fonts = fonts or system_fonts()
    width, height = mm_to_px(CARD_MM[0], dpi), mm_to_px(CARD_MM[1], dpi)
    mm = partial(mm_to_px, dpi=dpi)  # read like a unit: mm(4)
    pt = partial(pt_to_px, dpi=dpi)
    card: Box = (0, 0, width, height)
    header: Box = (0, 0, width, mm(12.5))
    body_top, body_bottom = header[3] + mm(0.9), height - mm(1.6)  # below/above the stripes
    texts: list[PlacedText] = []

    # header: logo at the left, title and subtitle beside it, badge at the right
    logo_left, logo_size = mm(3.5), mm(9.2)
    title_x = logo_left + logo_size + mm(2.5)
    header_area: Box = (title_x - mm(1), 0, width - mm(3), header[3])
    title_font, sub_font = fonts.get("bold", pt(14)), fonts.get("regular", pt(7))
    title_base = header[3] // 2 + mm(0.6)
    texts.append(PlacedText(TITLE, (title_x, title_base), title_font, WHITE, header_area, "title"))
    sub_base = title_base + _ascent_descent(sub_font)[0] + mm(1.0)
    texts.append(
        PlacedText(SUBTITLE, (title_x, sub_base), sub_font, BRAND_LIGHT, header_area, "subtitle")
    )
    badge_font = fonts.get("bold", pt(6))
    badge_x = width - mm(3.5) - _ink_width(BADGE, badge_font)
    texts.append(PlacedText(BADGE, (badge_x, title_base), badge_font, ACCENT, header_area, "badge"))

    # the QR code at the right, module size a whole number of pixels so edges stay sharp
    modules = qr_modules(face.payload)
    module_px = mm(31.5) // len(modules)
    symbol_mm = (len(modules) - 2 * QUIET_MODULES) * module_px * MM_PER_INCH / dpi
    if symbol_mm < MIN_QR_MM:
        raise ValueError(
            f"the card QR would be {symbol_mm:.1f} mm wide (minimum {MIN_QR_MM:.0f} mm): "
            f"use a higher dpi than {dpi} or a shorter payload"
        )
    qr_size = len(modules) * module_px
    hint_font = fonts.get("regular", pt(6.5))
    hint_ascent, hint_descent = _ascent_descent(hint_font)
    group = qr_size + hint_ascent + hint_descent
    qr_left = width - mm(2.0) - qr_size
    qr_top = body_top + max(0, (body_bottom - body_top - group) // 2)
    qr_box: Box = (qr_left, qr_top, qr_left + qr_size, qr_top + qr_size)

    # the person: name, OPD, tier from the top; masked NIP on the bottom line
    # the area starts 1 mm left of the text: some glyphs (J, W) start left of their origin
    left = mm(4)
    column: Box = (left - mm(1), body_top + mm(1.8), qr_left - mm(1.2), body_bottom - mm(1.2))
    text_width = column[2] - left
    nip_label_font, nip_font = fonts.get("regular", pt(7)), fonts.get("mono", pt(8.5))
    nip_base = column[3] - _ascent_descent(nip_font)[1]
    texts.append(PlacedText("NIP", (left, nip_base), nip_label_font, MUTED, column, "nip"))
    nip_x = left + _ink_width("NIP ", nip_label_font) + mm(0.6)
    texts.append(PlacedText(face.masked_nip, (nip_x, nip_base), nip_font, INK, column, "nip"))

    # the scan hint under the QR, on the NIP's baseline when there is room
    hint_area: Box = (qr_left, qr_box[3], qr_box[2], body_bottom)
    hint_x = qr_left + (qr_size - _ink_width(SCAN_HINT, hint_font)) // 2
    hint_base = max(qr_box[3] + hint_ascent, nip_base)
    texts.append(PlacedText(SCAN_HINT, (hint_x, hint_base), hint_font, MUTED, hint_area, "hint"))
    stack_limit = nip_base - _ascent_descent(nip_font)[0] - mm(1.2)

    placed = _fit_person(face, fonts, dpi, (left, text_width), column, stack_limit)
    texts.extend(placed)
    layout = CardLayout((width, height), header, tuple(texts), qr_box, modules, module_px)
    if not inside(qr_box, card):
        raise CardLayoutError("the QR code does not fit on the card")
    check_layout(layout)
    return layout


# name sizes tried in order: big on two lines first, then smaller on three
_NAME_OPTIONS = [(size, 2) for size in (11, 10.5, 10, 9.5, 9, 8.5, 8)] + [
    (size, 3) for size in (9, 8.5, 8, 7.5, 7, 6.5)
]


def _fit_person(
    face: CardFace,
    fonts: CardFonts,
    dpi: int,
    line: tuple[int, int],
    column: Box,
    limit: int,
) -> list[PlacedText]:
    """Name, OPD and tier stacked; shrink the name until the stack clears the NIP line."""
    left, width = line
    pt = partial(pt_to_px, dpi=dpi)
    gap = mm_to_px(1.0, dpi)
    placed: list[PlacedText] = []
    for opd_pt in (7.5, 6.5):
        opd_font, tier_font = fonts.get("regular", pt(opd_pt)), fonts.get("bold", pt(opd_pt))
        opd_lines = wrap_ellipsis(face.opd, opd_font, width, 2)
        tier_lines = wrap_ellipsis(face.tier_label, tier_font, width, 2)
        for size, max_lines in _NAME_OPTIONS:
            name_font = fonts.get("bold", pt(size))
            name_lines = wrap(face.nama, name_font, width)
            if len(name_lines) > max_lines:
                continue
            blocks = [
                _Block("name", name_lines, name_font, INK, gap),
                _Block("opd", opd_lines, opd_font, MUTED, gap // 2),
                _Block("tier", tier_lines, tier_font, BRAND),
            ]
            placed, bottom = _stack(blocks, left, column[1], column)
            if bottom <= limit:
                return placed
    # an absurdly long name: the smallest size, cut with '…' rather than spill off the card
    name_font = fonts.get("bold", pt(_NAME_OPTIONS[-1][0]))
    small = fonts.get("regular", pt(6.5))
    blocks = [
        _Block("name", wrap_ellipsis(face.nama, name_font, width, 3), name_font, INK, gap),
        _Block("opd", wrap_ellipsis(face.opd, small, width, 1), small, MUTED, gap // 2),
        _Block("tier", wrap_ellipsis(face.tier_label, small, width, 1), small, BRAND),
    ]
    return _stack(blocks, left, column[1], column)[0]


# --- drawing -----------------------------------------------------------------------------------


def _draw_logo(size: int) -> Image.Image:
    """A stall under a scalloped awning in a white disc, drawn 4x larger then smoothed."""
    big = size * 4
    logo = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(logo)
    draw.ellipse((0, 0, big - 1, big - 1), fill=WHITE)
    u, c = big / 20, big / 2
    for i in range(4):  # a striped awning: four roof panels, each ending in a scallop
        colour = ACCENT if i % 2 == 0 else ACCENT_DARK
        top_left, bottom_left = c - 4 * u + i * 2 * u, c - 6.5 * u + i * 3.25 * u
        panel = [
            (top_left, c - 6 * u),
            (top_left + 2 * u, c - 6 * u),
            (bottom_left + 3.25 * u, c - 2 * u),
            (bottom_left, c - 2 * u),
        ]
        draw.polygon(panel, fill=colour)
        scallop = (bottom_left, c - 3.6 * u, bottom_left + 3.25 * u, c - 0.4 * u)
        draw.pieslice(scallop, 0, 180, fill=colour)
    for x in (c - 5.5 * u, c + 4.5 * u):  # posts
        draw.rectangle((x, c - 2 * u, x + u, c + 5.5 * u), fill=BRAND)
    draw.rectangle((c - 6.5 * u, c + 2.2 * u, c + 6.5 * u, c + 5.5 * u), fill=BRAND)  # counter
    for x in (c - 3 * u, c, c + 3 * u):  # goods on the counter
        draw.ellipse((x - 1.1 * u, c - 0.2 * u, x + 1.1 * u, c + 2.0 * u), fill=ACCENT)
    return logo.resize((size, size), Image.Resampling.LANCZOS)


def render_card(face: CardFace, dpi: int = 300, fonts: CardFonts | None = None) -> Image.Image:
    """One ID-1 card as an RGB image at ``dpi``."""
    layout = layout_card(face, dpi, fonts)
    width, height = layout.size
    mm = partial(mm_to_px, dpi=dpi)
    card = Image.new("RGB", layout.size, WHITE)
    draw = ImageDraw.Draw(card)
    draw.rectangle((0, 0, width - 1, layout.header[3] - 1), fill=BRAND)
    draw.rectangle((0, layout.header[3], width - 1, layout.header[3] + mm(0.9) - 1), fill=ACCENT)
    draw.rectangle((0, height - mm(1.6), width - 1, height - 1), fill=BRAND)
    logo_size = mm(9.2)
    logo = _draw_logo(logo_size)
    card.paste(logo, (mm(3.5), (layout.header[3] - logo_size) // 2), logo)
    for placed in layout.texts:
        draw.text(placed.xy, placed.text, font=placed.font, fill=placed.fill, anchor="ls")
    n = len(layout.qr_modules)
    matrix = Image.new("L", (n, n), 255)
    matrix.putdata([0 if dark else 255 for row in layout.qr_modules for dark in row])
    qr_image = matrix.resize((n * layout.module_px,) * 2, Image.Resampling.NEAREST)
    card.paste(qr_image.convert("RGB"), layout.qr_box[:2])
    return card


# --- sheets and the PDF ------------------------------------------------------------------------


def card_slots(dpi: int = 300) -> list[Box]:
    """Where the ten cards of a page go, row by row, centred on A4 portrait."""
    card_w, card_h = CARD_MM
    margin_x = (A4_MM[0] - COLUMNS * card_w - (COLUMNS - 1) * GAP_MM[0]) / 2
    margin_y = (A4_MM[1] - ROWS * card_h - (ROWS - 1) * GAP_MM[1]) / 2
    assert min(margin_x, margin_y) >= MIN_MARGIN_MM, "card grid leaves too small a margin"
    w, h = mm_to_px(card_w, dpi), mm_to_px(card_h, dpi)
    slots = []
    for row in range(ROWS):
        for col in range(COLUMNS):
            x = mm_to_px(margin_x + col * (card_w + GAP_MM[0]), dpi)
            y = mm_to_px(margin_y + row * (card_h + GAP_MM[1]), dpi)
            slots.append((x, y, x + w, y + h))
    return slots


def _cut_marks(draw: ImageDraw.ImageDraw, slots: Sequence[Box], dpi: int) -> None:
    """Short lines continuing each card edge outwards from its corners, never on a card."""
    mm = partial(mm_to_px, dpi=dpi)
    offset, length, line = mm(0.6), mm(2.5), max(1, mm(0.2))
    page_w, page_h = mm(A4_MM[0]), mm(A4_MM[1])
    lefts, tops = sorted({s[0] for s in slots}), sorted({s[1] for s in slots})
    for left, top, right, bottom in slots:
        col, row = lefts.index(left), tops.index(top)
        # free room outside each edge: the gap to the neighbour (shared by both cards' marks)
        # or the page margin (keeping 2 mm clear of the paper's edge)
        room_left = mm(GAP_MM[0]) - 2 * offset if col else left - mm(2)
        room_right = mm(GAP_MM[0]) - 2 * offset if col < COLUMNS - 1 else page_w - right - mm(2)
        room_up = mm(GAP_MM[1]) - 2 * offset if row else top - mm(2)
        room_down = mm(GAP_MM[1]) - 2 * offset if row < ROWS - 1 else page_h - bottom - mm(2)
        for y in (top, bottom):
            for x, direction, room in ((left, -1, room_left), (right, 1, room_right)):
                run = min(length, room - offset)
                if run > 0:
                    start = x + direction * offset
                    xs = sorted((start, start + direction * run))
                    draw.rectangle(
                        (xs[0], y - line // 2, xs[1], y + (line - 1) // 2), fill=CUT_MARK
                    )
        for x in (left, right):
            for y, direction, room in ((top, -1, room_up), (bottom, 1, room_down)):
                run = min(length, room - offset)
                if run > 0:
                    start = y + direction * offset
                    ys = sorted((start, start + direction * run))
                    draw.rectangle(
                        (x - line // 2, ys[0], x + (line - 1) // 2, ys[1]), fill=CUT_MARK
                    )


def iter_sheet_pages(
    faces: Sequence[CardFace], dpi: int = 300, fonts: CardFonts | None = None
) -> Iterator[Image.Image]:
    """A4 pages one at a time, so thousands of cards never sit in memory together."""
    if not faces:
        raise ValueError("there are no cards to print: the selection is empty")
    slots = card_slots(dpi)
    pages = (len(faces) + PER_PAGE - 1) // PER_PAGE
    hint_font = (fonts or system_fonts()).get("regular", pt_to_px(6.5, dpi))
    for number in range(pages):
        page = Image.new("RGB", (mm_to_px(A4_MM[0], dpi), mm_to_px(A4_MM[1], dpi)), WHITE)
        draw = ImageDraw.Draw(page)
        chunk = faces[number * PER_PAGE : (number + 1) * PER_PAGE]
        for face, slot in zip(chunk, slots, strict=False):
            page.paste(render_card(face, dpi, fonts), slot[:2])
        _cut_marks(draw, slots[: len(chunk)], dpi)
        hint = (
            f"{TITLE} · kartu QR ASN · halaman {number + 1}/{pages} · cetak skala 100 % "
            "(ukuran sebenarnya), gunting pada tanda potong"
        )
        draw.text((slots[0][0], mm_to_px(4.0, dpi)), hint, font=hint_font, fill=MUTED, anchor="ls")
        yield page


def render_sheet(
    faces: Sequence[CardFace], dpi: int = 300, fonts: CardFonts | None = None
) -> list[Image.Image]:
    """A4 portrait pages of up to 10 cards (2 x 5) with cut marks."""
    return list(iter_sheet_pages(faces, dpi, fonts))


def write_cards_pdf(
    faces: Sequence[CardFace], path: Path | str, dpi: int = 300, fonts: CardFonts | None = None
) -> int:
    """Write the sheets as a PDF that prints at true size; return the page count.

    Written to a temporary file beside ``path`` and renamed, so an interrupted run never leaves
    a half-written PDF behind. The file is readable by its owner only (mode 0600): its QR codes
    are valid cards, so a copy lying around lets anyone print one.
    """
    faces = list(faces)
    if not faces:
        raise ValueError("there are no cards to print: the selection is empty")
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)  # the sheet holds NIPs
    handle, temp_name = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    count = -(-len(faces) // PER_PAGE)
    try:
        with os.fdopen(handle, "w+b") as out:
            _write_pdf(out, iter_sheet_pages(faces, dpi, fonts), count, dpi)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return count


def _write_pdf(out: BinaryIO, pages: Iterator[Image.Image], count: int, dpi: int) -> None:
    """Stream pages into a PDF with Pillow's own PDF writer, one page in memory at a time.

    (Pillow's ``save_all`` wants every page at once, ~26 MB each; ``append=True`` rewrites all
    earlier pages on every append, which grows quadratically.) Each page is one JPEG at high
    quality without chroma subsampling: lossless would be ~25 MB a page, and a QR module is
    many pixels wide, so it decodes just as well (a test reads the QR codes back from the PDF).
    """
    pdf = PdfParser.PdfParser(f=out, mode="w+b")
    pdf.start_writing()
    pdf.write_header()
    pdf.info["Title"] = f"Kartu QR {TITLE}"
    pdf.info["Creator"] = "jikubata cards"
    page_refs = [pdf.next_object_id(0) for _ in range(count)]
    pdf.pages.extend(page_refs)
    pdf.write_catalog()
    points = 72.0 / dpi
    for page, page_ref in zip(pages, page_refs, strict=True):
        jpeg = io.BytesIO()
        page.save(jpeg, "JPEG", quality=92, subsampling=0, dpi=(dpi, dpi))
        image_ref = pdf.write_obj(
            None,
            stream=jpeg.getvalue(),
            Type=PdfParser.PdfName("XObject"),
            Subtype=PdfParser.PdfName("Image"),
            Width=page.width,
            Height=page.height,
            Filter=PdfParser.PdfName("DCTDecode"),
            BitsPerComponent=8,
            ColorSpace=PdfParser.PdfName("DeviceRGB"),
        )
        width_pt, height_pt = page.width * points, page.height * points
        contents_ref = pdf.write_obj(
            None, stream=b"q %f 0 0 %f 0 0 cm /image Do Q\n" % (width_pt, height_pt)
        )
        pdf.write_page(
            page_ref,
            Resources=PdfParser.PdfDict(
                ProcSet=[PdfParser.PdfName("PDF"), PdfParser.PdfName("ImageC")],
                XObject=PdfParser.PdfDict(image=image_ref),
            ),
            MediaBox=[0, 0, width_pt, height_pt],
            Contents=contents_ref,
        )
    pdf.write_xref_and_trailer()
