"""Ledger benchmark: a year of sales at design scale, timed where the kiosk feels it.

Builds (or reuses, with ``--db``) a ledger of 10,000 ASN on one roster snapshot, ~50 vendors
with ~10 products each and 1,000,000 sales from December 2025 to November 2026 (WIT), written
through the real code path (``SalesLedger.append_sales`` in batches, voids through
``SalesLedger.void``), so the hash chain, triggers and every index are the real ones. Then it
times:

  (a) one durable sale commit (``SalesLedger.append_sale``) beside a bare ``sqlite3``
      insert+commit of a comparable row with the same pragmas, in a file in the same folder;
  (b) one month's compliance export (``ExportService.compliance``) beside the bare SQL
      aggregate it rests on;
  (c) the scan lookup (``StandingService.lookup``) for random roster NIPs;
  (d) ``ledger verify`` over the whole ledger, and the size of the database file.

It ends with a table of metric, measured, target, PASS/FAIL, and exits 0 whatever the figures
(benchmarks report, they do not gate). See bench/README.md.

    .venv/bin/python bench/ledger.py                   # full size (a few minutes)
    .venv/bin/python bench/ledger.py --sales 50000     # quick check
"""

from __future__ import annotations

import argparse
import bisect
import contextlib
import csv
import datetime as dt
import hashlib
import itertools
import json
import math
import os
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml
from sqlalchemy import event, text

from kiosk.bootstrap import Kiosk, open_kiosk
from kiosk.config import Settings, load_settings
from kiosk.domain.cart import CartLine, Payment, PaymentMethod
from kiosk.domain.months import Month
from kiosk.domain.nip import is_valid_nip
from kiosk.domain.records import Product, RosterPerson, SaleDraft, Vendor, sale_number
from kiosk.ledger.ids import new_entry_id
from kiosk.ledger.migrate import head_revision
from kiosk.ledger.verify import VerifyReport

REPO = Path(__file__).resolve().parent.parent
DATA_FORMAT = 1  # bump whenever the generated data changes, so that --db rebuilds
FIRST_MONTH = Month(2025, 12)
MONTHS = 12
OPEN_HOUR, CLOSE_HOUR = 8, 16  # the stall's busy hours, WIT
ROSTER_AS_OF = dt.date(2025, 11, 30)  # in force for every month of the year
OPD_COUNT = 40

TARGET_COMMIT_RATIO = 1.5
TARGET_EXPORT_SECONDS = 1.0
TARGET_EXPORT_RATIO = 3.0
TARGET_LOOKUP_MS = 5.0

perf = time.perf_counter


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- the data set -----------------------------------------------------------------------------


def split_list(text: str) -> tuple[str, ...]:
    return tuple(text.split(", "))


OPDS = (
    "Sekretariat Daerah",
    "Sekretariat DPRD",
    "Inspektorat",
    "Bappeda dan Litbang",
    "Badan Pengelolaan Keuangan dan Aset Daerah",
    "Badan Pendapatan Daerah",
    "Badan Kepegawaian dan Pengembangan SDM",
    "Badan Kesatuan Bangsa dan Politik",
    "Badan Penanggulangan Bencana Daerah",
    "Dinas Pendidikan dan Kebudayaan",
    "Dinas Kesehatan",
    "Dinas Pekerjaan Umum dan Penataan Ruang",
    "Dinas Perumahan dan Kawasan Permukiman",
    "Satuan Polisi Pamong Praja",
    "Dinas Pemadam Kebakaran",
    "Dinas Sosial",
    "Dinas Tenaga Kerja",
    "Dinas Pemberdayaan Perempuan dan Perlindungan Anak",
    "Dinas Ketahanan Pangan",
    "Dinas Lingkungan Hidup dan Persampahan",
    "Dinas Kependudukan dan Pencatatan Sipil",
    "Dinas Pemberdayaan Masyarakat dan Negeri",
    "Dinas Pengendalian Penduduk dan Keluarga Berencana",
    "Dinas Perhubungan",
    "Dinas Komunikasi, Informatika dan Persandian",
    "Dinas Koperasi dan UKM",
    "Dinas Penanaman Modal dan PTSP",
    "Dinas Kepemudaan dan Olahraga",
    "Dinas Perpustakaan dan Kearsipan",
    "Dinas Pariwisata",
    "Dinas Perikanan",
    "Dinas Pertanian",
    "Dinas Perindustrian dan Perdagangan",
    "RSUD Kota Ambon",
    "Kecamatan Nusaniwe",
    "Kecamatan Sirimau",
    "Kecamatan Teluk Ambon",
    "Kecamatan Teluk Ambon Baguala",
    "Kecamatan Leitimur Selatan",
    "Bagian Umum Setda",
)
FIRST_NAMES = split_list(
    "Johanis, Maria, Yance, Ina, Frans, Agustina, Abdul, Siti, Muhammad, Nurlaila, Ronald, "
    "Febry, Jacob, Elsye, Hamid, Leonora, Yosias, Rahmawati, Marthen, Grace, Ahmad, Salma, "
    "Petrus, Christina, Rudy, Nona, Izaac, Fatima, Samuel, Debora, Ismail, Ketty, "
    "Barnabas, Hasna, Daniel, Olivia"
)
FAMILY_NAMES = split_list(
    "Latuconsina, Pattiasina, Tuhumury, Sahetapy, Leiwakabessy, Matulessy, Tahitu, "
    "Siahaya, Wattimena, Latumahina, Ririmasse, Manuputty, Nanlohy, Souisa, Pelupessy, "
    "Titaley, Sopacua, Lekatompessy, Rahawarin, Tomasoa, Huwae, Picauly, Ohorella, Pelu, "
    "Sahertian, Tehupeiory, Lewerissa, Tuasikal, Marasabessy, Rumahsoal, Pesulima, "
    "Kakerissa, Hattu, Louhenapessy, Sitanala"
)
# Tier key -> (share of the bulk of the roster, positions). Singles are one person each and
# eselon_ii is one head per OPD; a tier key of the config not listed here gets a small share.
TIER_SHAPE: dict[str, tuple[float, tuple[str, ...]]] = {
    "eselon_iii": (3.0, ("Sekretaris", "Kepala Bidang", "Kepala Bagian", "Camat")),
    "eselon_iv": (8.0, ("Kepala Seksi", "Kepala Subbagian", "Lurah")),
    "fungsional": (
        34.0,
        (
            "Guru Ahli Pertama",
            "Guru Ahli Muda",
            "Perawat Terampil",
            "Bidan Ahli Pertama",
            "Analis Kebijakan Ahli Muda",
            "Pranata Komputer Ahli Pertama",
            "Penyuluh Perikanan",
            "Auditor Ahli Muda",
        ),
    ),
    "pelaksana": (
        28.0,
        ("Pengadministrasi Umum", "Pengelola Keuangan", "Pengemudi", "Pengelola Data"),
    ),
    "pppk": (19.0, ("Guru PPPK", "Tenaga Kesehatan PPPK", "Penyuluh PPPK")),
    "honorer": (8.0, ("Tenaga Honorer", "Petugas Kebersihan", "Pramubakti")),
}
SINGLES = {
    "wali_kota": "Wali Kota Ambon",
    "wakil_wali_kota": "Wakil Wali Kota Ambon",
    "sekda": "Sekretaris Daerah",
}

