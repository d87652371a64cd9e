"""Fuzzers for everything a person or a device hands the kiosk: scans, the CSV files of the
roster, UMKM, products and paper sales (through the real services on a real SQLite ledger),
and config.yaml. Every input is accepted or refused with the project's own error naming what
is wrong (DomainError, an import's row problems, ConfigError): never another exception, and a
refused import writes nothing.

Each runs a few seconds by default; JIKUBATA_FUZZ_EXAMPLES=5000 runs them longer."""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import os
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.config import ConfigError, load_settings
from kiosk.domain.errors import DomainError
from kiosk.domain.nip import check_nip
from kiosk.domain.scan import ScanError, read_scan, sign_card_payload
from kiosk.services.card_keys import create_card_key_file
from kiosk.services.catalog_import import PRODUCT_COLUMNS, VENDOR_COLUMNS
from kiosk.services.errors import ImportRefused, RowProblem
from kiosk.services.roster_import import ROSTER_COLUMNS
from kiosk.services.sales_import import SALES_COLUMNS

from .conftest import REPO, SAMPLE


def examples(default: int) -> int:
    return int(os.environ.get("JIKUBATA_FUZZ_EXAMPLES") or default)


FUZZ = {"deadline": None, "suppress_health_check": [HealthCheck.function_scoped_fixture]}

# --- values people write, right and wrong -------------------------------------------------

SAMPLE_NIPS = [
    line.split(",", 1)[0]
    for line in (SAMPLE / "roster.csv").read_text(encoding="utf-8").splitlines()[1:]
]
OTHER_DIGITS = "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹０１２３４５６７８９०१२३४५६७८९"
any_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=24)
digits = st.text(st.sampled_from("0123456789" + OTHER_DIGITS), min_size=1, max_size=20)
# 18 digits, now and then one of another script: a NIP that looks right and is not.
nip_like = st.lists(
    st.sampled_from("0123456789" + OTHER_DIGITS[:10]), min_size=18, max_size=18
).map("".join)
nips = st.one_of(st.sampled_from(SAMPLE_NIPS), nip_like, digits, any_text, st.just(""))
vendor_codes = st.one_of(
    st.sampled_from([f"UMKM-00{n}" for n in range(1, 9)]), st.just("UMKM-999"), any_text
)
amounts = st.one_of(
    st.integers(-10, 10**12).map(str),
    st.integers(0, 10**9).map(lambda n: f"Rp{n:,}".replace(",", ".")),
    st.integers(0, 10**9).map(lambda n: f"{n:,}"),
    st.sampled_from(["20.000,00", "20.000,50", "1e5", "15000.0", "١٥٠٠٠", "１５０００", ""]),
    digits,
    any_text,
)
times = st.one_of(
    st.datetimes(dt.datetime(1, 1, 1), dt.datetime(9999, 12, 31)).map(
        lambda moment: f"{moment:%Y-%m-%d %H:%M}"
    ),
    st.datetimes(dt.datetime(2022, 8, 31), dt.datetime(2026, 11, 21)).map(
        lambda moment: f"{moment:%Y-%m-%d %H:%M}"
    ),
    st.sampled_from(["2026-11-05 09:05", "0001-01-01 00:00", "٢٠٢٦-11-05 09:05", "2026-11-5 9:5"]),
    any_text,
)


# Rows that are right, so that whole files get accepted too (and later ones repeat them).
good_times = st.datetimes(dt.datetime(2022, 9, 1), dt.datetime(2026, 11, 20, 11, 0)).map(
    lambda moment: f"{moment:%Y-%m-%d %H:%M}"
)
good_vendor = st.sampled_from([f"UMKM-00{n}" for n in range(1, 9)])
good_amount = st.integers(1, 5_000_000).map(str)
good_sale = st.tuples(
    good_times, st.sampled_from([*SAMPLE_NIPS, ""]), good_vendor, good_amount, st.just("Kue")
)
good_person = st.tuples(
    st.sampled_from(SAMPLE_NIPS),
    st.just("Nama"),
    st.just("Dinas Kesehatan"),
    st.just("Staf"),
    st.sampled_from(["eselon_iv", "pppk"]),
)


def csv_file(
    folder: Path, name: str, columns: tuple[str, ...], rows: list[tuple[str, ...]], how: Any
) -> Path:
    delimiter, bom = how
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows(rows)
    path = folder / name
    path.write_bytes(out.getvalue().encode("utf-8-sig" if bom else "utf-8", "surrogatepass"))
    return path


layouts = st.tuples(st.sampled_from([",", ";"]), st.booleans())


