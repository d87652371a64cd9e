"""Errors and row problems in plain words for the admin (the services speak English, for the
CLI and the logs). Indonesian in the code; English from the translation file ("AdminWords")."""

from __future__ import annotations

import errno
import re

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ...domain.errors import DomainError, DuplicateImport
from ...services.compliance import NoRoster
from ...services.errors import ImportRefused, RowProblem
from ..i18n import translate

GENERIC = QT_TRANSLATE_NOOP(
    "AdminWords",
    "Maaf, ada yang tidak berhasil. Coba sekali lagi; bila tetap gagal, hubungi petugas TI.",
)

# (English pattern from the services, template shown); the pattern's named groups fill it.
_PROBLEMS: tuple[tuple[str, str], ...] = (
    (r"must not be empty", QT_TRANSLATE_NOOP("AdminWords", "tidak boleh kosong")),
    (
        r"'(?P<value>.*)' is not a valid NIP",
        QT_TRANSLATE_NOOP("AdminWords", "'{value}' bukan NIP yang valid (harus 18 angka)"),
    ),
    (
        r"NIP (?P<nip>\d+) is already on line (?P<line>\d+)",
        QT_TRANSLATE_NOOP("AdminWords", "NIP {nip} sudah ada di baris {line}"),
    ),
    (
        r"'(?P<value>.*)' is not a tier of the config",
        QT_TRANSLATE_NOOP("AdminWords", "tingkat '{value}' tidak dikenal"),
    ),
    (
        r"'(?P<value>.*)' is not a known UMKM",
        QT_TRANSLATE_NOOP("AdminWords", "UMKM '{value}' belum terdaftar; impor data UMKM dulu"),
    ),
    (
        r"(?P<value>.*) is already on line (?P<line>\d+)",
        QT_TRANSLATE_NOOP("AdminWords", "{value} sudah ada di baris {line}"),
    ),
    (
        r"'(?P<value>.*)' is not a phone number",
        QT_TRANSLATE_NOOP("AdminWords", "'{value}' bukan nomor telepon"),
    ),
    (r"must be more than Rp0", QT_TRANSLATE_NOOP("AdminWords", "harus lebih dari Rp0")),
    (
        r"'(?P<value>.*)' must be 1-32 letters",
        QT_TRANSLATE_NOOP(
            "AdminWords", "kode '{value}' hanya boleh huruf, angka, '.', '_' atau '-'"
        ),
    ),
    (
        r"'(?P<value>.*)' is not an amount",
        QT_TRANSLATE_NOOP("AdminWords", "'{value}' bukan jumlah rupiah"),
    ),
    (
        r"the header must be '(?P<value>[^']*)'",
        QT_TRANSLATE_NOOP("AdminWords", "baris judul harus '{value}'"),
    ),
)


def problem_text(problem: RowProblem) -> str:
    """``Baris 4, kolom nip: '1993…' bukan NIP yang valid``."""
    what = problem.message  # the services' English when no pattern knows it
    for pattern, template in _PROBLEMS:
        match = re.search(pattern, problem.message)
        if match:
            what = translate("AdminWords", template).format(**match.groupdict())
            break
    if problem.column:
        text = translate("AdminWords", "Baris {line}, kolom {column}: {problem}")
    else:
        text = translate("AdminWords", "Baris {line}: {problem}")
    return text.format(line=problem.line, column=problem.column, problem=what)


def error_text(error: BaseException) -> str:
    """One short sentence an admin can act on; never a stack trace."""
    if isinstance(error, NoRoster):
        return translate(
            "AdminWords",
            "Belum ada daftar ASN untuk bulan ini. Impor daftar ASN dulu (Impor data).",
        )
    if isinstance(error, ImportRefused):
        if error.problems:
            return translate(
                "AdminWords", "File ditolak, tidak ada yang diimpor: {problem}"
            ).format(problem=problem_text(error.problems[0]))
        text = str(error)
        if "not UTF-8" in text:
            return translate(
                "AdminWords",
                "File bukan CSV UTF-8. Di Excel simpan sebagai 'CSV UTF-8'. "
                "Tidak ada yang diimpor.",
            )
        if "is empty" in text:
            return translate("AdminWords", "File kosong. Tidak ada yang diimpor.")
        if "would remove" in text:
            return translate(
                "AdminWords", "Daftar ini menghapus terlalu banyak orang. Tidak ada yang diimpor."
            )
        return translate(
            "AdminWords", "File ditolak, tidak ada yang diimpor. Periksa isinya lalu coba lagi."
        )
    if isinstance(error, DuplicateImport):
        return translate("AdminWords", "File ini sudah pernah diimpor. Tidak ada yang diubah.")
    if isinstance(error, PermissionError):
        return translate(
            "AdminWords", "Folder tujuan tidak boleh ditulisi. Pilih folder atau flashdisk lain."
        )
    if isinstance(error, OSError):
        if error.errno == errno.ENOSPC:
            return translate(
                "AdminWords", "Penyimpanan penuh. Pilih flashdisk lain atau kosongkan dulu."
            )
        if error.errno in (errno.ENOENT, errno.ENODEV, errno.EIO):
            return translate(
                "AdminWords",
                "Folder atau flashdisk tidak ditemukan. Pasang ulang lalu tekan Muat ulang.",
            )
        return translate(
            "AdminWords", "File tidak dapat dibaca atau ditulis. Periksa flashdisk lalu coba lagi."
        )
    if isinstance(error, DomainError):
        if "already exempt" in str(error):
            return translate("AdminWords", "Orang ini sudah dikecualikan untuk bulan itu.")
        if "is not a valid NIP" in str(error) or "18 digits" in str(error):
            return translate("AdminWords", "NIP tidak valid. Periksa kembali (18 angka).")
    return translate("AdminWords", GENERIC)