PRODUCT_POOLS: dict[str, tuple[tuple[str, int, int], ...]] = {  # name, min price, max price
    "Makanan": (
        ("Sagu lempeng isi 10", 10, 20),
        ("Sagu tumbu isi 5", 10, 15),
        ("Bagea kenari", 15, 35),
        ("Kue lapis sagu", 15, 30),
        ("Ikan asar potong", 25, 60),
        ("Abon ikan tuna", 30, 60),
        ("Kenari salut cokelat", 25, 50),
        ("Sambal colo-colo botol", 15, 30),
        ("Nasi kuning bungkus", 10, 20),
        ("Papeda instan", 15, 25),
        ("Roti kenari", 10, 25),
        ("Keripik sukun", 10, 20),
        ("Kacang botol", 15, 30),
        ("Bubur ne", 10, 15),
    ),
    "Minuman": (
        ("Kopi rarobang gelas", 10, 20),
        ("Kopi rarobang bubuk 250 g", 35, 60),
        ("Air guraka", 10, 15),
        ("Es pala", 10, 15),
        ("Sirup pala botol", 30, 50),
        ("Teh serai", 8, 15),
        ("Jus gandaria", 12, 20),
        ("Air kelapa muda", 10, 15),
        ("Kopi tubruk sachet isi 10", 25, 40),
        ("Wedang jahe", 8, 15),
        ("Sopi kelapa (non-alkohol)", 20, 35),
    ),
    "Kerajinan": (
        ("Miniatur kapal kora-kora", 75, 250),
        ("Bunga kerang", 35, 120),
        ("Gantungan kunci mutiara", 15, 40),
        ("Anting mutiara", 100, 250),
        ("Tas anyaman daun pandan", 60, 150),
        ("Minyak kayu putih 60 ml", 25, 60),
        ("Minyak cengkih 30 ml", 20, 45),
        ("Tifa hias", 80, 200),
        ("Tikar anyaman kecil", 50, 120),
        ("Kotak pala ukir", 40, 100),
        ("Hiasan dinding Pattimura", 75, 180),
    ),
    "Pakaian": (
        ("Kemeja batik Maluku lengan pendek", 150, 250),
        ("Kemeja batik Maluku lengan panjang", 175, 300),
        ("Kain tenun Tanimbar", 250, 450),
        ("Kaos Ambon Manise", 75, 120),
        ("Syal tenun", 75, 150),
        ("Topi anyaman", 40, 90),
        ("Selendang motif cengkih", 90, 180),
        ("Kebaya Ambon", 200, 350),
        ("Sarung tenun", 150, 300),
        ("Kaos kota musik", 75, 120),
    ),
}
CATEGORY_WEIGHTS = {"Makanan": 0.42, "Minuman": 0.18, "Kerajinan": 0.22, "Pakaian": 0.18}
POPULARITY = {"Makanan": 4.0, "Minuman": 3.0, "Kerajinan": 1.0, "Pakaian": 0.6}
VENDOR_PREFIXES = ("Dapur", "Kios", "Sentra", "Rumah", "Galeri", "Warung", "Usaha", "Toko")
PLACES = split_list(
    "Hative, Latuhalat, Passo, Halong, Soya, Amahusu, Batu Merah, Waiheru, Rumah Tiga, "
    "Kudamati, Galala, Tawiri, Laha, Naku, Hutumuri"
)
OPERATORS = ("Ina", "Yance", "Mama Ona", "Nona Lies", "Om Frans", "Hamid", "Leonora", "Ketty")
VOID_REASONS = ("salah input", "pembeli batal", "salah metode bayar", "harga keliru")


@dataclass(frozen=True)
class Params:
    """Everything that decides the content of the built ledger (its fingerprint)."""

    sales: int
    people: int
    vendors: int
    products_per_vendor: int
    void_share: float
    batch: int
    seed: int
    data_format: int = DATA_FORMAT
    schema: str = ""


def make_nip(rng: random.Random, tier: str, used: set[str]) -> str:
    """18 digits: birth date YYYYMMDD, start of service YYYYMM, gender 1/2, sequence."""
    while True:
        born = dt.date(1962, 1, 1) + dt.timedelta(days=rng.randrange(38 * 365))
        if tier == "pppk":  # PPPK: digits 13-14 are not a month
            service = f"{rng.randint(2019, 2025)}{rng.choice(('21', '22', '23'))}"
        else:
            start = min(2025, born.year + rng.randint(21, 32))
            service = f"{start}{rng.randint(1, 12):02d}"
        nip = f"{born:%Y%m%d}{service}{rng.choice('12')}{rng.randint(1, 999):03d}"
        if nip not in used:
            assert is_valid_nip(nip), nip
            used.add(nip)
            return nip


def make_name(rng: random.Random) -> str:
    name = f"{rng.choice(FIRST_NAMES)} {rng.choice(FAMILY_NAMES)}"
    if rng.random() < 0.4:
        name += rng.choice((", S.Pd.", ", S.E.", ", S.H.", ", S.Kep.", ", S.T.", ", M.Si."))
    return name


def make_roster(
    rng: random.Random, people: int, tiers: Sequence[str], used: set[str]
) -> list[RosterPerson]:
    opds = OPDS[:OPD_COUNT]
    slots: list[tuple[str, str, str]] = []  # (tier, opd, position)
    for tier, position in SINGLES.items():
        if tier in tiers:
            slots.append((tier, "Sekretariat Daerah", position))
    if "eselon_ii" in tiers:
        slots.extend(("eselon_ii", opd, f"Kepala {opd}") for opd in opds)
    bulk = [t for t in tiers if t not in SINGLES and t != "eselon_ii"]
    weights = [TIER_SHAPE.get(t, (2.0, ()))[0] for t in bulk]
    for tier in rng.choices(bulk, weights=weights, k=max(0, people - len(slots))):
        positions = TIER_SHAPE.get(tier, (0.0, (tier.replace("_", " ").title(),)))[1]
        slots.append((tier, rng.choice(opds), rng.choice(positions)))
    return [
        RosterPerson(make_nip(rng, tier, used), make_name(rng), opd, position, tier)
        for tier, opd, position in slots[:people]
    ]


