"""The ledger itself: production pragmas, append-only triggers, the hash chain, writers."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from kiosk.bootstrap import open_kiosk, sqlite_path
from kiosk.domain.cart import CartLine, Payment, PaymentMethod
from kiosk.domain.months import Month
from kiosk.domain.records import SaleDraft
from kiosk.ledger import sales_ledger
from kiosk.ledger.chain import GENESIS_HASH
from kiosk.ledger.migrate import current_revision, head_revision
from kiosk.ledger.models import APPEND_ONLY_TABLES, HISTORY_TABLES, SEAL_TABLES, TILL_TABLES

from .conftest import SAMPLE, WIT, first_nip_with_tier, ring_concurrently, sell


def test_migration_from_empty_reaches_head_with_production_pragmas(kiosk):
    assert current_revision(kiosk.db) == head_revision()
    with kiosk.db.read() as connection:
        pragma = {
            name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
        }
        triggers = set(
            connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type='trigger'"
            ).scalars()
        )
    assert pragma == {
        "journal_mode": "wal",
        "synchronous": 2,
        "foreign_keys": 1,
        "busy_timeout": 5000,
    }
    protected = (*APPEND_ONLY_TABLES, *HISTORY_TABLES, *SEAL_TABLES, *TILL_TABLES)
    assert triggers == {f"{t}_no_{a}" for t in protected for a in ("update", "delete")}


def test_reopening_a_current_database_migrates_nothing(kiosk, settings, clock):
    with open_kiosk(settings, clock=clock) as again:
        assert not again.migration.changed
        assert again.migration.backup is None


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE sales SET total = 1",
        "DELETE FROM sales",
        "UPDATE sale_lines SET unit_price = 1",
        "DELETE FROM sale_lines",
        "UPDATE entries SET entry_hash = 'x'",
        "DELETE FROM entries",
        "UPDATE voids SET reason = 'x'",
        "DELETE FROM voids",
        "UPDATE audit_log SET actor = 'x'",
        "DELETE FROM audit_log",
    ],
)
def test_triggers_refuse_updates_and_deletes(stocked, statement):
    number = sell(stocked, 15_000, first_nip_with_tier(stocked, "eselon_iv"))
    stocked.admin.void(number, "Salah input")
    with pytest.raises(IntegrityError, match="append-only"), stocked.db.write() as connection:
        connection.execute(text(statement))
    # ...and through the plain sqlite3 module too, as someone with a DB browser would.
    raw = sqlite3.connect(sqlite_path(stocked.settings.database_url))
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        raw.execute(statement)
    raw.close()
    assert stocked.sales_ledger.find(number).total == 15_000


def test_sales_chain_per_kiosk_with_sequence_and_hashes(stocked):
    numbers = [sell(stocked, amount, None) for amount in (1_000, 2_000, 3_000)]
    assert numbers == ["AMB-01-000001", "AMB-01-000002", "AMB-01-000003"]
    with stocked.db.read() as connection:
        rows = connection.exec_driver_sql(
            "SELECT seq, prev_hash, entry_hash FROM entries ORDER BY seq"
        ).all()
    assert rows[0].prev_hash == GENESIS_HASH
    assert [r.prev_hash for r in rows[1:]] == [r.entry_hash for r in rows[:-1]]
    assert len({r.entry_hash for r in rows}) == 3
    assert stocked.verify().ok


def _tamper(kiosk, *statements: str) -> None:  # type: ignore[no-untyped-def]
    """What an insider with a DB browser could do: drop the triggers, then edit."""
    raw = sqlite3.connect(sqlite_path(kiosk.settings.database_url))
    for table in APPEND_ONLY_TABLES:
        for action in ("update", "delete"):
            raw.execute(f"DROP TRIGGER IF EXISTS {table}_no_{action}")
    for statement in statements:
        raw.execute(statement)
    raw.commit()
    raw.close()


@pytest.fixture
def five_sales(stocked):  # type: ignore[no-untyped-def]
    nip = first_nip_with_tier(stocked, "eselon_iii")
    numbers = [sell(stocked, 10_000 * (i + 1), nip) for i in range(5)]
    stocked.admin.void(numbers[1], "Pembeli batal")
    assert stocked.verify().ok and stocked.verify().entries_checked == 6
    return stocked


def _id_of(kiosk, seq: int) -> str:  # type: ignore[no-untyped-def]
    with kiosk.db.read() as connection:
        return connection.exec_driver_sql(f"SELECT id FROM entries WHERE seq = {seq}").scalar()


def test_verify_names_a_sale_whose_total_was_edited(five_sales):
    _tamper(five_sales, f"UPDATE sales SET total = 1000 WHERE id = '{_id_of(five_sales, 3)}'")
    report = five_sales.verify()
    assert not report.ok
    assert report.first_broken.number == "AMB-01-000003"


def test_verify_names_a_sale_whose_line_price_and_total_were_edited_consistently(five_sales):
    sale_id = _id_of(five_sales, 4)
    _tamper(
        five_sales,
        f"UPDATE sale_lines SET unit_price = 1000, subtotal = 1000 WHERE sale_id = '{sale_id}'",
        f"UPDATE sales SET total = 1000 WHERE id = '{sale_id}'",
    )
    report = five_sales.verify()
    assert report.first_broken.number == "AMB-01-000004"
    assert "hash" in report.first_broken.reason


def test_verify_finds_a_deleted_sale(five_sales):
    sale_id = _id_of(five_sales, 3)
    _tamper(
        five_sales,
        "PRAGMA foreign_keys = OFF",
        f"DELETE FROM sale_lines WHERE sale_id = '{sale_id}'",
        f"DELETE FROM sales WHERE id = '{sale_id}'",
        f"DELETE FROM entries WHERE id = '{sale_id}'",
    )
    report = five_sales.verify()
    assert report.first_broken.seq == 4
    assert "AMB-01-000003 is missing" in report.first_broken.reason


def test_verify_finds_an_erased_void(five_sales):
    void_id = _id_of(five_sales, 6)
    _tamper(five_sales, f"DELETE FROM voids WHERE id = '{void_id}'")
    report = five_sales.verify()
    assert report.first_broken.number == "AMB-01-000006"
    assert "void row is missing" in report.first_broken.reason


def test_verify_finds_a_rewritten_chain_link(five_sales):
    _tamper(five_sales, "UPDATE entries SET prev_hash = entry_hash WHERE seq = 2")
    assert five_sales.verify().first_broken.number == "AMB-01-000002"


def test_verify_reports_orphan_sale_rows(five_sales):
    _tamper(
        five_sales,
        "PRAGMA foreign_keys = OFF",
        "INSERT INTO sales (id, created_at, nip, operator, payment_method, total, source) "
        "VALUES ('ghost', '2026-11-20 01:00:00', NULL, 'x', 'TUNAI', 5, 'kiosk')",
    )
    report = five_sales.verify()
    assert not report.ok
    assert any("no ledger entry" in problem for problem in report.database_problems)


def test_concurrent_writers_keep_one_gapless_chain(stocked, settings, clock):
    """Two kiosk processes' worth of writers on one file: BEGIN IMMEDIATE serialises them."""
    with open_kiosk(settings, clock=clock) as second:
        assert ring_concurrently((stocked, second), 25) == []
    report = stocked.verify()
    assert report.ok and report.entries_checked == 50


