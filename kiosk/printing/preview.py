"""Previews of a PrintDocument: monospace text for logs and tests, a PNG that looks like the
thermal paper (for docs/, the admin's reprint screen and the ``file`` printer connection).

The PNG is drawn at the printer's own resolution (203 dpi: 384 dots on 58 mm paper, 576 on
80 mm), so QR modules are the same number of dots as on paper.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import qrcode
from PIL import Image, ImageDraw, ImageFont

from .document import Feed, Line, PrintDocument, QrCode, Rule
from .escpos_output import qr_module_size
from .text import printable

_FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"))
_MARGIN = 28  # paper beyond the printable area, each side
_BACKDROP = 12  # grey around the paper so its edges show on a white page


def paper_pixels(width: int) -> int:
    """Printable dots across: 58 mm printers print 384 dots (32 columns), 80 mm ones 576."""
    return 384 if width <= 32 else 576


# -- text ----------------------------------------------------------------------------------------


def _place(text: str, align: str, width: int, cells: int) -> str:
    """``text`` occupying ``cells`` columns, positioned in a ``width``-column line."""
    room = max(0, width - cells)
    pad = {"left": 0, "center": room // 2, "right": room}.get(align, 0)
    return " " * pad + text


def preview_text(document: PrintDocument) -> str:
    """The document as monospace text; double-size text is letter-spaced to its real width."""
    width = document.width
    out: list[str] = []
    for block in document.blocks:
        if isinstance(block, Line):
            text = printable(block.text)
            if block.double:
                out.append(_place(" ".join(text), block.align, width, 2 * len(text)))
            else:
                out.append(_place(text, block.align, width, len(text)))
        elif isinstance(block, Rule):
            out.append((printable(block.char)[:1] or "-") * width)
        elif isinstance(block, QrCode):
            marker = f"[QR: {block.payload}]"
            out.append(_place(marker, "center", width, len(marker)))
            if block.caption:
                caption = printable(block.caption)
                out.append(_place(caption, "center", width, len(caption)))
        elif isinstance(block, Feed):
            out.extend([""] * max(0, block.lines))
    return "\n".join(line.rstrip() for line in out) + "\n"


# -- images --------------------------------------------------------------------------------------


def qr_image(payload: str, module: int = 6, border: int = 4) -> Image.Image:
    """The QR as a black-on-white image, ``module`` pixels per module; the same encoder
    settings (error correction M) as the printed image QR."""
    code = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=module, border=border
    )
    code.add_data(payload)
    code.make(fit=True)
    return code.make_image(fill_color="black", back_color="white").get_image().convert("L")


@lru_cache(maxsize=4)
def _font_file(bold: bool) -> str | None:
    name = "DejaVuSansMono-Bold.ttf" if bold else "DejaVuSansMono.ttf"
    for folder in _FONT_DIRS:
        if folder.is_dir():
            for found in folder.rglob(name):
                return str(found)
    return None


@lru_cache(maxsize=16)
def _font(size: int, bold: bool) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    path = _font_file(bold)
    if path:
        return ImageFont.truetype(path, size)
    return ImageFont.load_default(size=size)


class _Paper:
    """Lays the document out on a column grid the size of the printer's Font A cells."""

    def __init__(self, width: int) -> None:
        self.width = width
        self.area = paper_pixels(width)
        self.cell = self.area / width  # pixels per column
        # Font A cells are twice as tall as wide; fit the font's advance to the cell.
        probe = _font(100, False)
        advance = probe.getlength("M") / 100
        self.size = max(8, int(self.cell / advance))
        self.line_height = round(self.cell * 2)

    def font(self, double: bool, bold: bool) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
        return _font(self.size * (2 if double else 1), bold)


def _block_height(block: object, paper: _Paper) -> int:
    if isinstance(block, Line):
        return paper.line_height * (2 if block.double else 1)
    if isinstance(block, Rule):
        return paper.line_height
    if isinstance(block, QrCode):
        image_height = qr_image(block.payload, qr_module_size(paper.width), 2).height
        return image_height + paper.line_height * (2 if block.caption else 1)
    if isinstance(block, Feed):
        return paper.line_height * max(0, block.lines)
    return 0


def _draw_text(draw: ImageDraw.ImageDraw, paper: _Paper, x0: int, y: int, block: Line) -> None:
    text = printable(block.text)
    scale = 2 if block.double else 1
    cells = len(text) * scale
    room = max(0, paper.width - cells)
    start = {"left": 0, "center": room // 2, "right": room}.get(block.align, 0)
    font = paper.font(block.double, block.bold)
    has_bold_face = _font_file(True) is not None
    stroke = 1 if block.bold and not has_bold_face else 0  # fake bold when no bold face
    # One glyph per column, like the printer's grid, so amounts line up exactly.
    for index, char in enumerate(text):
        if char == " ":
            continue
        x = x0 + round((start + index * scale) * paper.cell)
        draw.text((x, y), char, fill="black", font=font, stroke_width=stroke, stroke_fill="black")


def render_image(document: PrintDocument) -> Image.Image:
    """The document drawn as it would come out of the printer, on a strip of paper."""
    paper = _Paper(document.width)
    top = paper.line_height
    bottom = paper.line_height * 3  # the feed before the cut
    height = top + sum(_block_height(b, paper) for b in document.blocks) + bottom
    paper_width = paper.area + 2 * _MARGIN
    canvas = Image.new("L", (paper_width + 2 * _BACKDROP, height + 2 * _BACKDROP), 200)
    sheet = Image.new("L", (paper_width, height), 255)
    draw = ImageDraw.Draw(sheet)
    y = top
    for block in document.blocks:
        if isinstance(block, Line):
            _draw_text(draw, paper, _MARGIN, y, block)
        elif isinstance(block, Rule):
            char = printable(block.char)[:1] or "-"
            _draw_text(draw, paper, _MARGIN, y, Line(char * document.width))
        elif isinstance(block, QrCode):
            image = qr_image(block.payload, qr_module_size(document.width), 2)
            sheet.paste(image, (_MARGIN + (paper.area - image.width) // 2, y))
            if block.caption:
                caption = Line(printable(block.caption), "center")
                _draw_text(draw, paper, _MARGIN, y + image.height, caption)
        y += _block_height(block, paper)
    canvas.paste(sheet, (_BACKDROP, _BACKDROP))
    if document.cut:
        _draw_cut(canvas, height + _BACKDROP)
    return canvas


def _draw_cut(canvas: Image.Image, y: int) -> None:
    """A dashed line where the cutter (or the tear bar) ends the receipt."""
    draw = ImageDraw.Draw(canvas)
    for x in range(_BACKDROP, canvas.width - _BACKDROP, 12):
        draw.line((x, y - 2, x + 6, y - 2), fill=140, width=1)


def preview_png(document: PrintDocument, path: str | Path) -> Path:
    """Write the receipt-like PNG to ``path`` (folders created) and return the path."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    render_image(document).save(target, format="PNG", optimize=True)
    return target
