"""The words the vendor screens show, in one place so every screen says things the same way
(docs/ARCHITECTURE.md, "Words on screen"). Plain Indonesian, no technical terms; English comes
from the translation file (context "Texts"), looked up each time a text is made, never at
import."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ...domain.compliance import MonthStanding, Status
from ...domain.errors import ErrorCode
from ...domain.money import format_rupiah
from ...domain.nip import NipProblem
from ...domain.scan import ScanProblem
from ..i18n import translate

if TYPE_CHECKING:
    from ...services.standing import BuyerStatus

# A card, another QR or a typed NIP whose card was reported lost: the same words for each.
_REVOKED = QT_TRANSLATE_NOOP(
    "Texts", "NIP ini diblokir karena kartunya dilaporkan hilang; silakan hubungi admin."
)
SCAN_PROBLEMS: dict[ErrorCode, str] = {
    ScanProblem.EMPTY: QT_TRANSLATE_NOOP("Texts", "Kode tidak terbaca. Silakan pindai ulang."),
    ScanProblem.FORGED: QT_TRANSLATE_NOOP("Texts", "Kartu tidak sah. Minta pembeli ketik NIP."),
    ScanProblem.UNKNOWN_KEY: QT_TRANSLATE_NOOP(
        "Texts", "Kartu ini bukan kartu Jiku Bata. Minta pembeli ketik NIP."
    ),
    ScanProblem.REVOKED: _REVOKED,
    ScanProblem.UNSIGNED_REFUSED: QT_TRANSLATE_NOOP(
        "Texts", "Hanya kartu Jiku Bata yang diterima di sini."
    ),
    ScanProblem.NO_NIP: QT_TRANSLATE_NOOP(
        "Texts", "Kode ini bukan kartu ASN. Pindai kartu ASN atau ketik NIP."
    ),
    ScanProblem.AMBIGUOUS: QT_TRANSLATE_NOOP(
        "Texts", "Kode ini berisi lebih dari satu NIP. Silakan ketik NIP."
    ),
    ScanProblem.MALFORMED: QT_TRANSLATE_NOOP(
        "Texts", "Kode kartu rusak atau tidak lengkap. Pindai ulang atau ketik NIP."
    ),
}
SCAN_PROBLEM_OTHER = QT_TRANSLATE_NOOP(
    "Texts", "Kartu tidak dapat dibaca. Pindai ulang atau ketik NIP."
)

# What is wrong with a typed NIP, as a buyer would understand it.
_BAD_BIRTH_DATE = QT_TRANSLATE_NOOP("Texts", "Tanggal lahir pada NIP tidak valid.")
NIP_PROBLEMS: dict[ErrorCode, str] = {
    NipProblem.LENGTH: QT_TRANSLATE_NOOP("Texts", "NIP harus 18 angka."),
    NipProblem.BIRTH_DATE: _BAD_BIRTH_DATE,
    NipProblem.BIRTH_YEAR: _BAD_BIRTH_DATE,
    NipProblem.GENDER: QT_TRANSLATE_NOOP("Texts", "Angka ke-15 NIP harus 1 atau 2."),
    ScanProblem.REVOKED: _REVOKED,
}
NIP_PROBLEM_OTHER = QT_TRANSLATE_NOOP("Texts", "NIP tidak valid. Periksa kembali.")


def scan_problem_text(problem: ErrorCode | None) -> str:
    """Why a scan was refused, in the screen's language (``None``: no particular reason)."""
    source = SCAN_PROBLEMS.get(problem, SCAN_PROBLEM_OTHER) if problem else SCAN_PROBLEM_OTHER
    return translate("Texts", source)


def nip_problem_text(problem: ErrorCode | None) -> str:
    """Why a typed NIP was refused: ``problem`` is the NipError's code (``None``: no
    particular reason)."""
    source = NIP_PROBLEMS.get(problem, NIP_PROBLEM_OTHER) if problem else NIP_PROBLEM_OTHER
    return translate("Texts", source)


def grouped_nip(digits: str) -> str:
    """NIP digits as they are printed: 8-6-1-3 (birth date, service start, gender, number)."""
    parts = [digits[0:8], digits[8:14], digits[14:15], digits[15:18]]
    return " ".join(part for part in parts if part)


def standing_line(buyer: BuyerStatus) -> tuple[str, str]:
    """The month line under the buyer's name and the label style that colours it."""
    standing = buyer.standing
    if standing.status is Status.TIDAK_TERDAFTAR:
        return translate("Texts", "Tidak terdaftar — belanja tetap dicatat"), "flag"
    if standing.status is Status.DIKECUALIKAN:
        return translate("Texts", "Dikecualikan bulan ini"), "exempt"
    if standing.status is Status.MEMENUHI:
        return _month(standing, translate("Texts", "Bulan ini {spent} / {minimum} — memenuhi"))
    short = translate("Texts", "Bulan ini {spent} / {minimum} — kurang {shortfall}")
    return _month(standing, short)


def basket_line(buyer: BuyerStatus, basket_total: int) -> tuple[str, str]:
    """The month line as it would be after this basket, coloured by that month (green once the
    basket reaches the minimum); the month as it is while the basket is empty. The excused and
    the unlisted keep their line: a basket changes nothing for them."""
    if basket_total <= 0 or buyer.standing.status in (Status.DIKECUALIKAN, Status.TIDAK_TERDAFTAR):
        return standing_line(buyer)
    after = buyer.after(basket_total).standing
    if after.status is Status.MEMENUHI:
        met = translate("Texts", "Setelah belanja ini: {spent} dari {minimum} — memenuhi")
        return _month(after, met)
    short = translate("Texts", "Setelah belanja ini: {spent} dari {minimum} — kurang {shortfall}")
    return _month(after, short)


def _month(standing: MonthStanding, text: str) -> tuple[str, str]:
    """A month line filled in, with its style: "ok" once the minimum is met, else "short"."""
    line = text.format(
        spent=format_rupiah(standing.spent),
        minimum=format_rupiah(standing.minimum),
        shortfall=format_rupiah(standing.shortfall),
    )
    return line, "ok" if standing.status is Status.MEMENUHI else "short"


def after_sale_line(buyer: BuyerStatus | None) -> tuple[str, str]:
    """The success screen's big line: the buyer's month including this sale."""
    if buyer is None:
        return translate("Texts", "Terima kasih telah berbelanja produk UMKM Ambon."), "exempt"
    status = buyer.standing.status
    if status is Status.MEMENUHI:
        return translate("Texts", "Kewajiban bulan ini sudah terpenuhi"), "ok"
    if status is Status.DIKECUALIKAN:
        return translate("Texts", "Bulan ini Anda dikecualikan"), "exempt"
    if status is Status.TIDAK_TERDAFTAR:
        return translate("Texts", "NIP tidak terdaftar — belanja tetap dicatat"), "flag"
    text = translate("Texts", "Kurang {shortfall} lagi")
    return text.format(shortfall=format_rupiah(buyer.standing.shortfall)), "short"


def buyer_name(buyer: BuyerStatus) -> str:
    return buyer.person.nama if buyer.person else translate("Texts", "NIP tidak terdaftar")


def buyer_detail(buyer: BuyerStatus) -> str:
    if buyer.person is None:
        return translate("Texts", "Tidak ada di daftar ASN")
    return f"{buyer.person.opd} · {buyer.tier_label or buyer.person.jabatan}"  # data only
