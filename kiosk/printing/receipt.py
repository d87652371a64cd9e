"""Receipt layout: a pure function from a recorded sale to what is printed, fitted to a width.

Pure on purpose (stdlib, the domain and the print-document model only): it is tested without a
printer, the previews draw exactly what the printer prints, and a reprint years later lays out
the same. All text is degraded to printable ASCII here, at layout time, so that widths are
measured on what will really be printed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from kiosk.domain.cart import CartLine
from kiosk.domain.compliance import Status
from kiosk.domain.money import format_rupiah
from kiosk.domain.receipt_qr import ReceiptQrError, ReceiptQrProblem
from kiosk.domain.records import RecordedSale

from .document import Align, Block, Feed, Line, PrintDocument, QrCode, Rule
from .text import columns, columns_lines, printable, wrap, wrap_phrases

MIN_WIDTH = 16  # below this not even a date fits; real printers have 32 or more

_DAYS = ("Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min")  # date.weekday(): Monday is 0
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
_ZONES = {7: "WIB", 8: "WITA", 9: "WIT"}  # Indonesia's three zones; Ambon is WIT

_STATUS_WORDS = {
    Status.MEMENUHI: "MEMENUHI",
    Status.KURANG: "KURANG",
    Status.TIDAK_BELANJA: "TIDAK BELANJA",
    Status.DIKECUALIKAN: "DIKECUALIKAN",
    Status.TIDAK_TERDAFTAR: "TIDAK TERDAFTAR",
}

_METHOD_WORDS = {"TUNAI": "Tunai", "QRIS": "QRIS"}

COPY_BANNER = "SALINAN / COPY"
QR_CAPTION = "Kode cek transaksi"
QR_PREFIX = "JKBR1"


@dataclass(frozen=True)
class StallInfo:
    name: str
    address: str
    kiosk_id: str
    footer: str  # from config; may hold several lines separated by "\n"


@dataclass(frozen=True)
class BuyerLine:
    """The identified buyer and where they stand this month, this sale included."""

    nama: str | None  # None when the NIP is on no roster
    masked_nip: str
    opd: str | None
    month_label: str  # "November 2026"
    spent: int
    minimum: int
    status: Status


@dataclass(frozen=True)
class ReceiptData:
    sale: RecordedSale
    stall: StallInfo
    vendor_names: Mapping[str, str]  # vendor code -> name; unknown codes print as the code
    local_time: dt.datetime  # the sale's time, aware, in the stall's zone (WIT)
    buyer: BuyerLine | None
    copy: bool = False  # a reprint: says SALINAN / COPY and does not open the drawer


class LayoutOverflow(AssertionError):
    """A layout produced a line the printer would wrap or mangle: a bug in this module."""


# -- dates -------------------------------------------------------------------------------------


def format_local_time(moment: dt.datetime) -> str:
    """``Jum, 20 Nov 2026 12:00 WIT``: Indonesian names, the zone named by its offset."""
    offset = moment.utcoffset()
    if offset is None:
        raise ValueError("a receipt time must be timezone-aware (the stall's local time)")
    minutes = int(offset.total_seconds()) // 60
    if minutes % 60 == 0 and minutes // 60 in _ZONES:
        zone = _ZONES[minutes // 60]
    else:
        sign = "+" if minutes >= 0 else "-"
        zone = f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    day = _DAYS[moment.weekday()]
    month = _MONTHS[moment.month - 1]
    return f"{day}, {moment.day:02d} {month} {moment.year} {moment:%H:%M} {zone}"


# -- the lookup QR -----------------------------------------------------------------------------

_QR = re.compile(
    r"^JKBR1:([A-Z0-9][A-Z0-9-]{0,15}-\d{1,9}):"
    r"([0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}):([0-9A-F]{12})$"
)


def receipt_qr_payload(sale: RecordedSale) -> str:
    """The text of the receipt's lookup QR: ``JKBR1:<number>:<sale id>:<hash prefix>``.

    - ``JKBR1`` names the format and its version;
    - ``<number>`` is the receipt number (``AMB-01-000123``);
    - ``<sale id>`` is the ledger entry's UUID, upper-cased;
    - ``<hash prefix>`` is the first 12 hex digits of the entry's chain hash, upper-cased.

    Upper case, digits, ``-`` and ``:`` only, so the QR uses the compact alphanumeric mode.
    An admin scanning it finds the sale by id and checks the prefix against the ledger.
    """
    return f"{QR_PREFIX}:{sale.number}:{sale.id}:{sale.entry_hash[:12]}".upper()


def parse_receipt_qr(text: str) -> tuple[str, str, str]:
    """``(number, sale_id, hash_prefix)`` from a scanned lookup QR; id and hash lower-case,
    as the ledger stores them. Raises :class:`ReceiptQrError` saying what is wrong."""
    cleaned = text.strip().upper()
    if not cleaned.startswith(f"{QR_PREFIX}:"):
        raise ReceiptQrError(
            ReceiptQrProblem.NOT_A_RECEIPT,
            "this is not a Jiku Bata receipt code (it should start with 'JKBR1:')",
        )
    parts = cleaned.split(":")
    if len(parts) != 4:
        raise ReceiptQrError(
            ReceiptQrProblem.PARTS,
            f"a receipt code has 4 parts separated by ':', this one has {len(parts)}",
            count=len(parts),
        )
    match = _QR.match(cleaned)
    if not match:
        raise ReceiptQrError(
            ReceiptQrProblem.DAMAGED,
            "this receipt code is damaged: it needs a receipt number (AMB-01-000123), "
            "a sale id (a UUID) and 12 hex digits of the entry hash",
        )
    return match.group(1), match.group(2).lower(), match.group(3).lower()


# -- building documents ------------------------------------------------------------------------


class _Builder:
    """Collects blocks, degrading and fitting every text to the width as it goes."""

    def __init__(self, width: int) -> None:
        if width < MIN_WIDTH:
            raise ValueError(f"a receipt needs at least {MIN_WIDTH} characters per line")
        self.width = width
        self.blocks: list[Block] = []

    def text(self, text: str, align: Align = "left", bold: bool = False) -> None:
        for part in text.split("\n"):  # before printable(), which turns "\n" into a space
            for piece in wrap(printable(part), self.width):
                self.blocks.append(Line(piece, align, bold))

    def lines(self, texts: list[str], align: Align = "left", bold: bool = False) -> None:
        self.blocks.extend(Line(text, align, bold) for text in texts)

    def big(self, text: str, align: Align = "center") -> None:
        """Double size when it fits in half the width (double counts twice), else bold."""
        clean = printable(text)
        if len(clean) <= self.width // 2:
            self.blocks.append(Line(clean, align, bold=True, double=True))
        else:
            self.text(clean, align, bold=True)

    def pair(self, left: str, right: str, bold: bool = False) -> None:
        self.lines(columns_lines(printable(left), printable(right), self.width), bold=bold)

    def rule(self, char: str = "-") -> None:
        self.blocks.append(Rule(char))

    def feed(self, lines: int = 1) -> None:
        self.blocks.append(Feed(lines))

    def qr(self, payload: str, caption: str) -> None:
        self.blocks.append(QrCode(payload, printable(caption)[: self.width]))

    def document(self, title: str, *, open_drawer: bool = False) -> PrintDocument:
        doc = PrintDocument(
            tuple(self.blocks), self.width, cut=True, open_drawer=open_drawer, title=title
        )
        return assert_fits(doc)


def assert_fits(document: PrintDocument) -> PrintDocument:
    """Check what every renderer relies on: each line is printable ASCII and fits the width
    (half of it when double). Raises :class:`LayoutOverflow` naming the first bad line."""
    width = document.width
    for index, block in enumerate(document.blocks):
        if isinstance(block, Line):
            limit = width // 2 if block.double else width
            if len(block.text) > limit or printable(block.text) != block.text:
                raise LayoutOverflow(f"block {index}: {block.text!r} does not fit {limit} columns")
        elif isinstance(block, Rule):
            if len(block.char) != 1 or printable(block.char) != block.char:
                raise LayoutOverflow(f"block {index}: a rule needs one printable character")
        elif isinstance(block, QrCode):
            caption = block.caption or ""
            if not block.payload or len(caption) > width or printable(caption) != caption:
                raise LayoutOverflow(f"block {index}: bad QR payload or caption {caption!r}")
    return document


def _header(b: _Builder, stall: StallInfo) -> None:
    b.text(stall.name, "center", bold=True)
    if stall.address.strip():
        b.text(stall.address, "center")
    b.rule("=")


def _vendor_groups(lines: tuple[CartLine, ...]) -> list[tuple[str, list[CartLine]]]:
    """Lines grouped by vendor, vendors in the order they were first rung up."""
    groups: dict[str, list[CartLine]] = {}
    for line in lines:
        groups.setdefault(line.vendor_code, []).append(line)
    return list(groups.items())


def _items(b: _Builder, sale: RecordedSale, vendor_names: Mapping[str, str]) -> None:
    for index, (code, lines) in enumerate(_vendor_groups(sale.lines)):
        if index:
            b.feed()
        b.text(vendor_names.get(code, code), bold=True)
        for line in lines:
            b.text(line.description)
            b.pair(
                f"  {line.quantity} x {format_rupiah(line.unit_price)}",
                format_rupiah(line.subtotal),
            )
        if len(lines) > 1:
            b.pair("  Subtotal", format_rupiah(sum(line.subtotal for line in lines)), bold=True)


def _total_and_payment(b: _Builder, sale: RecordedSale) -> None:
    amount = format_rupiah(sale.total)
    half = b.width // 2
    if len("TOTAL") + 1 + len(amount) <= half:
        b.blocks.append(Line(columns("TOTAL", amount, half), bold=True, double=True))
    else:
        b.pair("TOTAL", amount, bold=True)
    method = sale.payment_method.upper()
    if method == "TUNAI":
        b.pair(
            "Tunai", format_rupiah(sale.cash_given if sale.cash_given is not None else sale.total)
        )
        b.pair("Kembalian", format_rupiah(max(0, sale.change)))
    elif method == "QRIS":
        b.pair("QRIS", amount)
    else:
        b.pair(sale.payment_method, amount)


def month_line(buyer: BuyerLine) -> list[str]:
    """The month standing as phrases that wrap whole:
    "Belanja Jiku Bata bulan ini" / "Rp50.000 / minimum Rp30.000 -" / "MEMENUHI"."""
    spent = format_rupiah(buyer.spent)
    if buyer.status is Status.TIDAK_TERDAFTAR:
        # Not on a roster: there is no minimum to compare with.
        return ["Belanja Jiku Bata bulan ini", f"{spent} \u2014", "TIDAK TERDAFTAR"]
    verdict = _STATUS_WORDS[buyer.status]
    if buyer.status is Status.KURANG:
        short = format_rupiah(max(0, buyer.minimum - buyer.spent))
        verdict = f"{verdict}, kurang {short}"
    return [
        "Belanja Jiku Bata bulan ini",
        f"{spent} / minimum {format_rupiah(buyer.minimum)} \u2014",
        verdict,
    ]


def _buyer(b: _Builder, buyer: BuyerLine | None) -> None:
    if buyer is None:
        b.text("Pembeli umum")
        return
    b.text(f"Pembeli: {buyer.nama or '(tidak terdaftar)'}")
    b.text(f"NIP: {buyer.masked_nip}")
    if buyer.opd:
        b.text(f"OPD: {buyer.opd}")
    b.text(f"Kewajiban {buyer.month_label}", bold=True)
    b.lines(wrap_phrases([printable(p) for p in month_line(buyer)], b.width))


def _footer(b: _Builder, stall: StallInfo) -> None:
    if stall.footer.strip():
        b.text(stall.footer, "center")


def layout_receipt(data: ReceiptData, width: int) -> PrintDocument:
    """The customer receipt, every line fitted to ``width`` characters."""
    sale = data.sale
    b = _Builder(width)
    if data.copy:
        b.big(COPY_BANNER)
    _header(b, data.stall)
    b.text("STRUK BELANJA", "center", bold=True)
    b.pair("No.", sale.number)
    b.pair("Waktu", format_local_time(data.local_time))
    b.pair("Kiosk", data.stall.kiosk_id)
    b.pair("Petugas", sale.operator)
    b.rule()
    _items(b, sale, data.vendor_names)
    b.rule()
    _total_and_payment(b, sale)
    b.rule()
    _buyer(b, data.buyer)
    if sale.note:
        b.text(f"Catatan: {sale.note}")
    b.rule()
    if sale.voided:
        b.big("DIBATALKAN / VOID")
    b.qr(receipt_qr_payload(sale), QR_CAPTION)
    _footer(b, data.stall)
    if data.copy:
        b.big(COPY_BANNER)
    title = f"Struk {sale.number}" + (" (salinan)" if data.copy else "")
    # The drawer opens for cash taken now: never on a reprint.
    drawer = sale.payment_method.upper() == "TUNAI" and not data.copy and not sale.voided
    return b.document(title, open_drawer=drawer)


def layout_void_slip(
    sale: RecordedSale,
    stall: StallInfo,
    local_time: dt.datetime,
    reason: str,
    actor: str,
    width: int,
) -> PrintDocument:
    """The slip printed when a sale is voided: which receipt, how much, why, who, when."""
    b = _Builder(width)
    _header(b, stall)
    b.big("PEMBATALAN / VOID")
    b.rule()
    b.pair("No. Struk", sale.number)
    b.pair("Waktu struk", format_local_time(sale.created_at.astimezone(local_time.tzinfo)))
    b.pair("Total asal", format_rupiah(sale.total), bold=True)
    b.pair("Bayar", _METHOD_WORDS.get(sale.payment_method.upper(), sale.payment_method))
    b.text(f"Alasan: {reason}")
    b.pair("Oleh", actor)
    b.pair("Waktu batal", format_local_time(local_time))
    b.rule()
    b.text("Struk asal tidak berlaku lagi.", "center")
    b.qr(receipt_qr_payload(sale), QR_CAPTION)
    return b.document(f"Pembatalan {sale.number}")


TEST_SAMPLE = "Kafé Ambon — “Pulau Rempah” × 2 …"


def ruler(width: int) -> str:
    """``1234567890`` repeated to exactly ``width`` characters."""
    return ("1234567890" * (width // 10 + 1))[:width]


def layout_test_page(
    stall: StallInfo, width: int, profile_name: str, codepage_note: str
) -> PrintDocument:
    """``jikubata printer test``: shows whether the width, the code page and QR are right."""
    b = _Builder(width)
    b.big("TES PRINTER")
    _header(b, stall)
    b.lines([ruler(width)])
    label = f"{width} karakter"[: width - 2]
    b.lines([f"|{label:^{width - 2}}|"])
    b.rule()
    b.pair("Karakter per baris", str(width))
    b.pair("Profil", profile_name)
    b.pair("Kiosk", stall.kiosk_id)
    b.text(f"Code page: {codepage_note}")
    b.text(f"Contoh aksen: {TEST_SAMPLE}")
    b.text("Tebal / bold", bold=True)
    b.big("BESAR", "left")
    b.text("tengah", "center")
    b.text("kanan", "right")
    b.rule()
    b.qr(f"JKBR-TEST:{stall.kiosk_id}:{width}".upper(), "QR tes: pindai untuk cek")
    return b.document(f"Tes printer {stall.kiosk_id}")
