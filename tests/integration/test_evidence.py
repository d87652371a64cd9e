"""The ledger's evidence beside the hash chain: each entry's MAC under the ledger key, the
seals written with every change to the sealed tables, and a database written before 0005."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import sqlite3
from collections.abc import Callable
from contextlib import closing

import pytest
from alembic import command
from sqlalchemy import select

from kiosk.bootstrap import Kiosk, open_kiosk, sqlite_path
from kiosk.domain.months import Month
from kiosk.ledger.chain import GENESIS_HASH
from kiosk.ledger.engine import Database, create_ledger_engine
from kiosk.ledger.migrate import alembic_config
from kiosk.ledger.models import Seal
from kiosk.ledger.seals import SUBJECTS, subject_digest

from ..tampering import forge_sale
from .conftest import SAMPLE, first_nip_with_tier, sell


def _key(kiosk: Kiosk) -> bytes:
    lines = kiosk.settings.ledger.key_file.read_text(encoding="utf-8").splitlines()
    (hex_key,) = [line for line in lines if line and not line.startswith("#")]
    return bytes.fromhex(hex_key)


def _seals(kiosk: Kiosk) -> list[tuple[int, str, str]]:
    table = Seal.__table__
    with kiosk.db.read() as connection:
        return [
            (row.id, row.subject, row.digest)
            for row in connection.execute(select(table).order_by(table.c.id))
        ]


def test_every_entry_carries_the_hmac_of_its_hash_under_the_ledger_key(stocked):
    number = sell(stocked, 15_000, first_nip_with_tier(stocked, "eselon_iv"))
    stocked.admin.void(number, "Salah input")
    key = _key(stocked)

    with stocked.db.read() as connection:
        rows = connection.exec_driver_sql(
            "SELECT kind, entry_hash, entry_mac FROM entries ORDER BY seq"
        ).all()

    assert [row.kind for row in rows] == ["sale", "void"]
    for row in rows:
        expected = hmac.new(key, row.entry_hash.encode(), hashlib.sha256).hexdigest()
        assert row.entry_mac == expected


ACTIONS: dict[str, tuple[Callable[[Kiosk], object], str]] = {
    "exemption": (
        lambda k: k.admin.exempt(
            first_nip_with_tier(k, "eselon_iii"), Month(2026, 11), "Dinas luar kota"
        ),
        "exemptions",
    ),
    "admin PIN": (lambda k: k.admin_pin.set_pin("482916"), "kiosk_settings"),
    "operator": (lambda k: k.operators.set_pin("Yance", "2468"), "operators"),
    "roster import": (
        lambda k: k.roster_importer.import_file(
            SAMPLE / "roster-2026-12.csv", dt.date(2026, 12, 1), force=True
        ),
        "roster",
    ),
}


@pytest.mark.parametrize("action", ACTIONS, ids=str)
def test_each_change_seals_its_table_and_the_audit_log_in_its_transaction(stocked, action):
    change, subject = ACTIONS[action][0], ACTIONS[action][1]
    before = _seals(stocked)

    change(stocked)

    added = _seals(stocked)[len(before) :]
    assert [s for _, s, _ in added] == ["audit_log", subject]
    with stocked.db.read() as connection:
        for _, name, digest in added:
            assert digest == subject_digest(connection, name)
    report = stocked.verify()
    assert report.ok and report.key_present, report


def test_a_sale_seals_nothing_and_a_catalogue_import_only_the_audit_log(stocked):
    before = _seals(stocked)
    sell(stocked, 12_000, None)
    assert _seals(stocked) == before

    stocked.catalog_importer.import_vendors(SAMPLE / "vendors.csv")

    assert [s for _, s, _ in _seals(stocked)[len(before) :]] == ["audit_log"]


def test_a_new_database_is_sealed_once_and_says_so(kiosk, settings, clock):
    first = _seals(kiosk)

    with open_kiosk(settings, clock=clock) as again:
        assert again.first_sealed == ()
        assert _seals(again) == first

    assert kiosk.first_sealed == tuple(SUBJECTS)
    assert sorted(s for _, s, _ in first) == sorted(SUBJECTS)
    with kiosk.db.read() as connection:
        audit = connection.exec_driver_sql("SELECT actor, action, detail FROM audit_log").all()
    assert [(a.actor, a.action) for a in audit] == [("system", "seals_started")]
    assert "exemptions" in audit[0].detail


def test_a_database_written_before_the_ledger_key_is_sealed_and_its_old_entries_counted(
    settings, clock
):
    """Entries of an older version have no MAC: allowed as the start of the chain, and pinned
    by a seal the first time the key is used."""
    path = sqlite_path(settings.database_url)
    path.parent.mkdir(parents=True)
    old = Database(create_ledger_engine(settings.database_url))
    config = alembic_config()
    with old.engine.connect() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        connection.commit()
    old.dispose()
    with closing(sqlite3.connect(path)) as db, db:  # as the old version wrote them: no MAC
        db.execute("INSERT INTO vendors VALUES ('UMKM-001', 'Dapur Sagu', 'Ona', '0812', 1)")
        prev = GENESIS_HASH
        for seq in (1, 2, 3):
            prev = forge_sale(db, "AMB-01", seq, prev, 10_000 * seq, mac=None)
    assert not settings.ledger.key_file.exists()
    with open_kiosk(settings, clock=clock) as reader:  # a command other than init: no key
        unchecked = reader.verify()
        assert reader.first_sealed == () and not settings.ledger.key_file.exists()
    assert unchecked.ok and not unchecked.key_present and unchecked.unkeyed_entries == 3

    with open_kiosk(settings, create=True, clock=clock) as kiosk:
        assert kiosk.created_ledger_key
        assert kiosk.first_sealed == tuple(SUBJECTS)
        upgraded = kiosk.verify()
        number = sell(kiosk, 5_000, None)
        after = kiosk.verify()

    assert upgraded.ok and upgraded.unkeyed_entries == 3 and upgraded.entries_checked == 3
    assert number == "AMB-01-000004"
    assert after.ok and after.unkeyed_entries == 3 and after.entries_checked == 4
    assert [h.line[:9] for h in after.heads] == ["AMB-01:4:"]


def test_a_key_from_another_kiosk_makes_every_entry_look_forged(stocked, tmp_path):
    number = sell(stocked, 15_000, None)
    stocked.db.key = type(stocked.db.key)(tmp_path / "other.txt", b"\x01" * 32)

    report = stocked.verify()

    assert report.first_broken is not None and report.first_broken.number == number
    assert "its MAC is wrong" in report.first_broken.reason
    assert any(problem.startswith("seals: seal 1 ") for problem in report.evidence_problems)
