"""Errors and row problems in plain words for the admin. The services speak English (for the
CLI and the logs); a screen words an error's code instead, filling the template with the
error's values by name, so rewording the English never changes the screen. Indonesian in
the code; English from the translation file ("AdminWords")."""

from __future__ import annotations

import errno
import logging
from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ...domain.cart import CartProblem
from ...domain.errors import DomainError, ErrorCode, LedgerProblem
from ...domain.money import MoneyProblem
from ...domain.months import MonthProblem
from ...domain.nip import NipProblem
from ...domain.qris import QrisProblem
from ...domain.receipt_qr import ReceiptQrProblem
from ...domain.records import SaleProblem
from ...domain.regulation import RegulationProblem
from ...domain.scan import CardProblem
from ...domain.settlement import PayoutProblem
from ...domain.shift import ShiftProblem
from ...domain.stock import StockProblem
from ...domain.till import CountProblem
from ...services.errors import ImportProblem, ImportRefused, Refusal, RowCode, RowProblem
from ...services.revoked_cards import RevokedFileProblem
from ..i18n import translate

log = logging.getLogger(__name__)

GENERIC = QT_TRANSLATE_NOOP(
    "AdminWords",
    "Maaf, ada yang tidak berhasil. Coba sekali lagi; bila tetap gagal, hubungi petugas TI.",
)
FILE_REFUSED = QT_TRANSLATE_NOOP(
    "AdminWords", "File ditolak, tidak ada yang diimpor. Periksa isinya lalu coba lagi."
)
ROW_OTHER = QT_TRANSLATE_NOOP("AdminWords", "isinya tidak dapat dipakai")
_BAD_NIP = QT_TRANSLATE_NOOP("AdminWords", "NIP tidak valid. Periksa kembali (18 angka).")
_ALREADY_IMPORTED = QT_TRANSLATE_NOOP(
    "AdminWords", "File ini sudah pernah diimpor. Tidak ada yang diubah."
)

# What is wrong with one value of an imported line, shown after "Baris 4, kolom nip: ".
ROW_PROBLEMS: dict[ErrorCode, str] = {
    RowCode.UNREADABLE_HEADER: QT_TRANSLATE_NOOP("AdminWords", "baris judul tidak dapat dibaca"),
    RowCode.BAD_HEADER: QT_TRANSLATE_NOOP("AdminWords", "baris judul harus '{expected}'"),
    RowCode.UNREADABLE_ROW: QT_TRANSLATE_NOOP("AdminWords", "baris ini tidak dapat dibaca"),
    RowCode.FIELD_COUNT: QT_TRANSLATE_NOOP(
        "AdminWords",
        "ada {count} kolom, baris judul punya {expected} (apakah '{delimiter}' dipakai di "
        "dalam isian tanpa tanda kutip?)",
    ),
    RowCode.TOO_LONG: QT_TRANSLATE_NOOP("AdminWords", "lebih dari {limit} huruf"),
    RowCode.EMPTY: QT_TRANSLATE_NOOP("AdminWords", "tidak boleh kosong"),
    RowCode.INVALID_NIP: QT_TRANSLATE_NOOP(
        "AdminWords", "'{value}' bukan NIP yang valid (harus 18 angka)"
    ),
    RowCode.REPEATED_NIP: QT_TRANSLATE_NOOP("AdminWords", "NIP {nip} sudah ada di baris {line}"),
    RowCode.REPEATED: QT_TRANSLATE_NOOP("AdminWords", "{value} sudah ada di baris {line}"),
    RowCode.BAD_CODE: QT_TRANSLATE_NOOP(
        "AdminWords", "kode '{value}' hanya boleh huruf, angka, '.', '_' atau '-'"
    ),
    RowCode.UNKNOWN_TIER: QT_TRANSLATE_NOOP("AdminWords", "tingkat '{value}' tidak dikenal"),
    RowCode.UNKNOWN_VENDOR: QT_TRANSLATE_NOOP(
        "AdminWords", "UMKM '{value}' belum terdaftar; impor data UMKM dulu"
    ),
    RowCode.NOT_A_PHONE: QT_TRANSLATE_NOOP("AdminWords", "'{value}' bukan nomor telepon"),
    RowCode.NOT_POSITIVE: QT_TRANSLATE_NOOP("AdminWords", "harus lebih dari Rp0"),
    RowCode.OVER_LIMIT: QT_TRANSLATE_NOOP(
        "AdminWords", "{value} melebihi batas satu baris kasir ({limit})"
    ),
    RowCode.NOT_A_TIME: QT_TRANSLATE_NOOP(
        "AdminWords", "'{value}' bukan waktu seperti 2026-11-07 09:15"
    ),
    RowCode.IN_THE_FUTURE: QT_TRANSLATE_NOOP("AdminWords", "{value} masih di masa depan"),
    RowCode.BEFORE_START: QT_TRANSLATE_NOOP(
        "AdminWords", "{value} sebelum program dimulai ({start})"
    ),
    RowCode.IMPORTED_BEFORE: QT_TRANSLATE_NOOP(
        "AdminWords", "pembelian yang sama sudah diimpor dari file '{file}'"
    ),
    RowCode.REPEATED_SALE: QT_TRANSLATE_NOOP(
        "AdminWords", "pembelian yang sama sudah ada di baris {line}"
    ),
    MoneyProblem.THOUSANDS_COMMA: QT_TRANSLATE_NOOP(
        "AdminWords", "'{value}' memakai koma untuk ribuan; tulis 20000 atau 20.000"
    ),
    MoneyProblem.CENTS: QT_TRANSLATE_NOOP(
        "AdminWords", "'{value}' bukan rupiah bulat (rupiah tidak memakai sen)"
    ),
    MoneyProblem.NOT_AN_AMOUNT: QT_TRANSLATE_NOOP("AdminWords", "'{value}' bukan jumlah rupiah"),
}