def test_backup_is_a_complete_consistent_copy(stocked, tmp_path: Path):
    for amount in (5_000, 6_000):
        sell(stocked, amount, None)
    copy = stocked.backup(tmp_path / "backups")
    raw = sqlite3.connect(copy)
    assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert raw.execute("SELECT sum(total) FROM sales").fetchone()[0] == 11_000
    raw.close()
    assert not list((tmp_path / "backups").glob("*.partial"))


def test_backups_in_the_same_second_never_overwrite_each_other(stocked, tmp_path: Path):
    folder = tmp_path / "backups"
    sell(stocked, 5_000, None)
    first = stocked.backup(folder)
    sell(stocked, 6_000, None)  # the clock stands still: the same second
    second = stocked.backup(folder)
    third = stocked.backup(folder)
    assert first.name == "ledger-20261120-120000.db"
    assert (second.name, third.name) == (
        "ledger-20261120-120000-2.db",
        "ledger-20261120-120000-3.db",
    )
    totals = []
    for copy in (first, second, third):
        raw = sqlite3.connect(copy)
        totals.append(raw.execute("SELECT sum(total) FROM sales").fetchone()[0])
        raw.close()
    assert totals == [5_000, 11_000, 11_000]  # the first copy is still the first


def _insert_only(kiosk, *statements: str) -> None:  # type: ignore[no-untyped-def]
    """Tampering that needs no trigger removed: plain INSERTs, foreign keys satisfied."""
    raw = sqlite3.connect(sqlite_path(kiosk.settings.database_url))
    for statement in statements:
        raw.execute(statement)
    raw.commit()
    raw.close()


