"""The words the vendor screens show, in one place so every screen says things the same way
(UX.md "Words"). Plain Indonesian, no technical terms."""

from __future__ import annotations

import datetime as dt

from ...domain.compliance import Status
from ...domain.money import format_rupiah
from ...domain.scan import ScanProblem
from ...services.standing import BuyerStatus

DAYS = ("Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min")  # Monday first, like weekday()
MONTHS = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")

SCAN_PROBLEMS = {
    ScanProblem.EMPTY: "Kode tidak terbaca. Silakan pindai ulang.",
    ScanProblem.FORGED: "Kartu tidak sah. Minta pembeli ketik NIP.",
    ScanProblem.UNKNOWN_KEY: "Kartu ini bukan kartu Jiku Bata. Minta pembeli ketik NIP.",
    ScanProblem.REVOKED: "Kartu ini sudah dilaporkan hilang dan diblokir.",
    ScanProblem.UNSIGNED_REFUSED: "Hanya kartu Jiku Bata yang diterima di sini.",
    ScanProblem.NO_NIP: "Kode ini bukan kartu ASN. Pindai kartu ASN atau ketik NIP.",
    ScanProblem.AMBIGUOUS: "Kode ini berisi lebih dari satu NIP. Silakan ketik NIP.",
    ScanProblem.MALFORMED: "Kode kartu rusak atau tidak lengkap. Pindai ulang atau ketik NIP.",
}
SCAN_PROBLEM_OTHER = "Kartu tidak dapat dibaca. Pindai ulang atau ketik NIP."

# kiosk.domain.nip.nip_problem's reasons, as a buyer would understand them.
NIP_PROBLEMS = {
    "exactly 18 digits": "NIP harus 18 angka.",
    "birth date": "Tanggal lahir pada NIP tidak valid.",
    "before 1900": "Tanggal lahir pada NIP tidak valid.",
    "gender": "Angka ke-15 NIP harus 1 atau 2.",
}
NIP_PROBLEM_OTHER = "NIP tidak valid. Periksa kembali."


def nip_problem_text(reason: str) -> str:
    return next((text for key, text in NIP_PROBLEMS.items() if key in reason), NIP_PROBLEM_OTHER)


def clock_text(moment: dt.datetime) -> str:
    """``Sen, 7 Des 2026 09:14 WIT``."""
    return (
        f"{DAYS[moment.weekday()]}, {moment.day} {MONTHS[moment.month - 1]} {moment.year} "
        f"{moment:%H:%M} WIT"
    )


def grouped_nip(digits: str) -> str:
    """NIP digits as they are printed: 8-6-1-3 (birth date, service start, gender, number)."""
    parts = [digits[0:8], digits[8:14], digits[14:15], digits[15:18]]
    return " ".join(part for part in parts if part)


def standing_line(buyer: BuyerStatus) -> tuple[str, str]:
    """The month line under the buyer's name and the label style that colours it."""
    standing = buyer.standing
    if standing.status is Status.TIDAK_TERDAFTAR:
        return "Tidak terdaftar — belanja tetap dicatat", "flag"
    if standing.status is Status.DIKECUALIKAN:
        return "Dikecualikan bulan ini", "exempt"
    so_far = f"Bulan ini {format_rupiah(standing.spent)} / {format_rupiah(standing.minimum)}"
    if standing.status is Status.MEMENUHI:
        return f"{so_far} — memenuhi", "ok"
    return f"{so_far} — kurang {format_rupiah(standing.shortfall)}", "short"


def after_sale_line(buyer: BuyerStatus | None) -> tuple[str, str]:
    """The success screen's big line: the buyer's month including this sale."""
    if buyer is None:
        return "Terima kasih telah berbelanja produk UMKM Ambon.", "exempt"
    status = buyer.standing.status
    if status is Status.MEMENUHI:
        return "Kewajiban bulan ini sudah terpenuhi", "ok"
    if status is Status.DIKECUALIKAN:
        return "Bulan ini Anda dikecualikan", "exempt"
    if status is Status.TIDAK_TERDAFTAR:
        return "NIP tidak terdaftar — belanja tetap dicatat", "flag"
    return f"Kurang {format_rupiah(buyer.standing.shortfall)} lagi", "short"


def buyer_name(buyer: BuyerStatus) -> str:
    return buyer.person.nama if buyer.person else "NIP tidak terdaftar"


def buyer_detail(buyer: BuyerStatus) -> str:
    if buyer.person is None:
        return "Tidak ada di daftar ASN"
    return f"{buyer.person.opd} · {buyer.tier_label or buyer.person.jabatan}"
