"""Drive any python-escpos printer from a PrintDocument (Dummy in tests, the real one live).

It never decides layout (that is receipt.py); it maps blocks to commands and respects what the
printer's capability profile says it can do, because python-escpos itself does not check
(``qr(native=True)`` on a printer without native QR prints garbage).
"""

from __future__ import annotations

import qrcode
from escpos.constants import QR_ECLEVEL_M
from escpos.escpos import Escpos
from escpos.printer import Dummy

from .document import Feed, Line, PrintDocument, QrCode, Rule
from .text import printable, wrap

TEAR_OFF_FEED = 4  # lines fed so the last text clears the tear bar when there is no cutter


def qr_module_size(width: int) -> int:
    """Dots per QR module: about 0.6-0.75 mm at 203 dpi, big enough for phone cameras and
    small enough that a receipt QR (version 4, 33 modules) fits 58 mm paper with margins."""
    return 5 if width <= 32 else 6


def can_cut(printer: Escpos) -> bool:
    return bool(
        printer.profile.supports("paperFullCut") or printer.profile.supports("paperPartCut")
    )


def codepage_in_use(printer: Escpos) -> str | None:
    """The character table text prints in: table 0, where ESC @ leaves every ESC/POS printer
    (CP437 on nearly all). None when python-escpos does not know that table."""
    name = printer.profile.profile_data.get("codePages", {}).get("0")
    if name and printer.magic.encoder.can_encode(name, "?"):
        return str(name)
    return None


def codepage_note(profile: str) -> str:
    """What the test page says about the code page, e.g. "CP437 (teks non-ASCII disederhanakan)"."""
    page = codepage_in_use(Dummy(profile=profile)) or "tabel 0 printer"
    return f"{page} (teks non-ASCII disederhanakan)"


def _pin_codepage(printer: Escpos) -> None:
    """Keep python-escpos on table 0 instead of letting it guess one and send its own ESC t
    (left alone it picks CP932 for plain ASCII on some profiles, or a slot the printer lacks).
    All our text is ASCII after printable(), which every table prints the same."""
    name = codepage_in_use(printer)
    if name is not None:
        printer.magic.encoding = name
        printer.magic.disabled = True


def _image_impl(printer: Escpos) -> str:
    for impl in ("bitImageRaster", "graphics", "bitImageColumn"):
        if printer.profile.supports(impl):
            return impl
    return "bitImageRaster"  # GS v 0: the most widely implemented, even if unlisted


def _media_pixels(printer: Escpos) -> int | None:
    try:
        return int(printer.profile.profile_data["media"]["width"]["pixels"])
    except (KeyError, TypeError, ValueError):
        return None


def _modules(payload: str) -> int:
    """Modules across the QR python-escpos will draw (same library, same settings)."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    code.add_data(payload)
    code.make(fit=True)
    return int(code.modules_count)


def _image_qr(printer: Escpos, payload: str, size: int, width: int) -> None:
    pixels = _media_pixels(printer)
    if pixels is not None:
        across = _modules(payload) + 2  # python-escpos adds a one-module border
        if across > pixels:
            # Not even one dot per module fits (a line display, say): print the text instead
            # of letting python-escpos raise ImageWidthError mid-receipt.
            for piece in wrap(printable(payload), width):
                printer.textln(piece)
            return
        size = min(size, pixels // across)
    # python-escpos can only centre an image when it knows the paper's pixels.
    printer.qr(
        payload,
        ec=QR_ECLEVEL_M,  # the same level as the previews draw
        size=size,
        native=False,
        image_arguments={"impl": _image_impl(printer), "center": pixels is not None},
    )


def _qr(printer: Escpos, block: QrCode, width: int) -> None:
    printer.set(align="center")
    size = qr_module_size(width)
    if printer.profile.supports("qrCode"):
        printer.qr(block.payload, ec=QR_ECLEVEL_M, size=size, native=True)
        printer.ln()
    else:
        _image_qr(printer, block.payload, size, width)
    if block.caption:
        printer.textln(printable(block.caption))
    printer.set(align="left")


def _line(printer: Escpos, line: Line) -> None:
    # Size bytes only around double lines: ESC @ and the reset below keep it normal otherwise,
    # and every byte counts on a 9600-baud serial or Bluetooth 58 mm printer.
    if line.double:
        printer.set(double_width=True, double_height=True)
    printer.set(align=line.align, bold=line.bold)
    printer.textln(printable(line.text))
    # Reset after every line so a lost or reordered line never leaves a style switched on.
    printer.set(align="left", bold=False, normal_textsize=line.double or None)


def render(document: PrintDocument, printer: Escpos) -> None:
    """Send the whole document to ``printer``: init, the blocks, then cut (or feed) and drawer."""
    printer.hw("INIT")  # ESC @: start from a known state whatever the last job left behind
    _pin_codepage(printer)
    for block in document.blocks:
        if isinstance(block, Line):
            _line(printer, block)
        elif isinstance(block, Rule):
            char = printable(block.char)[:1] or "-"
            printer.textln(char * document.width)
        elif isinstance(block, QrCode):
            _qr(printer, block, document.width)
        elif isinstance(block, Feed):
            printer.ln(max(0, block.lines))
    if document.cut and can_cut(printer):
        printer.cut()  # python-escpos feeds past the cutter first
    else:
        printer.ln(TEAR_OFF_FEED)
    if document.open_drawer:
        printer.cashdraw(2)


def encode(document: PrintDocument, profile: str) -> bytes:
    """The bytes a printer with this capability profile would receive."""
    printer = Dummy(profile=profile)
    render(document, printer)
    return printer.output