def make_catalog(
    rng: random.Random, vendors: int, per_vendor: int
) -> tuple[list[Vendor], list[Product]]:
    vendor_rows, product_rows = [], []
    categories = list(CATEGORY_WEIGHTS)
    for number in range(1, vendors + 1):
        code = f"UMKM-{number:03d}"
        category = rng.choices(categories, weights=list(CATEGORY_WEIGHTS.values()))[0]
        owner = make_name(rng).split(",")[0]
        name = f"{rng.choice(VENDOR_PREFIXES)} {rng.choice(PLACES)} {owner.split()[0]}"
        phone = f"08{rng.randint(11, 59)}-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}"
        vendor_rows.append(Vendor(code, name, owner, phone))
        pool = PRODUCT_POOLS[category]
        for index in range(per_vendor):
            base, low, high = pool[(index + number) % len(pool)]
            label = base if index < len(pool) else f"{base} (paket {index // len(pool) + 1})"
            price = rng.randint(low, high) * 1000
            product_rows.append(Product(code, f"P{index + 1:03d}", label, price, category))
    return vendor_rows, product_rows


def day_weight(day: dt.date) -> float:
    weight = (1.0, 1.0, 1.0, 1.0, 1.0, 0.4, 0.25)[day.weekday()]
    return weight * 2.5 if day.day == 7 else weight  # the 7th: shopping day after pay day


def year_days() -> list[dt.date]:
    first = FIRST_MONTH.first_day
    end = first
    for _ in range(MONTHS):
        end = Month.of_date(end).next().first_day
    return [first + dt.timedelta(days=n) for n in range((end - first).days)]


def day_counts(total: int) -> list[tuple[dt.date, int]]:
    """Sales per day, summing exactly to ``total`` (largest remainder)."""
    days = year_days()
    weights = [day_weight(d) for d in days]
    scale = total / sum(weights)
    exact = [w * scale for w in weights]
    counts = [int(x) for x in exact]
    short = total - sum(counts)
    by_remainder = sorted(range(len(days)), key=lambda i: exact[i] - counts[i], reverse=True)
    for i in by_remainder[:short]:
        counts[i] += 1
    return list(zip(days, counts, strict=True))


def month_counts(total: int) -> dict[Month, int]:
    out: dict[Month, int] = {}
    for day, count in day_counts(total):
        month = Month.of_date(day)
        out[month] = out.get(month, 0) + count
    return out