# A whole error in one or two sentences.
ERRORS: dict[ErrorCode, str] = {
    # refusals of the services
    Refusal.NO_ROSTER: QT_TRANSLATE_NOOP(
        "AdminWords", "Belum ada daftar ASN untuk bulan ini. Impor daftar ASN dulu (Impor data)."
    ),
    Refusal.VOID_REASON: QT_TRANSLATE_NOOP(
        "AdminWords", "Pilih alasan pembatalan (3 sampai 500 huruf)."
    ),
    Refusal.EXEMPTION_REASON: QT_TRANSLATE_NOOP(
        "AdminWords", "Pilih alasan pengecualian (3 sampai 500 huruf)."
    ),
    Refusal.OPERATOR_NAME: QT_TRANSLATE_NOOP("AdminWords", "Nama petugas harus 1 sampai 64 huruf."),
    Refusal.OPERATOR_PIN: QT_TRANSLATE_NOOP("AdminWords", "PIN petugas harus 4 sampai 8 angka."),
    Refusal.OPERATOR_VENDOR: QT_TRANSLATE_NOOP(
        "AdminWords", "UMKM '{value}' belum terdaftar. Impor data UMKM dulu."
    ),
    Refusal.ADMIN_PIN_LENGTH: QT_TRANSLATE_NOOP("AdminWords", "PIN admin harus 6 sampai 12 angka."),
    Refusal.ADMIN_PIN_WEAK: QT_TRANSLATE_NOOP(
        "AdminWords", "Pilih PIN yang bukan satu angka berulang atau urutan sederhana."
    ),
    Refusal.UNKNOWN_OPD: QT_TRANSLATE_NOOP(
        "AdminWords", "Tidak ada orang di daftar ASN yang bekerja di OPD '{opd}'."
    ),
    Refusal.NIP_IN_OTHER_OPD: QT_TRANSLATE_NOOP(
        "AdminWords", "NIP {nip} tidak ada di OPD '{opd}' (daftar ASN mencatatnya di '{actual}')."
    ),
    Refusal.NIP_NOT_ON_ROSTER: QT_TRANSLATE_NOOP(
        "AdminWords", "NIP {nip} tidak ada di daftar ASN yang berlaku pada {day}."
    ),
    # whole files refused
    ImportProblem.BAD_ROWS: FILE_REFUSED,
    ImportProblem.NOT_FOUND: QT_TRANSLATE_NOOP(
        "AdminWords", "File {file} tidak ditemukan. Pasang ulang flashdisk lalu tekan Muat ulang."
    ),
    ImportProblem.IS_FOLDER: QT_TRANSLATE_NOOP(
        "AdminWords", "{file} adalah folder, bukan file CSV. Tidak ada yang diimpor."
    ),
    ImportProblem.UNREADABLE: QT_TRANSLATE_NOOP(
        "AdminWords", "File tidak dapat dibaca atau ditulis. Periksa flashdisk lalu coba lagi."
    ),
    ImportProblem.TOO_LARGE: QT_TRANSLATE_NOOP(
        "AdminWords", "File {file} lebih besar dari {limit}. Tidak ada yang diimpor."
    ),
    ImportProblem.NOT_UTF8: QT_TRANSLATE_NOOP(
        "AdminWords",
        "File bukan CSV UTF-8. Di Excel simpan sebagai 'CSV UTF-8'. Tidak ada yang diimpor.",
    ),
    ImportProblem.NOT_TEXT: QT_TRANSLATE_NOOP(
        "AdminWords", "File {file} bukan file CSV. Tidak ada yang diimpor."
    ),
    ImportProblem.EMPTY: QT_TRANSLATE_NOOP("AdminWords", "File kosong. Tidak ada yang diimpor."),
    ImportProblem.NO_ROWS: QT_TRANSLATE_NOOP(
        "AdminWords", "File hanya berisi baris judul. Tidak ada yang diimpor."
    ),
    ImportProblem.REMOVES_MANY: QT_TRANSLATE_NOOP(
        "AdminWords", "Daftar ini menghapus terlalu banyak orang. Tidak ada yang diimpor."
    ),
    ImportProblem.ALREADY_IMPORTED: _ALREADY_IMPORTED,
    # refusals of the ledger
    LedgerProblem.ALREADY_IMPORTED: _ALREADY_IMPORTED,
    LedgerProblem.SALES_IMPORTED_BEFORE: QT_TRANSLATE_NOOP(
        "AdminWords", "{count} pembelian di file ini sudah diimpor dari file lain."
    ),
    LedgerProblem.SALE_NOT_FOUND: QT_TRANSLATE_NOOP(
        "AdminWords", "Struk {number} tidak ditemukan. Periksa nomornya."
    ),
    LedgerProblem.ALREADY_VOIDED: QT_TRANSLATE_NOOP(
        "AdminWords", "Transaksi {number} sudah dibatalkan sebelumnya."
    ),
    LedgerProblem.VOID_WITHOUT_REASON: QT_TRANSLATE_NOOP(
        "AdminWords", "Pilih alasan pembatalan dulu."
    ),
    # the till's cash count
    CountProblem.NEGATIVE_PIECES: QT_TRANSLATE_NOOP(
        "AdminWords", "Jumlah lembar Rp{denomination} tidak boleh di bawah nol."
    ),
    CountProblem.UNKNOWN_DENOMINATION: QT_TRANSLATE_NOOP(
        "AdminWords", "Rp{denomination} bukan pecahan yang dihitung di laci."
    ),
    CountProblem.NEGATIVE_COINS: QT_TRANSLATE_NOOP(
        "AdminWords", "Jumlah uang koin tidak boleh di bawah nol."
    ),
    # paying the UMKM
    PayoutProblem.NOT_POSITIVE: QT_TRANSLATE_NOOP(
        "AdminWords", "Jumlah pembayaran harus rupiah bulat lebih dari Rp0."
    ),
    PayoutProblem.TOO_LARGE: QT_TRANSLATE_NOOP(
        "AdminWords", "Satu pembayaran paling banyak {maximum}; periksa jumlahnya."
    ),
    PayoutProblem.UNKNOWN_UMKM: QT_TRANSLATE_NOOP(
        "AdminWords", "UMKM '{kode_umkm}' belum terdaftar; impor data UMKM dulu."
    ),
    PayoutProblem.ABOVE_BALANCE: QT_TRANSLATE_NOOP(
        "AdminWords", "Jumlah ini melebihi saldo UMKM; catat sebagai panjar bila dibayar di muka."
    ),
    PayoutProblem.NO_NOTE: QT_TRANSLATE_NOOP(
        "AdminWords", "Pilih atau tulis catatan pembayaran dulu."
    ),
    PayoutProblem.NOTE_TOO_LONG: QT_TRANSLATE_NOOP(
        "AdminWords", "Catatan pembayaran paling banyak {limit} huruf."
    ),
    PayoutProblem.NOT_FOUND: QT_TRANSLATE_NOOP(
        "AdminWords", "Pembayaran {number} tidak ditemukan; periksa nomornya."
    ),
    PayoutProblem.ALREADY_REVERSED: QT_TRANSLATE_NOOP(
        "AdminWords", "Pembayaran {number} sudah dibatalkan dengan {by}."
    ),
    PayoutProblem.IS_A_REVERSAL: QT_TRANSLATE_NOOP(
        "AdminWords", "{number} adalah pembatalan; catat pembayaran baru bila perlu."
    ),
    LedgerProblem.ALREADY_EXEMPT: QT_TRANSLATE_NOOP(
        "AdminWords", "Orang ini sudah dikecualikan untuk bulan itu."
    ),
    # the till's shift (sesi kasir)
    ShiftProblem.NO_OPEN_SHIFT: QT_TRANSLATE_NOOP(
        "AdminWords", "Sesi kasir sudah ditutup; keluar lalu masuk lagi untuk membuka sesi baru."
    ),
    ShiftProblem.ALREADY_OPEN: QT_TRANSLATE_NOOP(
        "AdminWords", "Sesi {shift_no} milik {operator} masih terbuka."
    ),
    ShiftProblem.ALREADY_CLOSED: QT_TRANSLATE_NOOP(
        "AdminWords", "Sesi {shift_no} sudah ditutup sebelumnya; tidak ada yang dicatat."
    ),
    ShiftProblem.NOT_WHOLE: QT_TRANSLATE_NOOP("AdminWords", "'{value}' bukan rupiah bulat."),
    ShiftProblem.NEGATIVE_AMOUNT: QT_TRANSLATE_NOOP(
        "AdminWords", "Jumlah uang tidak boleh di bawah nol."
    ),
    ShiftProblem.REASON_NEEDED: QT_TRANSLATE_NOOP(
        "AdminWords", "Uang selisih {difference}: pilih atau ketik alasannya dulu."
    ),
    ShiftProblem.REASON_TOO_LONG: QT_TRANSLATE_NOOP(
        "AdminWords", "Alasan paling panjang {limit} huruf."
    ),
    ShiftProblem.NO_OPERATOR: QT_TRANSLATE_NOOP("AdminWords", "Nama petugas harus diisi."),
    ShiftProblem.FIGURES_CHANGED: QT_TRANSLATE_NOOP(
        "AdminWords",
        "Ada transaksi baru selama uang dihitung; periksa angka terbaru lalu tutup lagi.",
    ),
    # consignment stock for the day (titip jual)
    StockProblem.NOT_WHOLE: QT_TRANSLATE_NOOP(
        "AdminWords", "'{value}' bukan jumlah barang yang bulat."
    ),
    StockProblem.ZERO: QT_TRANSLATE_NOOP("AdminWords", "Ketik jumlah barang lebih dari 0."),
    StockProblem.TOO_MANY: QT_TRANSLATE_NOOP(
        "AdminWords", "Sekali catat paling banyak {most} barang; periksa jumlahnya."
    ),
    StockProblem.NEGATIVE_DROP: QT_TRANSLATE_NOOP(
        "AdminWords", "Petugas hanya bisa menambah titipan; minta admin untuk mengoreksi."
    ),
    StockProblem.BELOW_SOLD: QT_TRANSLATE_NOOP(
        "AdminWords",
        "{product} sudah terjual {sold} hari ini, jadi titipan tidak bisa kurang dari itu.",
    ),
    StockProblem.UNKNOWN_PRODUCT: QT_TRANSLATE_NOOP(
        "AdminWords", "Produk {sku} milik {kode_umkm} tidak ditemukan."
    ),
    # the domain's own checks
    NipProblem.LENGTH: _BAD_NIP,
    NipProblem.BIRTH_DATE: _BAD_NIP,
    NipProblem.BIRTH_YEAR: _BAD_NIP,
    NipProblem.GENDER: _BAD_NIP,
    SaleProblem.NOT_A_NUMBER: QT_TRANSLATE_NOOP(
        "AdminWords", "'{value}' bukan nomor struk (contoh: AMB-01-000123)."
    ),
    SaleProblem.NO_LINES: QT_TRANSLATE_NOOP(
        "AdminWords", "Transaksi harus berisi paling sedikit satu barang."
    ),
    SaleProblem.NAIVE_TIME: QT_TRANSLATE_NOOP(
        "AdminWords", "Waktu transaksi tidak punya zona waktu."
    ),
    SaleProblem.NO_OPERATOR: QT_TRANSLATE_NOOP(
        "AdminWords", "Transaksi harus mencatat nama petugas."
    ),
    CartProblem.NO_VENDOR: QT_TRANSLATE_NOOP(
        "AdminWords", "Setiap barang harus punya UMKM penjualnya."
    ),
    CartProblem.NO_DESCRIPTION: QT_TRANSLATE_NOOP(
        "AdminWords", "Setiap barang harus punya keterangan."
    ),
    CartProblem.PRICE_NOT_WHOLE: QT_TRANSLATE_NOOP("AdminWords", "Harga harus rupiah bulat."),
    CartProblem.PRICE_RANGE: QT_TRANSLATE_NOOP(
        "AdminWords", "Harga harus antara Rp1 dan {maximum}."
    ),
    CartProblem.QUANTITY_RANGE: QT_TRANSLATE_NOOP(
        "AdminWords", "Jumlah barang harus antara 1 dan {maximum}."
    ),
    CartProblem.CASH_NOT_WHOLE: QT_TRANSLATE_NOOP("AdminWords", "Uang tunai harus rupiah bulat."),
    CartProblem.CASH_SHORT: QT_TRANSLATE_NOOP(
        "AdminWords", "Uang yang diterima kurang dari total."
    ),
    CartProblem.CASH_NOT_CASH: QT_TRANSLATE_NOOP(
        "AdminWords", "Uang tunai hanya dicatat untuk pembayaran tunai."
    ),
    CartProblem.INACTIVE_VENDOR: QT_TRANSLATE_NOOP(
        "AdminWords", "UMKM {vendors} tidak aktif di kiosk ini."
    ),
    MonthProblem.NOT_A_MONTH: QT_TRANSLATE_NOOP(
        "AdminWords", "'{value}' bukan bulan; tulis seperti 2026-11."
    ),
    MonthProblem.OUT_OF_RANGE: QT_TRANSLATE_NOOP(
        "AdminWords", "Bulan {month} tahun {year} tidak ada."
    ),
    RegulationProblem.NO_PERIOD: QT_TRANSLATE_NOOP(
        "AdminWords", "Aturan belum punya periode. Periksa pengaturan kiosk."
    ),
    RegulationProblem.SAME_START: QT_TRANSLATE_NOOP(
        "AdminWords", "Dua periode aturan mulai pada bulan yang sama. Periksa pengaturan kiosk."
    ),
    RegulationProblem.UNDEFINED_TIER: QT_TRANSLATE_NOOP(
        "AdminWords",
        "Periode mulai {start} memakai tingkat '{tier}' yang tidak ada. Periksa pengaturan kiosk.",
    ),
    RegulationProblem.BAD_MINIMUM: QT_TRANSLATE_NOOP(
        "AdminWords",
        "Minimum untuk '{tier}' mulai {start} harus rupiah bulat, 0 atau lebih. "
        "Periksa pengaturan kiosk.",
    ),
    RegulationProblem.TIER_LEFT_OUT: QT_TRANSLATE_NOOP(
        "AdminWords",
        "Periode mulai {start} tidak menyebut tingkat {tiers}. Periksa pengaturan kiosk.",
    ),
    RegulationProblem.BEFORE_FIRST_PERIOD: QT_TRANSLATE_NOOP(
        "AdminWords", "Belum ada aturan untuk {month}; aturan pertama mulai {first}."
    ),
    RegulationProblem.UNKNOWN_TIER: QT_TRANSLATE_NOOP(
        "AdminWords", "Tingkat '{tier}' tidak dikenal. Periksa pengaturan kiosk."
    ),
    RegulationProblem.ROSTER_TIERS: QT_TRANSLATE_NOOP(
        "AdminWords",
        "Daftar ASN memakai tingkat {tiers} yang tidak ada di pengaturan. Impor daftar ASN "
        "yang benar atau hubungi petugas TI.",
    ),
    RevokedFileProblem.BAD_LINES: QT_TRANSLATE_NOOP(
        "AdminWords",
        "Daftar kartu hilang {file} baris {lines} bukan NIP dan dilewati; baris lain tetap "
        "memblokir kartunya.",
    ),
    RevokedFileProblem.UNREADABLE: QT_TRANSLATE_NOOP(
        "AdminWords",
        "Daftar kartu hilang {file} tidak dapat dibaca (simpan sebagai teks UTF-8); kiosk tetap "
        "memblokir {count} NIP dari daftar terakhir yang terbaca.",
    ),
    CardProblem.KEY_ID: QT_TRANSLATE_NOOP(
        "AdminWords", "Kode kunci kartu '{key_id}' tidak valid. Hubungi petugas TI."
    ),
    ReceiptQrProblem.NOT_A_RECEIPT: QT_TRANSLATE_NOOP(
        "AdminWords", "Kode ini bukan kode struk Jiku Bata."
    ),
    ReceiptQrProblem.PARTS: QT_TRANSLATE_NOOP(
        "AdminWords", "Kode struk rusak: ada {count} bagian, seharusnya 4."
    ),
    ReceiptQrProblem.DAMAGED: QT_TRANSLATE_NOOP(
        "AdminWords", "Kode struk rusak. Ketik nomor struknya."
    ),
    QrisProblem.EMPTY: QT_TRANSLATE_NOOP("AdminWords", "Kode QRIS kosong."),
    QrisProblem.CONTROL_CHARACTER: QT_TRANSLATE_NOOP(
        "AdminWords", "Kode QRIS berisi karakter kendali di posisi {position}."
    ),
    QrisProblem.TRUNCATED: QT_TRANSLATE_NOOP(
        "AdminWords", "Kode QRIS terpotong (posisi {position})."
    ),
    QrisProblem.NOT_A_TAG: QT_TRANSLATE_NOOP(
        "AdminWords", "Kode QRIS rusak: '{tag}' bukan tag 2 angka."
    ),
    QrisProblem.BAD_LENGTH: QT_TRANSLATE_NOOP(
        "AdminWords", "Kode QRIS rusak: panjang tag {tag} di posisi {position} bukan 2 angka."
    ),
    QrisProblem.VALUE_TOO_LONG: QT_TRANSLATE_NOOP(
        "AdminWords",
        "Isi tag QRIS {tag} terlalu panjang ({length} huruf, paling banyak {maximum}).",
    ),
    QrisProblem.DUPLICATE_TAG: QT_TRANSLATE_NOOP(
        "AdminWords", "Tag {tag} muncul dua kali dalam kode QRIS."
    ),
    QrisProblem.FORMAT_INDICATOR: QT_TRANSLATE_NOOP(
        "AdminWords", "Ini bukan kode QRIS (harus dimulai dengan tag 00 bernilai 01)."
    ),
    QrisProblem.CRC_MISSING: QT_TRANSLATE_NOOP("AdminWords", "Kode QRIS tidak punya CRC (tag 63)."),
    QrisProblem.CRC_NOT_LAST: QT_TRANSLATE_NOOP(
        "AdminWords", "CRC QRIS (tag 63) harus di akhir, tetapi tag {tag} ada sesudahnya."
    ),
    QrisProblem.CRC_MALFORMED: QT_TRANSLATE_NOOP(
        "AdminWords", "CRC QRIS '{value}' bukan 4 angka heksadesimal."
    ),
    QrisProblem.CRC_MISMATCH: QT_TRANSLATE_NOOP(
        "AdminWords",
        "CRC QRIS tidak cocok (seharusnya {expected}, tertulis {found}); salah pindai?",
    ),
    QrisProblem.MISSING_TAG: QT_TRANSLATE_NOOP("AdminWords", "Kode QRIS tidak punya tag {tag}."),
    QrisProblem.BAD_VALUE: QT_TRANSLATE_NOOP(
        "AdminWords", "Tag QRIS {tag} berisi '{value}', yang tidak diterima."
    ),
    QrisProblem.BAD_AMOUNT: QT_TRANSLATE_NOOP(
        "AdminWords", "Nominal QRIS '{value}' bukan rupiah bulat."
    ),
    QrisProblem.AMOUNT_RANGE: QT_TRANSLATE_NOOP(
        "AdminWords", "Nominal QRIS {amount} di luar batas ({minimum} sampai {maximum})."
    ),
    QrisProblem.NOT_A_TEMPLATE: QT_TRANSLATE_NOOP(
        "AdminWords", "Tag QRIS {tag} tidak berisi sub-tag."
    ),
    QrisProblem.CRC_GIVEN: QT_TRANSLATE_NOOP(
        "AdminWords", "CRC QRIS (tag {tag}) dihitung sendiri oleh kiosk; jangan diisi."
    ),
}