def fingerprint(kiosk) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Rows in every table: equal before and after an import that was refused."""
    with kiosk.db.read() as connection:
        tables = connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        ).scalars()
        return {
            table: connection.exec_driver_sql(f'SELECT count(*) FROM "{table}"').scalar()
            for table in list(tables)
        }


def accepted_or_refused(kiosk, run) -> None:  # type: ignore[no-untyped-def]
    """``run()`` imports; a refusal must be the project's own and must write nothing."""
    before = fingerprint(kiosk)
    try:
        run()
    except ImportRefused as refused:
        assert str(refused).endswith("nothing was imported")
        assert refused.values["file"]
        for problem in refused.problems:
            assert isinstance(problem, RowProblem)
            assert problem.line >= 1 and problem.message
        assert fingerprint(kiosk) == before
    except DomainError:
        assert fingerprint(kiosk) == before


# --- CSV imports through the real services -------------------------------------------------


@settings(max_examples=examples(25), **FUZZ)
@given(
    rows=st.lists(
        good_person
        | st.tuples(
            nips,
            any_text,
            st.one_of(st.sampled_from(["Dinas Kesehatan", "Sekretariat Daerah"]), any_text),
            any_text,
            st.one_of(st.sampled_from(["eselon_iv", "pppk", "honorer"]), any_text),
        ),
        min_size=1,
        max_size=6,
    ),
    how=layouts,
    as_of=st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 1)),
    force=st.booleans(),
)
def test_any_roster_file_is_imported_or_refused_whole(stocked, tmp_path, rows, how, as_of, force):
    path = csv_file(tmp_path, "roster.csv", ROSTER_COLUMNS, rows, how)
    accepted_or_refused(
        stocked, lambda: stocked.roster_importer.import_file(path, as_of, force=force)
    )


@settings(max_examples=examples(25), **FUZZ)
@given(
    rows=st.lists(
        st.tuples(
            vendor_codes,
            any_text,
            any_text,
            st.one_of(st.sampled_from(["0812-4712-3081", "+62 911 352 000"]), digits, any_text),
        ),
        min_size=1,
        max_size=6,
    ),
    how=layouts,
)
def test_any_vendor_file_is_imported_or_refused_whole(stocked, tmp_path, rows, how):
    path = csv_file(tmp_path, "vendors.csv", VENDOR_COLUMNS, rows, how)
    accepted_or_refused(stocked, lambda: stocked.catalog_importer.import_vendors(path))


@settings(max_examples=examples(25), **FUZZ)
@given(
    rows=st.lists(
        st.tuples(
            vendor_codes,
            st.one_of(st.sampled_from(["SAGU-LMP", "KOPI-1"]), any_text),
            any_text,
            amounts,
            st.one_of(st.sampled_from(["Makanan", "Minuman"]), any_text),
        ),
        min_size=1,
        max_size=6,
    ),
    how=layouts,
)
def test_any_product_file_is_imported_or_refused_whole(stocked, tmp_path, rows, how):
    path = csv_file(tmp_path, "products.csv", PRODUCT_COLUMNS, rows, how)
    accepted_or_refused(stocked, lambda: stocked.catalog_importer.import_products(path))


@settings(max_examples=examples(40), **FUZZ)
@given(
    rows=st.lists(st.tuples(times, nips, vendor_codes, amounts, any_text), min_size=1, max_size=6),
    how=layouts,
    allow=st.booleans(),
)
def test_any_paper_sales_file_is_imported_or_refused_whole(stocked, tmp_path, rows, how, allow):
    path = csv_file(tmp_path, "penjualan.csv", SALES_COLUMNS, rows, how)
    accepted_or_refused(
        stocked, lambda: stocked.sales_importer.import_file(path, allow_repeated_rows=allow)
    )


@settings(max_examples=examples(25), **FUZZ)
@given(raw=st.binary(max_size=300))
def test_any_bytes_as_a_paper_sales_file_are_refused_or_imported(stocked, tmp_path, raw):
    path = tmp_path / "penjualan.csv"
    path.write_bytes(",".join(SALES_COLUMNS).encode() + b"\n" + raw)
    accepted_or_refused(stocked, lambda: stocked.sales_importer.import_file(path))


# --- scans -----------------------------------------------------------------------------------

KEYS = {"K1": bytes(range(32)), "K2": bytes(range(32, 64))}
signed = st.builds(
    sign_card_payload,
    st.sampled_from(SAMPLE_NIPS),
    st.sampled_from(["K1", "K2", "K9"]),
    st.sampled_from([KEYS["K1"], KEYS["K2"]]),
)


