"""What only a central PostgreSQL can show: its triggers, its locking, its tamper detection.
(The traps, checkout and export modules also run every test on PostgreSQL.)"""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from kiosk.bootstrap import open_kiosk

from .conftest import first_nip_with_tier, ring_concurrently, sell


@pytest.fixture
def backend() -> str:
    return "postgresql"


def test_postgres_triggers_refuse_updates_and_deletes(stocked):
    assert stocked.db.engine.dialect.name == "postgresql"
    number = sell(stocked, 15_000, first_nip_with_tier(stocked, "eselon_iv"))
    stocked.admin.void(number, "Salah input")
    for statement in (
        "UPDATE sales SET total = 1",
        "DELETE FROM sale_lines",
        "UPDATE voids SET reason = 'x'",
        "DELETE FROM entries",
        "UPDATE audit_log SET actor = 'x'",
    ):
        with pytest.raises(DBAPIError, match="append-only"), stocked.db.write() as connection:
            connection.execute(text(statement))
    assert stocked.sales_ledger.find(number).total == 15_000
    assert stocked.verify().ok


def test_postgres_concurrent_writers_keep_one_gapless_chain(stocked, settings, clock):
    with open_kiosk(settings, clock=clock) as second:
        assert ring_concurrently((stocked, second), 20) == []
    report = stocked.verify()
    assert report.ok and report.entries_checked == 40


def test_postgres_verify_names_an_edited_sale(stocked):
    numbers = [sell(stocked, 10_000 * i, None) for i in (1, 2, 3)]
    with stocked.db.write() as connection:
        connection.execute(text("ALTER TABLE sales DISABLE TRIGGER USER"))
        connection.execute(
            text("UPDATE sales SET total = 1 WHERE id = (SELECT id FROM entries WHERE seq = 2)")
        )
    report = stocked.verify()
    assert report.first_broken.number == numbers[1]


def test_postgres_two_admins_voiding_one_sale_are_told_not_crashed(stocked, settings, clock):
    from kiosk.domain.errors import DomainError

    number = sell(stocked, 12_000, None)
    second = open_kiosk(settings, clock=clock)
    outcomes: list[str] = []

    def void(kiosk) -> None:  # type: ignore[no-untyped-def]
        try:
            kiosk.admin.void(number, "Transaksi ganda")
            outcomes.append("voided")
        except DomainError as error:
            outcomes.append(str(error))

    threads = [threading.Thread(target=void, args=(k,)) for k in (stocked, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    second.close()
    assert sorted(outcomes) == [f"sale {number} was already voided", "voided"]
    assert stocked.verify().ok


def test_postgres_verify_names_a_disabled_trigger_and_an_unsealed_exemption(stocked):
    nip = first_nip_with_tier(stocked, "eselon_iv")
    with stocked.db.write() as connection:
        connection.execute(text("ALTER TABLE exemptions DISABLE TRIGGER exemptions_no_delete"))
        connection.execute(
            text(
                "INSERT INTO exemptions (nip, month, reason, created_by, created_at) "
                "VALUES (:nip, '2026-11', 'Dinas luar', 'admin', now())"
            ),
            {"nip": nip},
        )
    report = stocked.verify()
    assert not report.ok and report.first_broken is None
    assert report.evidence_problems[0] == (
        "append-only trigger exemptions_no_delete was altered or disabled: deletes on "
        "exemptions are no longer refused"
    )
    assert report.evidence_problems[1].startswith("exemptions changed outside the kiosk")
