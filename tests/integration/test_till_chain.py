"""Shift events and payouts are links of the same hash chain as sales and voids: written with
the chain writer, checked by ``ledger verify``, and an edit to their rows is found."""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing

import pytest
from sqlalchemy import insert
from sqlalchemy.exc import IntegrityError

from kiosk.bootstrap import Kiosk, sqlite_path
from kiosk.ledger.chain_writer import chain_head, write_link
from kiosk.ledger.entries import PayoutEntry, ShiftEntry
from kiosk.ledger.ids import new_entry_id
from kiosk.ledger.models import Payout, ShiftEvent

from .conftest import first_nip_with_tier, sell

AT = dt.datetime(2026, 11, 20, 1, 0, tzinfo=dt.UTC)


def _open_shift(kiosk: Kiosk) -> str:
    with kiosk.db.write() as connection:
        seq, prev = chain_head(connection, kiosk.settings.stall.kiosk_id)
        entry_id = new_entry_id()
        entry = ShiftEntry(
            id=entry_id,
            kiosk_id=kiosk.settings.stall.kiosk_id,
            seq=seq + 1,
            prev_hash=prev,
            created_at=AT,
            shift_id=entry_id,
            shift_no=1,
            event="open",
            operator="Ina",
            float_amount=150_000,
        )
        write_link(connection, kiosk.db.key, entry)
        connection.execute(insert(ShiftEvent.__table__), entry.shift_row())
    return entry_id


def _pay_out(kiosk: Kiosk, amount: int) -> str:
    with kiosk.db.write() as connection:
        seq, prev = chain_head(connection, kiosk.settings.stall.kiosk_id)
        entry = PayoutEntry(
            id=new_entry_id(),
            kiosk_id=kiosk.settings.stall.kiosk_id,
            seq=seq + 1,
            prev_hash=prev,
            created_at=AT + dt.timedelta(hours=1),
            kode_umkm="UMKM-001",
            amount=amount,
            payout_kind="payout",
            reverses=None,
            note="Tunai",
            paid_by="admin",
        )
        write_link(connection, kiosk.db.key, entry)
        connection.execute(insert(Payout.__table__), entry.payout_row())
    return entry.id


def test_shift_events_and_payouts_between_sales_verify_intact(stocked):
    _open_shift(stocked)
    sell(stocked, 15_000, first_nip_with_tier(stocked, "eselon_iv"))
    _pay_out(stocked, 10_000)
    sell(stocked, 5_000, None)

    report = stocked.verify()

    assert report.ok, report
    assert report.entries_checked == 4
    assert report.heads[0].seq == 4


@pytest.mark.parametrize(
    ("table", "column", "value"),
    [("shift_events", "float_amount", 1), ("payouts", "amount", 1)],
)
def test_an_edited_shift_or_payout_row_breaks_the_chain_at_that_entry(
    stocked, table, column, value
):
    _open_shift(stocked)
    _pay_out(stocked, 10_000)
    path = sqlite_path(stocked.settings.database_url)
    with closing(sqlite3.connect(path)) as raw, raw:
        raw.execute(f"DROP TRIGGER {table}_no_update")
        raw.execute(f"UPDATE {table} SET {column} = ?", (value,))
        raw.execute(
            f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, 'ledger table {table} is append-only'); END"
        )

    report = stocked.verify()

    assert not report.ok
    assert report.first_broken is not None
    assert report.first_broken.seq == (1 if table == "shift_events" else 2)
    assert "do not match its hash" in report.first_broken.reason


@pytest.mark.parametrize("statement", ["UPDATE {t} SET note = 'x'", "DELETE FROM {t}"])
@pytest.mark.parametrize("table", ["shift_events", "payouts"])
def test_till_tables_refuse_updates_and_deletes(stocked, table, statement):
    _open_shift(stocked)
    _pay_out(stocked, 10_000)
    with pytest.raises(IntegrityError, match="append-only"), stocked.db.write() as connection:
        connection.exec_driver_sql(statement.format(t=table))