def _mutate(text: str, at: int, char: str) -> str:
    at %= len(text) + 1
    return text[:at] + char + text[at + 1 :]


payloads = st.one_of(
    any_text,
    signed,
    st.builds(_mutate, signed, st.integers(0, 60), st.characters(blacklist_categories=("Cs",))),
    st.builds(lambda a, nip, b: a + nip + b, any_text, nips, any_text),
    st.builds(lambda tail: "JKB1:" + tail, any_text),
    signed.map(str.lower),
    signed.map(lambda text: f"  {text}\r\n"),
)


def _identified_nip(nip: str) -> None:
    assert nip.isascii() and check_nip(nip) is None, nip


@settings(max_examples=examples(300), deadline=None)
@given(payload=payloads, unsigned=st.booleans(), revoked=st.sets(st.sampled_from(SAMPLE_NIPS)))
def test_any_scan_is_a_buyer_or_a_scan_problem(payload, unsigned, revoked):
    try:
        found = read_scan(payload, KEYS, accept_unsigned=unsigned, revoked=frozenset(revoked))
    except ScanError as error:
        assert str(error)
        return
    _identified_nip(found.nip)
    assert found.nip not in revoked or found.key_id is None


@pytest.fixture
def sale(stocked):  # type: ignore[no-untyped-def]
    create_card_key_file(stocked.settings.cards.key_file)
    back_end = stocked.back_end()
    yield back_end.sale
    back_end.close()


@settings(max_examples=examples(60), **FUZZ)
@given(payload=payloads)
def test_any_scan_at_the_sale_is_a_buyer_or_the_projects_error(sale, payload):
    try:
        identified = sale.identify_scan(payload)
    except DomainError as error:
        assert str(error)
        return
    _identified_nip(identified.buyer.nip)


# --- config.yaml ------------------------------------------------------------------------------

SHIPPED = (REPO / "config.yaml").read_text(encoding="utf-8")
SHIPPED_RAW = yaml.safe_load(SHIPPED)
FOOTER = '"Terima kasih telah berbelanja produk UMKM Ambon"'
assert FOOTER in SHIPPED
PLACES = [
    ("stall", "name"),
    ("stall", "kiosk_id"),
    ("stall", "timezone"),
    ("stall", "receipt_footer"),
    ("database", "url"),
    ("regulation", "tiers", "pppk"),
    ("regulation", "periods", 0, "from"),
    ("regulation", "periods", 0, "minimums", "pppk"),
    ("printer", "connection"),
    ("printer", "path"),
    ("printer", "host"),
    ("printer", "port"),
    ("printer", "profile"),
    ("printer", "usb_vendor_id"),
    ("printer", "serial_device"),
    ("payment", "qris"),
    ("cards", "key_file"),
    ("export", "delimiter"),
    ("backup", "folder"),
]
config_values = st.one_of(
    st.text(max_size=30),  # control characters, NUL and all: safe_dump escapes them
    digits,
    st.integers(),
    st.floats(),
    st.booleans(),
    st.none(),
    st.dates(),
    st.lists(st.text(max_size=5), max_size=2),
)


def dotted(path: tuple[Any, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


@settings(max_examples=examples(150), deadline=None)
@given(place=st.sampled_from(PLACES), value=config_values)
def test_any_value_in_a_config_file_loads_or_names_its_key(
    tmp_path_factory: pytest.TempPathFactory, place: tuple[Any, ...], value: Any
) -> None:
    raw = copy.deepcopy(SHIPPED_RAW)
    target = raw
    for part in place[:-1]:
        target = target[part] if isinstance(part, int) else target.setdefault(part, {})
    target[place[-1]] = value
    path = tmp_path_factory.mktemp("config") / "config.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    try:
        load_settings(path)
    except ConfigError as error:
        assert f"{path}: {dotted(place)}" in str(error), str(error)


@settings(max_examples=examples(150), deadline=None)
@given(written=st.one_of(st.text(max_size=30), st.binary(max_size=30)))
def test_anything_written_in_a_config_file_loads_or_is_a_config_error(
    tmp_path_factory: pytest.TempPathFactory, written: str | bytes
) -> None:
    """As typed in an editor, quotes and all: it may not even be YAML any more."""
    head, tail = SHIPPED.encode().split(FOOTER.encode())
    path = tmp_path_factory.mktemp("config") / "config.yaml"
    body = written if isinstance(written, bytes) else written.encode("utf-8", "surrogatepass")
    path.write_bytes(head + body + tail)
    try:
        load_settings(path)
    except ConfigError as error:
        assert str(error).startswith(f"{path}:")
