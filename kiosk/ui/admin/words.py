"""Errors and row problems in plain Indonesian for the admin (the services speak English,
for the CLI and the logs)."""

from __future__ import annotations

import errno
import re

from ...domain.errors import DomainError, DuplicateImport
from ...services.compliance import NoRoster
from ...services.errors import ImportRefused, RowProblem

GENERIC = "Maaf, ada yang tidak berhasil. Coba sekali lagi; bila tetap gagal, hubungi petugas TI."

# (English pattern from the services, Indonesian template); groups are reused in order.
_PROBLEMS: tuple[tuple[str, str], ...] = (
    (r"must not be empty", "tidak boleh kosong"),
    (r"'(.*)' is not a valid NIP", "'{0}' bukan NIP yang valid (harus 18 angka)"),
    (r"NIP (\d+) is already on line (\d+)", "NIP {0} sudah ada di baris {1}"),
    (r"'(.*)' is not a tier of the config", "tingkat '{0}' tidak dikenal"),
    (r"'(.*)' is not a known UMKM", "UMKM '{0}' belum terdaftar; impor data UMKM dulu"),
    (r"(.*) is already on line (\d+)", "{0} sudah ada di baris {1}"),
    (r"'(.*)' is not a phone number", "'{0}' bukan nomor telepon"),
    (r"must be more than Rp0", "harus lebih dari Rp0"),
    (r"'(.*)' must be 1-32 letters", "kode '{0}' hanya boleh huruf, angka, '.', '_' atau '-'"),
    (r"'(.*)' is not an amount", "'{0}' bukan jumlah rupiah"),
    (r"the header must be '([^']*)'", "baris judul harus '{0}'"),
)


def problem_text(problem: RowProblem) -> str:
    """``Baris 4, kolom nip: '1993…' bukan NIP yang valid``."""
    where = f"Baris {problem.line}" + (f", kolom {problem.column}" if problem.column else "")
    for pattern, template in _PROBLEMS:
        match = re.search(pattern, problem.message)
        if match:
            return f"{where}: {template.format(*match.groups())}"
    return f"{where}: {problem.message}"


def error_text(error: BaseException) -> str:
    """One short sentence an admin can act on; never a stack trace."""
    if isinstance(error, NoRoster):
        return "Belum ada daftar ASN untuk bulan ini. Impor daftar ASN dulu (Impor data)."
    if isinstance(error, ImportRefused):
        if error.problems:
            return f"File ditolak, tidak ada yang diimpor: {problem_text(error.problems[0])}"
        text = str(error)
        if "not UTF-8" in text:
            return (
                "File bukan CSV UTF-8. Di Excel simpan sebagai 'CSV UTF-8'. Tidak ada yang diimpor."
            )
        if "is empty" in text:
            return "File kosong. Tidak ada yang diimpor."
        if "would remove" in text:
            return "Daftar ini menghapus terlalu banyak orang. Tidak ada yang diimpor."
        return "File ditolak, tidak ada yang diimpor. Periksa isinya lalu coba lagi."
    if isinstance(error, DuplicateImport):
        return "File ini sudah pernah diimpor. Tidak ada yang diubah."
    if isinstance(error, PermissionError):
        return "Folder tujuan tidak boleh ditulisi. Pilih folder atau flashdisk lain."
    if isinstance(error, OSError):
        if error.errno == errno.ENOSPC:
            return "Penyimpanan penuh. Pilih flashdisk lain atau kosongkan dulu."
        if error.errno in (errno.ENOENT, errno.ENODEV, errno.EIO):
            return "Folder atau flashdisk tidak ditemukan. Pasang ulang lalu tekan Muat ulang."
        return "File tidak dapat dibaca atau ditulis. Periksa flashdisk lalu coba lagi."
    if isinstance(error, DomainError):
        if "already exempt" in str(error):
            return "Orang ini sudah dikecualikan untuk bulan itu."
        if "is not a valid NIP" in str(error) or "18 digits" in str(error):
            return "NIP tidak valid. Periksa kembali (18 angka)."
    return GENERIC