def code_text(code: ErrorCode, values: Mapping[str, object], *, row: bool = False) -> str | None:
    """The words for ``code`` filled with ``values``; ``None`` when no template knows it.
    ``row``: the clause form for one line of a file, where there is one."""
    tables = (ROW_PROBLEMS, ERRORS) if row else (ERRORS, ROW_PROBLEMS)
    source = next((table[code] for table in tables if code in table), None)
    if source is None:
        return None
    try:
        return translate("AdminWords", source).format(**values)
    except (KeyError, IndexError, ValueError):
        # A template naming a value its error lacks: say something general, never crash.
        log.warning("the words for %s do not fit its values %s", code, sorted(values))
        return None


def problem_text(problem: RowProblem) -> str:
    """``Baris 4, kolom nip: '1993…' bukan NIP yang valid``."""
    what = code_text(problem.code, problem.values, row=True) or translate("AdminWords", ROW_OTHER)
    if problem.column:
        text = translate("AdminWords", "Baris {line}, kolom {column}: {problem}")
    else:
        text = translate("AdminWords", "Baris {line}: {problem}")
    return text.format(line=problem.line, column=problem.column, problem=what)


def _refused_text(error: ImportRefused) -> str:
    refused = translate("AdminWords", "File ditolak, tidak ada yang diimpor: {problem}")
    if error.problems:
        return refused.format(problem=problem_text(error.problems[0]))
    what = code_text(error.code, error.values)
    if what is None:
        return translate("AdminWords", FILE_REFUSED)
    if isinstance(error.code, ImportProblem):
        return what
    return refused.format(problem=what)  # another layer's refusal, passed on with its code


def error_text(error: BaseException) -> str:
    """One short sentence an admin can act on; never a stack trace."""
    if isinstance(error, ImportRefused):
        return _refused_text(error)
    if isinstance(error, DomainError):
        return code_text(error.code, error.values) or translate("AdminWords", GENERIC)
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
    return translate("AdminWords", GENERIC)