def cash_given(total: int, rng: random.Random) -> int:
    """What people hand over: the exact amount or the next round note."""
    for note in (total, 20_000, 50_000, 100_000):
        if note >= total and rng.random() < 0.5:
            return note
    return -(-total // 100_000) * 100_000


class SaleMaker:
    """Realistic baskets: 1-3 lines from any vendor, ~80% with a NIP, cash or QRIS."""

    def __init__(
        self,
        rng: random.Random,
        roster_nips: Sequence[str],
        outsiders: Sequence[str],
        products: Sequence[Product],
        identified_share: float = 0.8,
    ) -> None:
        self.rng = rng
        self.identified_share = identified_share
        self.outsiders = list(outsiders)
        # Some people never come; the others with very different habits.
        self.nips = list(roster_nips)
        weights = [0.0 if rng.random() < 0.1 else rng.expovariate(1.0) for _ in self.nips]
        self.nip_cum = list(itertools.accumulate(weights))
        self.products = list(products)
        self.product_cum = list(
            itertools.accumulate(POPULARITY.get(p.kategori, 1.0) for p in self.products)
        )

    def nip(self) -> str | None:
        rng = self.rng
        if rng.random() >= self.identified_share:
            return None
        if self.outsiders and rng.random() < 0.01:  # a valid NIP on no roster
            return rng.choice(self.outsiders)
        return self.nips[bisect.bisect(self.nip_cum, rng.random() * self.nip_cum[-1])]

    def draft(self, at: dt.datetime) -> SaleDraft:
        rng = self.rng
        count = rng.choices((1, 2, 3), cum_weights=(55, 85, 100))[0]
        picked = rng.choices(self.products, cum_weights=self.product_cum, k=count)
        lines, seen = [], set()
        for product in picked:
            key = (product.kode_umkm, product.sku)
            if key in seen:  # the same product twice: the cart keeps one line
                continue
            seen.add(key)
            quantity = rng.choices((1, 2, 3), cum_weights=(75, 95, 100))[0]
            lines.append(
                CartLine(product.kode_umkm, product.nama, product.harga, quantity, product.sku)
            )
        total = sum(line.subtotal for line in lines)
        if rng.random() < 0.65:
            payment = Payment(PaymentMethod.TUNAI, cash_given(total, rng))
        else:
            payment = Payment(PaymentMethod.QRIS)
        return SaleDraft(
            lines=tuple(lines),
            nip=self.nip(),
            operator=rng.choice(OPERATORS),
            payment=payment,
            created_at=at,
        )


def times_on(rng: random.Random, day: dt.date, count: int, tz: ZoneInfo) -> list[dt.datetime]:
    """``count`` sorted moments of one day (UTC), with a lunch-time peak."""
    opening = dt.datetime.combine(day, dt.time(OPEN_HOUR), tz)
    span = (CLOSE_HOUR - OPEN_HOUR) * 3600.0
    seconds = []
    for _ in range(count):
        if rng.random() < 0.5:
            seconds.append(rng.uniform(0, span))
        else:
            seconds.append(min(span - 1, max(0.0, rng.gauss(4 * 3600.0, 3600.0))))
    seconds.sort()
    return [(opening + dt.timedelta(seconds=s)).astimezone(dt.UTC) for s in seconds]


# --- where things live ------------------------------------------------------------------------


@dataclass
class Workspace:
    db: Path
    scratch: Path  # config, bare database, exports: always deleted at exit
    owned_root: Path | None  # the temporary folder holding the ledger (default mode)
    created_parent: Path | None  # .bench-data/ if this run created it

    @property
    def sidecar(self) -> Path:
        return self.db.with_name(self.db.name + ".bench.json")

    @property
    def ledger_key(self) -> Path:
        """Kept beside the ledger: a reused ledger's MACs need the key it was built with."""
        return self.db.with_name(self.db.name + ".key")

    @property
    def bare_db(self) -> Path:
        return self.scratch / "bare.db"

    def cleanup(self, keep: bool) -> None:
        shutil.rmtree(self.scratch, ignore_errors=True)
        if keep or self.owned_root is None:
            return
        shutil.rmtree(self.owned_root, ignore_errors=True)
        if self.created_parent is not None:
            with contextlib.suppress(OSError):
                self.created_parent.rmdir()  # only if nothing else is in it


def make_workspace(db: str | None) -> Workspace:
    if db is None:
        parent = REPO / ".bench-data"
        created = None if parent.exists() else parent
        parent.mkdir(exist_ok=True)
        root = Path(tempfile.mkdtemp(prefix="ledger-", dir=parent))
        return Workspace(root / "ledger.db", root / "scratch", root, created)
    path = Path(db).resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{path.stem}-bench-", dir=path.parent))
    return Workspace(path, scratch, None, None)


def sqlite_files(db: Path) -> list[Path]:
    return [db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")]


def write_settings(ws: Workspace, config: Path) -> Settings:
    """The project's config with the database and every folder moved into the workspace."""
    raw = yaml.safe_load(config.read_text(encoding="utf-8-sig"))
    raw.setdefault("database", {})["url"] = f"sqlite:///{ws.db}"
    raw.setdefault("printer", {})["path"] = str(ws.scratch / "receipts")
    raw.setdefault("export", {})["folder"] = str(ws.scratch / "exports")
    raw["backup"] = {"folder": str(ws.scratch / "backups")}
    raw["cards"] = {
        "key_file": str(ws.scratch / "card-keys.txt"),
        "revoked_file": str(ws.scratch / "revoked-cards.txt"),
    }
    raw["ledger"] = {"key_file": str(ws.ledger_key)}
    ws.scratch.mkdir(parents=True, exist_ok=True)
    path = ws.scratch / "config.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return load_settings(path)


# --- building ---------------------------------------------------------------------------------


@dataclass
class BuildReport:
    seconds: float = 0.0
    generate_seconds: float = 0.0
    append_seconds: float = 0.0
    void_seconds: float = 0.0
    sales: int = 0
    voids: int = 0
    reused: bool = False
    months: dict[str, int] = field(default_factory=dict)


def build(kiosk: Kiosk, params: Params, tz: ZoneInfo, progress_every: int) -> BuildReport:
    report = BuildReport()
    rng = random.Random(params.seed)
    started = perf()
    tiers = list(kiosk.settings.regulation.tiers)
    used: set[str] = set()
    people = make_roster(rng, params.people, tiers, used)
    outsiders = [make_nip(rng, "pelaksana", used) for _ in range(max(5, params.people // 50))]
    digest = hashlib.sha256(repr(people).encode()).hexdigest()
    at = dt.datetime.combine(ROSTER_AS_OF, dt.time(9), tz)
    kiosk.roster.add_snapshot(
        people,
        as_of=ROSTER_AS_OF,
        file_name="bench-roster.csv",
        file_sha256=digest,
        forced=False,
        actor="bench",
        at=at,
    )
    vendors, products = make_catalog(rng, params.vendors, params.products_per_vendor)
    kiosk.catalog.save_vendors(vendors, actor="bench", at=at)
    kiosk.catalog.save_products(products, actor="bench", at=at)
    log(
        f"[build] roster {len(people):,} people, {len(vendors)} vendors, "
        f"{len(products)} products ({perf() - started:.1f} s)"
    )

    maker = SaleMaker(rng, [p.nip for p in people], outsiders, products)
    ledger = kiosk.sales_ledger
    seq = 0
    done = 0
    batch: list[SaleDraft] = []
    next_progress = progress_every
    sales_started = perf()

    def flush() -> None:
        nonlocal seq, done, next_progress
        t0 = perf()
        ledger.append_sales(batch)
        report.append_seconds += perf() - t0
        first_seq = seq + 1
        seq += len(batch)
        done += len(batch)
        due = round(done * params.void_share) - report.voids
        t0 = perf()
        for index in sorted(rng.sample(range(len(batch)), min(due, len(batch)))):
            void_at = batch[index].created_at + dt.timedelta(minutes=rng.randint(1, 20))
            ledger.void(
                sale_number(ledger.kiosk_id, first_seq + index),
                reason=rng.choice(VOID_REASONS),
                actor="admin",
                at=void_at,
            )
            seq += 1
            report.voids += 1
        report.void_seconds += perf() - t0
        batch.clear()
        if done >= next_progress or done == params.sales:
            elapsed = perf() - sales_started
            rate = done / elapsed if elapsed else 0.0
            eta = (params.sales - done) / rate if rate else 0.0
            log(
                f"[build] {done:>10,} / {params.sales:,} sales, {report.voids:,} voids  "
                f"{elapsed:7.1f} s  {rate:8,.0f} sales/s  ETA {eta:5.0f} s"
            )
            while next_progress <= done:
                next_progress += progress_every

    for day, count in day_counts(params.sales):
        for moment in times_on(rng, day, count, tz):
            batch.append(maker.draft(moment))
            if len(batch) >= params.batch:
                flush()
    if batch:
        flush()

    with kiosk.db.read() as connection:
        head = connection.execute(text("SELECT MAX(seq) FROM entries")).scalar_one()
    if head != seq:
        raise RuntimeError(f"the chain head is {head}, expected {seq}")
    report.sales = done
    report.seconds = perf() - started
    report.generate_seconds = (
        report.seconds - report.append_seconds - report.void_seconds
    )  # roster, catalogue and drafts, all in Python
    report.months = {str(m): n for m, n in month_counts(params.sales).items()}
    return report


def checkpoint(db: Path) -> None:
    with sqlite3.connect(db) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()


# --- measuring --------------------------------------------------------------------------------


def percentile(values: Sequence[float], share: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


BARE_SCHEMA = (
    "CREATE TABLE sales (id VARCHAR(36) NOT NULL PRIMARY KEY, created_at DATETIME NOT NULL, "
    "nip VARCHAR(18), operator VARCHAR(64) NOT NULL, payment_method VARCHAR(8) NOT NULL, "
    "cash_given INTEGER, total INTEGER NOT NULL, source VARCHAR(8) NOT NULL, "
    "note VARCHAR(500))",
    "CREATE INDEX ix_sales_created_at ON sales (created_at)",
    "CREATE INDEX ix_sales_nip_created_at ON sales (nip, created_at)",
)
BARE_INSERT = "INSERT INTO sales VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"


def sqlite_time(moment: dt.datetime) -> str:
    """How SQLAlchemy stores the ledger's (naive UTC) DATETIME values in SQLite."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def bare_row(rng: random.Random, moment: dt.datetime, nips: Sequence[str]) -> tuple[Any, ...]:
    total = rng.randint(1, 30) * 5000
    return (
        str(uuid.uuid4()),
        sqlite_time(moment),
        rng.choice(nips) if rng.random() < 0.8 else None,
        rng.choice(OPERATORS),
        "TUNAI",
        total,
        total,
        "kiosk",
        None,
    )


BARE_PRAGMAS = (  # the same as kiosk.ledger.engine.SQLITE_PRAGMAS
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=5000",
)


def connect_bare(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, isolation_level=None)
    for pragma in BARE_PRAGMAS:
        connection.execute(pragma)
    return connection


def open_bare(path: Path, rows: int, nips: Sequence[str], rng: random.Random) -> sqlite3.Connection:
    """The bare comparison: one table like ``sales`` with the same indexes and pragmas,
    pre-filled with as many rows as the ledger holds (random UUID keys, as in the ledger) so
    both B-trees have the same depth and page fill."""
    for file in sqlite_files(path):
        file.unlink(missing_ok=True)
    with contextlib.closing(connect_bare(path)) as connection:
        connection.execute("PRAGMA cache_size=-262144")  # only to fill it faster
        for statement in BARE_SCHEMA:
            connection.execute(statement)
        start = dt.datetime.combine(FIRST_MONTH.first_day, dt.time(), dt.UTC)
        step = dt.timedelta(days=365) / max(1, rows)
        connection.execute("BEGIN IMMEDIATE")
        connection.executemany(
            BARE_INSERT, (bare_row(rng, start + i * step, nips) for i in range(rows))
        )
        connection.execute("COMMIT")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return connect_bare(path)  # timed with the default cache, like the ledger's connections


def bare_commit(connection: sqlite3.Connection, row: tuple[Any, ...]) -> None:
    connection.execute("BEGIN IMMEDIATE")
    connection.execute(BARE_INSERT, row)
    connection.execute("COMMIT")


SAME_ROWS_SQL = (
    "INSERT INTO entries (id, kiosk_id, seq, kind, prev_hash, entry_hash, entry_mac)"
    " VALUES (?, ?, ?, 'sale', ?, ?, ?)",
    "INSERT INTO sales (id, created_at, nip, operator, payment_method, cash_given, total,"
    " source, note, sales_import_id, identified_by)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, 'kiosk', NULL, NULL, 'card')",
    "INSERT INTO sale_lines VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
)


def open_same_rows(ledger_db: Path, copy: Path) -> sqlite3.Connection:
    """A copy of the ledger itself, for writing a sale's own rows with the bare driver: the
    floor of what SQLite costs for them, with the same tables, indexes and depth."""
    for file in sqlite_files(copy):
        file.unlink(missing_ok=True)
    with (
        contextlib.closing(sqlite3.connect(ledger_db)) as source,
        contextlib.closing(sqlite3.connect(copy)) as target,
    ):
        source.backup(target)
    return connect_bare(copy)


def same_rows_commit(connection: sqlite3.Connection, draft: SaleDraft, seq: int) -> None:
    """What append_sale writes, with no SQLAlchemy, no hashing, no records."""
    entry_id = new_entry_id()
    connection.execute("BEGIN IMMEDIATE")
    connection.execute(
        "SELECT seq, entry_hash FROM entries WHERE kiosk_id = ? ORDER BY seq DESC LIMIT 1",
        ("BARE",),
    ).fetchone()
    connection.execute(SAME_ROWS_SQL[0], (entry_id, "BARE", seq, "0" * 64, "f" * 64, "e" * 64))
    connection.execute(
        SAME_ROWS_SQL[1],
        (
            entry_id,
            sqlite_time(draft.created_at),
            draft.nip,
            draft.operator,
            draft.payment.method.value,
            draft.payment.cash_given,
            draft.total,
        ),
    )
    connection.executemany(
        SAME_ROWS_SQL[2],
        [
            (
                entry_id,
                n,
                line.vendor_code,
                line.sku,
                line.description,
                line.unit_price,
                line.quantity,
                line.subtotal,
            )
            for n, line in enumerate(draft.lines, start=1)
        ],
    )
    connection.execute("COMMIT")


@dataclass
class CommitResult:
    ledger: list[float]
    bare: list[float]
    prefill_seconds: float
    same_rows: list[float]


def bench_commit(
    kiosk: Kiosk,
    ledger_db: Path,
    bare_path: Path,
    bare_rows: int,
    now: dt.datetime,
    count: int,
    warmup: int,
    seed: int,
) -> CommitResult:
    rng = random.Random(seed + 1)
    people = sorted(kiosk.roster.people_on(now.astimezone(kiosk.settings.stall.tz).date()))
    maker = SaleMaker(rng, people, [], kiosk.catalog.products(active_only=True))
    t0 = perf()
    bare = open_bare(bare_path, bare_rows, people, rng)
    prefill = perf() - t0
    same = open_same_rows(ledger_db, bare_path.with_name("same-rows.db"))
    ledger_times: list[float] = []
    bare_times: list[float] = []
    same_times: list[float] = []
    try:
        for i in range(warmup + count):
            moment = now + dt.timedelta(seconds=7 * i)
            draft = maker.draft(moment)
            row = bare_row(rng, moment, people)
            # Interleaved, so that load from anything else on the machine hits all alike.
            t0 = perf()
            kiosk.sales_ledger.append_sale(draft)
            t1 = perf()
            bare_commit(bare, row)
            t2 = perf()
            same_rows_commit(same, draft, i + 1)
            t3 = perf()
            if i >= warmup:
                ledger_times.append(t1 - t0)
                bare_times.append(t2 - t1)
                same_times.append(t3 - t2)
    finally:
        bare.close()
        same.close()
    return CommitResult(ledger_times, bare_times, prefill, same_times)


BARE_COMPLIANCE_SQL = (
    "SELECT s.nip, SUM(s.total), COUNT(*) FROM sales AS s "
    "LEFT JOIN voids AS v ON v.sale_id = s.id "
    "WHERE s.created_at >= ? AND s.created_at < ? AND v.id IS NULL AND s.nip IS NOT NULL "
    "GROUP BY s.nip"
)


@dataclass
class ExportResult:
    month: Month
    month_sales: int
    rows: int
    export: list[float]
    bare: list[float]
    agree: bool
    detail: str
    people_on: float = 0.0  # medians of the export's parts, each timed on its own
    by_nip: float = 0.0


def bench_export(kiosk: Kiosk, db: Path, month: Month, repeat: int) -> ExportResult:
    tz = kiosk.settings.stall.tz
    out = kiosk.settings.export.folder / f"compliance-{month}.csv"
    start, end = month.utc_bounds(tz)
    bounds = (sqlite_time(start), sqlite_time(end))
    bare = sqlite3.connect(db)
    try:
        sample = bare.execute("SELECT created_at FROM sales LIMIT 1").fetchone()[0]
        if len(sample) != len(bounds[0]):
            raise RuntimeError(f"unexpected DATETIME text in the ledger: {sample!r}")
        month_sales = bare.execute(
            "SELECT COUNT(*) FROM sales WHERE created_at >= ? AND created_at < ?", bounds
        ).fetchone()[0]
        export_times, bare_times = [], []
        rows = kiosk.exports.compliance(month, out)  # warm-up
        result = bare.execute(BARE_COMPLIANCE_SQL, bounds).fetchall()
        for _ in range(repeat):
            t0 = perf()
            rows = kiosk.exports.compliance(month, out)
            export_times.append(perf() - t0)
            t0 = perf()
            result = bare.execute(BARE_COMPLIANCE_SQL, bounds).fetchall()
            bare_times.append(perf() - t0)
        people_times, by_nip_times = [], []
        for _ in range(repeat):
            t0 = perf()
            kiosk.roster.people_on(month.last_day)
            people_times.append(perf() - t0)
            t0 = perf()
            kiosk.spending.by_nip(start, end)
            by_nip_times.append(perf() - t0)
    finally:
        bare.close()
    with out.open(encoding="utf-8-sig", newline="") as handle:
        records = list(csv.DictReader(handle))
    csv_spent = sum(int(r["belanja"]) for r in records)
    csv_count = sum(int(r["transaksi"]) for r in records)
    bare_spent = sum(r[1] for r in result)
    bare_count = sum(r[2] for r in result)
    agree = (csv_spent, csv_count) == (bare_spent, bare_count)
    detail = (
        f"CSV: {csv_count:,} purchases, Rp{csv_spent:,}; bare SQL: {bare_count:,} purchases, "
        f"Rp{bare_spent:,} over {len(result):,} NIPs"
    )
    return ExportResult(
        month,
        month_sales,
        rows,
        export_times,
        bare_times,
        agree,
        detail,
        statistics.median(people_times),
        statistics.median(by_nip_times),
    )


def bench_lookup(
    kiosk: Kiosk, now: dt.datetime, count: int, warmup: int, seed: int
) -> tuple[list[float], int]:
    rng = random.Random(seed + 2)
    nips = sorted(kiosk.roster.people_on(now.astimezone(kiosk.settings.stall.tz).date()))
    lookup = kiosk.standing.lookup
    for nip in rng.choices(nips, k=warmup):
        lookup(nip, now)
    times, buyers = [], 0
    for nip in rng.choices(nips, k=count):
        t0 = perf()
        status = lookup(nip, now)
        times.append(perf() - t0)
        if status.person is None:
            raise RuntimeError(f"{nip} is on the roster but the lookup did not find them")
        buyers += status.standing.purchases > 0
    return times, buyers


# --- query plans (--explain) ------------------------------------------------------------------

BIG_TABLES = ("sales", "entries", "sale_lines", "voids", "audit_log", "roster_entries")


class StatementLog:
    """Records the SQL the engine sends while ``active``, to EXPLAIN it afterwards."""

    def __init__(self, kiosk: Kiosk) -> None:
        self.active = False
        self.seen: dict[str, tuple[Any, ...]] = {}
        self.order: list[tuple[str, str]] = []
        self.label = ""
        event.listen(kiosk.db.engine, "before_cursor_execute", self._record)

    def _record(self, _conn, _cursor, statement, parameters, _context, executemany) -> None:  # type: ignore[no-untyped-def]
        if not self.active or statement in self.seen:
            return
        word = statement.lstrip().split(None, 1)[0].upper() if statement.strip() else ""
        if word not in ("SELECT", "INSERT", "WITH"):
            return
        params = parameters[0] if executemany and parameters else parameters
        self.seen[statement] = tuple(params or ())
        self.order.append((self.label, statement))

    def capture(self, label: str, action: Callable[[], object]) -> None:
        self.label, self.active = label, True
        try:
            action()
        finally:
            self.active = False

    def report(self, db: Path) -> list[str]:
        lines = []
        connection = sqlite3.connect(db)
        try:
            for label, statement in self.order:
                flat = " ".join(statement.split())
                lines.append(f"  [{label}] {flat[:400]}{' ...' if len(flat) > 400 else ''}")
                plan = connection.execute(
                    "EXPLAIN QUERY PLAN " + statement, self.seen[statement]
                ).fetchall()
                depth = {0: 0}
                for node, parent, _unused, detail in plan:
                    depth[node] = depth.get(parent, 0) + 1
                    flag = ""
                    if detail.startswith("SCAN ") and detail.split()[1] in BIG_TABLES:
                        flag = "   <-- SCAN: reads the whole table or index"
                    lines.append(f"      {'  ' * depth[node]}{detail}{flag}")
        finally:
            connection.close()
        return lines


def verify_parts(db: Path) -> dict[str, float]:
    """The database checks ``ledger verify`` runs besides the chain walk, timed alone."""
    parts = {}
    with contextlib.closing(sqlite3.connect(db)) as connection:
        for pragma in ("integrity_check", "foreign_key_check"):
            t0 = perf()
            connection.execute(f"PRAGMA {pragma}").fetchall()
            parts[f"PRAGMA {pragma}"] = perf() - t0
    return parts


def space_by_object(db: Path) -> list[tuple[str, int]]:
    connection = sqlite3.connect(db)
    try:
        return connection.execute(
            "SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC"
        ).fetchall()
    except sqlite3.OperationalError:
        return []
    finally:
        connection.close()


# --- the run ----------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Build a year-sized ledger through the real code path and time the "
        "kiosk's hot paths on it (see bench/README.md)."
    )
    parser.add_argument("--sales", type=int, default=1_000_000, help="sales to build")
    parser.add_argument("--people", type=int, default=10_000, help="ASN on the roster")
    parser.add_argument("--vendors", type=int, default=50)
    parser.add_argument("--products-per-vendor", type=int, default=10)
    parser.add_argument("--void-share", type=float, default=0.01, help="share of sales voided")
    parser.add_argument("--batch", type=int, default=20_000, help="sales per append_sales call")
    parser.add_argument("--seed", type=int, default=20251201)
    parser.add_argument(
        "--db",
        help="ledger file to build, or to reuse when it was built with the same parameters "
        "(kept after the run); default: a temporary folder under .bench-data/",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the temporary ledger (default mode) for --db"
    )
    parser.add_argument("--config", default=str(REPO / "config.yaml"), help="tiers come from here")
    parser.add_argument("--commits", type=int, default=400, help="timed single sale commits")
    parser.add_argument("--lookups", type=int, default=2000, help="timed scan lookups")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each export")
    parser.add_argument("--warmup", type=int, default=30, help="untimed commits and lookups")
    parser.add_argument(
        "--bare-rows",
        type=int,
        default=None,
        help="rows pre-filled into the bare comparison table (default: as many as the ledger)",
    )
    parser.add_argument("--no-verify", action="store_true", help="skip (d) ledger verify")
    parser.add_argument(
        "--explain",
        action="store_true",
        help="also print EXPLAIN QUERY PLAN for the statements each timed operation runs, "
        "and the space each table and index takes",
    )
    parser.add_argument("--progress-every", type=int, default=100_000)
    args = parser.parse_args(argv)
    if args.sales < 1 or args.people < 1 or args.vendors < 1 or args.products_per_vendor < 1:
        parser.error("--sales, --people, --vendors and --products-per-vendor must be positive")
    if not 0 <= args.void_share < 1:
        parser.error("--void-share must be from 0 to below 1")
    if min(args.commits, args.lookups, args.repeat, args.batch, args.progress_every) < 1:
        parser.error("--commits, --lookups, --repeat, --batch, --progress-every must be positive")
    return args


def prepare_ledger(ws: Workspace, params: Params) -> bool:
    """True when the ledger at ``ws.db`` can be reused; otherwise clear the way to build."""
    if not ws.db.exists():
        for file in [*sqlite_files(ws.db), ws.sidecar, ws.ledger_key]:
            file.unlink(missing_ok=True)
        return False
    if not ws.sidecar.exists():
        raise SystemExit(
            f"{ws.db} exists but was not built by this benchmark (no {ws.sidecar.name}); "
            "refusing to overwrite it"
        )
    recorded = json.loads(ws.sidecar.read_text(encoding="utf-8"))
    if recorded.get("params") == asdict(params) and recorded.get("complete"):
        if ws.ledger_key.exists():
            return True
        log(f"[build] {ws.db} has no ledger key beside it ({ws.ledger_key.name}): rebuilding it")
    else:
        log(f"[build] {ws.db} was built with other parameters: rebuilding it")
    for file in [*sqlite_files(ws.db), ws.sidecar, ws.ledger_key]:
        file.unlink(missing_ok=True)
    return False


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    params = Params(
        sales=args.sales,
        people=args.people,
        vendors=args.vendors,
        products_per_vendor=args.products_per_vendor,
        void_share=args.void_share,
        batch=args.batch,
        seed=args.seed,
        schema=head_revision(),
    )
    ws = make_workspace(args.db)
    try:
        run(args, params, ws)
    finally:
        ws.cleanup(args.keep)
        if args.keep and ws.owned_root is not None:
            print(f"\nkept {ws.db} (reuse it with --db {ws.db})")
    return 0


def run(args: argparse.Namespace, params: Params, ws: Workspace) -> None:
    settings = write_settings(ws, Path(args.config).resolve())
    tz = settings.stall.tz
    last_day = year_days()[-1]
    # "Now" for the kiosk: the last evening of the year, after the stall closed.
    now = dt.datetime.combine(last_day, dt.time(17), tz).astimezone(dt.UTC)

    print("Ledger benchmark")
    print(
        f"  python {sys.version.split()[0]}, sqlite {sqlite3.sqlite_version}, {os.cpu_count()} CPUs"
    )
    print(f"  load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"  ledger: {ws.db}")
    print(
        f"  data: {params.sales:,} sales {FIRST_MONTH}..{Month.of_date(last_day)} (WIT), "
        f"{params.people:,} ASN, {params.vendors} vendors x {params.products_per_vendor} "
        f"products, {params.void_share:.0%} voided, seed {params.seed}"
    )

    # --- build or reuse -----------------------------------------------------------------------
    reused = prepare_ledger(ws, params)
    if reused:
        recorded = json.loads(ws.sidecar.read_text(encoding="utf-8"))
        build_report = BuildReport(**{**recorded["build"], "reused": True})
        print(f"\nBuild: reused (built earlier in {build_report.seconds:.1f} s)")
    else:
        with open_kiosk(settings, create=True, clock=lambda: now) as kiosk:
            build_report = build(kiosk, params, tz, args.progress_every)
        checkpoint(ws.db)
        ws.sidecar.write_text(
            json.dumps(
                {"params": asdict(params), "complete": True, "build": asdict(build_report)},
                indent=2,
            ),
            encoding="utf-8",
        )
        b = build_report
        print(
            f"\nBuild: {b.seconds:.1f} s for {b.sales:,} sales and {b.voids:,} voids "
            f"({b.sales / b.seconds:,.0f} sales/s overall)"
        )
        print(f"  generating roster, catalogue and drafts (Python): {b.generate_seconds:7.1f} s")
        print(f"  SalesLedger.append_sales, {params.batch:,} per batch:  {b.append_seconds:7.1f} s")
        print(f"  SalesLedger.void, one transaction each:         {b.void_seconds:7.1f} s")

    months = {Month.parse(k): v for k, v in build_report.months.items()}
    target = params.sales / len(months)
    export_month = min(months, key=lambda m: (abs(months[m] - target), m))
    bare_rows = args.bare_rows if args.bare_rows is not None else params.sales
    results: list[tuple[str, str, str, str]] = []

    def row(metric: str, measured: str, goal: str = "-", ok: bool | None = None) -> None:
        verdict = "info" if ok is None else ("PASS" if ok else "FAIL")
        results.append((metric, measured, goal, verdict))

    row("build", f"{build_report.seconds:.1f} s" + (" (reused)" if reused else ""))

    with open_kiosk(settings, create=False, clock=lambda: now) as kiosk:
        explain = StatementLog(kiosk) if args.explain else None

        # --- (a) durable sale commit ----------------------------------------------------------
        print(
            f"\n(a) Durable sale commit: {args.commits} x SalesLedger.append_sale vs bare sqlite3"
        )
        commit = bench_commit(
            kiosk, ws.db, ws.bare_db, bare_rows, now, args.commits, args.warmup, params.seed
        )
        l50, l99 = statistics.median(commit.ledger), percentile(commit.ledger, 0.99)
        b50, b99 = statistics.median(commit.bare), percentile(commit.bare, 0.99)
        ratio = l50 / b50
        print(f"  bare table pre-filled with {bare_rows:,} rows in {commit.prefill_seconds:.1f} s")
        print(f"  ledger append_sale   median {ms(l50):>10}   p99 {ms(l99):>10}")
        print(f"  bare insert+commit   median {ms(b50):>10}   p99 {ms(b99):>10}")
        print(f"  ratio                median {ratio:9.2f}x   p99 {l99 / b99:9.2f}x")
        s50, s99 = statistics.median(commit.same_rows), percentile(commit.same_rows, 0.99)
        print(
            f"  same rows, bare      median {ms(s50):>10}   p99 {ms(s99):>10}"
            "   (the sale's entry, sale and lines through sqlite3 alone)"
        )
        print(
            f"  ledger / same rows   median {l50 / s50:9.2f}x   p99 {l99 / s99:9.2f}x"
            "   (what the ledger's code adds)"
        )
        slow_ledger = sum(t > 0.005 for t in commit.ledger)
        slow_bare = sum(t > 0.005 for t in commit.bare)
        print(
            f"  commits over 5 ms: ledger {slow_ledger} of {len(commit.ledger)}, "
            f"bare {slow_bare} of {len(commit.bare)}"
        )
        row("(a) sale commit median", ms(l50))
        row("(a) sale commit p99", ms(l99))
        row("(a) bare sqlite3 commit median", ms(b50))
        row("(a) same rows via bare sqlite3 median", ms(s50))
        row("(a) ledger / same rows (median)", f"{l50 / s50:.2f}x")
        row(
            "(a) commit ratio ledger/bare (median)",
            f"{ratio:.2f}x",
            f"<= {TARGET_COMMIT_RATIO}x",
            ratio <= TARGET_COMMIT_RATIO,
        )
        if explain:
            maker = SaleMaker(
                random.Random(params.seed + 3),
                sorted(kiosk.roster.people_on(last_day)),
                [],
                kiosk.catalog.products(),
            )
            draft = maker.draft(now + dt.timedelta(hours=1))
            explain.capture("append_sale", lambda: kiosk.sales_ledger.append_sale(draft))

        # --- (b) compliance export ------------------------------------------------------------
        print(f"\n(b) Compliance export for {export_month}: median of {args.repeat} runs each")
        export = bench_export(kiosk, ws.db, export_month, args.repeat)
        e50, x50 = statistics.median(export.export), statistics.median(export.bare)
        print(f"  {export.month_sales:,} sales in {export_month}; the CSV has {export.rows:,} rows")
        print(
            f"  ExportService.compliance   median {export_seconds(e50)}   "
            f"(min {export_seconds(min(export.export))}, max {export_seconds(max(export.export))})"
        )
        print(
            f"  bare SQL GROUP BY nip      median {export_seconds(x50)}   "
            f"(min {export_seconds(min(export.bare))}, max {export_seconds(max(export.bare))})"
        )
        rest = e50 - export.people_on - export.by_nip
        print(
            f"  export's parts (medians, timed apart): roster.people_on "
            f"{export.people_on:.3f} s, spending.by_nip {export.by_nip:.3f} s, the rest "
            f"(judging, sorting, CSV writing and fsync) ~{rest:.3f} s"
        )
        print(
            f"  ratio {e50 / x50:.2f}x; totals {'agree' if export.agree else 'DISAGREE'}: "
            f"{export.detail}"
        )
        row(
            f"(b) compliance export {export_month}",
            f"{e50:.3f} s",
            f"<= {TARGET_EXPORT_SECONDS:g} s",
            e50 <= TARGET_EXPORT_SECONDS,
        )
        row("(b) bare SQL aggregate", f"{x50:.3f} s")
        row(
            "(b) export ratio export/bare",
            f"{e50 / x50:.2f}x",
            f"<= {TARGET_EXPORT_RATIO:g}x",
            e50 / x50 <= TARGET_EXPORT_RATIO,
        )
        row(
            "(b) export totals match bare SQL", "yes" if export.agree else "NO", "yes", export.agree
        )
        if explain:
            out = ws.scratch / "explain.csv"
            explain.capture(
                "compliance export", lambda: kiosk.exports.compliance(export_month, out)
            )

        # --- (c) scan lookup ------------------------------------------------------------------
        print(
            f"\n(c) Scan lookup: {args.lookups} x StandingService.lookup(nip) for random "
            "roster NIPs, month to date"
        )
        lookups, buyers = bench_lookup(kiosk, now, args.lookups, args.warmup, params.seed)
        s50, s99 = statistics.median(lookups), percentile(lookups, 0.99)
        print(
            f"  median {ms(s50)}   p99 {ms(s99)}   max {ms(max(lookups))}   "
            f"({buyers:,} of {len(lookups):,} had bought this month)"
        )
        row(
            "(c) scan lookup median",
            ms(s50),
            f"<= {TARGET_LOOKUP_MS:g} ms",
            s50 * 1000 <= TARGET_LOOKUP_MS,
        )
        row(
            "(c) scan lookup p99",
            ms(s99),
            f"<= {TARGET_LOOKUP_MS:g} ms",
            s99 * 1000 <= TARGET_LOOKUP_MS,
        )
        if explain:
            nip = sorted(kiosk.roster.people_on(last_day))[0]
            explain.capture("scan lookup", lambda: kiosk.standing.lookup(nip, now))

        # --- (d) verify and size --------------------------------------------------------------
        if not args.no_verify:
            print("\n(d) ledger verify over the whole ledger (Kiosk.verify)")
            reports: list[VerifyReport] = []
            t0 = perf()
            if explain:  # recording a handful of statements costs nothing measurable
                explain.capture("verify", lambda: reports.append(kiosk.verify()))
            else:
                reports.append(kiosk.verify())
            seconds = perf() - t0
            report = reports[0]
            state = (
                "ok" if report.ok else f"BROKEN: {report.first_broken or report.database_problems}"
            )
            print(
                f"  {seconds:.1f} s for {report.entries_checked:,} entries "
                f"({report.entries_checked / seconds:,.0f} entries/s); {state}"
            )
            row("(d) ledger verify", f"{seconds:.1f} s", "ok", report.ok)
            if explain:
                parts = verify_parts(ws.db)
                walk = seconds - sum(parts.values())
                print(
                    "  its parts, timed apart via sqlite3: "
                    + ", ".join(f"{name} {value:.1f} s" for name, value in parts.items())
                    + f"; the hash-chain walk ~{walk:.1f} s"
                )

    checkpoint(ws.db)
    size = sum(f.stat().st_size for f in sqlite_files(ws.db) if f.exists())
    print(
        f"\n  database file: {size / 2**20:,.1f} MiB "
        f"({size / max(1, params.sales):,.0f} bytes per sale)"
    )
    row("database file size", f"{size / 2**20:,.1f} MiB")
    if explain:
        print("\nQuery plans (EXPLAIN QUERY PLAN of each statement the timed operations ran)")
        for line in explain.report(ws.db):
            print(line)
        print("\nSpace per table and index (dbstat)")
        for name, bytes_used in space_by_object(ws.db)[:16]:
            print(f"  {name:<40} {bytes_used / 2**20:9.1f} MiB")

    print(f"\n  load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print("\nSummary")
    widths = [
        max(len(r[i]) for r in [*results, ("metric", "measured", "target", "result")])
        for i in range(4)
    ]
    header = ("metric", "measured", "target", "result")
    for line in [header, tuple("-" * w for w in widths), *results]:
        print("  " + "  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)))


def export_seconds(seconds: float) -> str:
    return f"{seconds:7.3f} s"


if __name__ == "__main__":
    raise SystemExit(main())