def test_verify_finds_a_sale_row_slipped_onto_a_void_entry(five_sales):
    void_id = _id_of(five_sales, 6)
    _insert_only(
        five_sales,
        "INSERT INTO sales (id, created_at, nip, operator, payment_method, total, "
        f"source) VALUES ('{void_id}', '2026-11-20 01:00:00.000000', "
        "'198504122010011001', 'x', 'TUNAI', 500000, 'kiosk')",
    )
    report = five_sales.verify()
    assert report.first_broken.number == "AMB-01-000006"
    assert "sale row was attached" in report.first_broken.reason


def test_verify_finds_a_void_row_slipped_onto_a_sale_entry(five_sales):
    first_sale, victim = _id_of(five_sales, 1), _id_of(five_sales, 3)
    _insert_only(
        five_sales,
        "INSERT INTO voids (id, sale_id, created_at, reason, voided_by) VALUES "
        f"('{first_sale}', '{victim}', '2026-11-20 01:00:00.000000', 'x', 'x')",
    )
    report = five_sales.verify()
    assert report.first_broken.number == "AMB-01-000001"
    assert "void row was attached" in report.first_broken.reason


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE roster_entries SET tingkat = 'honorer'",
        "DELETE FROM roster_entries",
        "UPDATE roster_imports SET as_of = '2020-01-01'",
        "UPDATE exemptions SET month = '2026-10'",
        "DELETE FROM exemptions",
    ],
)
def test_roster_history_and_exemptions_cannot_be_rewritten(stocked, statement):
    stocked.admin.exempt(first_nip_with_tier(stocked, "eselon_iv"), Month(2026, 11), "Cuti")
    with pytest.raises(IntegrityError, match="append-only"), stocked.db.write() as connection:
        connection.execute(text(statement))


def test_the_writer_stores_the_pinned_hashes_and_verify_accepts_them(kiosk, monkeypatch):
    """A fixed sale and void through SalesLedger hash to what the code before entries.py
    wrote, so databases written before still verify (see tests/unit/test_chain_encoding.py)."""
    ids = iter(["0c6f1b0e-5a4d-4f7e-9d1c-2b3a4c5d6e7f", "7e6d5c4b-3a2c-4d1e-9f7e-4d5a0e1b6f0c"])
    monkeypatch.setattr(sales_ledger, "new_entry_id", lambda: next(ids))
    kiosk.catalog_importer.import_vendors(SAMPLE / "vendors.csv")
    at = dt.datetime(2026, 11, 20, 12, 30, 5, 123456, tzinfo=WIT)
    draft = SaleDraft(
        lines=(
            CartLine("UMKM-001", "Sagu lempeng — isi 10", 15_000, 2, "SAGU-LMP"),
            CartLine("UMKM-002", "Nominal bebas", 7_500),
        ),
        nip="198503142010011001",
        operator="Ina",
        payment=Payment(PaymentMethod.TUNAI, 50_000),
        created_at=at,
    )
    sale = kiosk.sales_ledger.append_sale(draft)
    kiosk.sales_ledger.void(
        sale.number, reason="Salah input: dobel", actor="admin", at=at + dt.timedelta(minutes=5)
    )
    with kiosk.db.read() as connection:
        stored = connection.exec_driver_sql("SELECT entry_hash FROM entries ORDER BY seq").all()
    assert [row.entry_hash for row in stored] == [
        "0d2c2d2c727433f3a2c01200f7272b25f22e464fe1c59a40b5b103e1614f12b7",
        "bd0afc6f7cd5135040e1f5351ab8d7b5e9762fe5c7fee13c46f2386ad4bc975c",
    ]
    assert sale.entry_hash == stored[0].entry_hash
    assert kiosk.sales_ledger.find(sale.number).entry_hash == stored[0].entry_hash
    assert kiosk.verify().ok
