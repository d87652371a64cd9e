"""Issue #13: the central store's schema and roles, and the push of a kiosk's entries, against
a real PostgreSQL (tests/pg_cluster.py). Row-level security is tested as the kiosk's own
login role, never as the owner (who owns the tables and so bypasses it)."""

from __future__ import annotations

import datetime as dt
import threading
import time

import pytest
import yaml
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from kiosk.central.schema import add_kiosk, init_central
from kiosk.central.state import SyncState
from kiosk.cli import main

from ..central_rig import (
    kiosk_config,
    local_entries,
    new_kiosk,
    open_central_kiosk,
    sell,
    wait_for,
)


def test_init_is_idempotent_and_drops_only_links_to_unpushed_tables(owner_url: str):
    again = init_central(owner_url)
    assert again.dropped_foreign_keys == ()
    engine = create_engine(owner_url)
    with engine.connect() as connection:
        links = set(
            connection.execute(
                text(
                    "SELECT conrelid::regclass::text || '->' || confrelid::regclass::text "
                    "FROM pg_constraint WHERE contype = 'f'"
                )
            ).scalars()
        )
        policies = connection.execute(text("SELECT count(*) FROM pg_policies")).scalar()
    engine.dispose()
    # a sale for a vendor central does not know is still taken; lines still need their sale
    assert "sale_lines->vendors" not in links and "payouts->vendors" not in links
    assert {"sale_lines->sales", "sales->entries", "voids->sales"} <= links
    assert policies == 8


def test_add_kiosk_prints_its_config_and_refuses_the_same_id_twice(owner_url: str, capsys):
    assert main(["central", "add-kiosk", "AMB-01", "--owner-url", owner_url]) == 0
    printed = capsys.readouterr().out
    block = yaml.safe_load(printed)
    assert block["central"]["interval_seconds"] == 30
    assert "_kiosk_amb_01:" in block["central"]["url"]
    assert main(["central", "add-kiosk", "AMB-01", "--owner-url", owner_url]) == 1
    error = capsys.readouterr().err
    assert "AMB-01 was already added" in error and error.count("\n") == 1


def test_the_kiosk_role_inserts_only_its_own_and_never_changes_anything(
    tmp_path, raw_config, clock, owner_url, central
):
    kiosk = new_kiosk(tmp_path / "a", raw_config, owner_url, "AMB-01", clock)
    other = add_kiosk(owner_url, "AMB-02")
    sell(kiosk, count=2)
    assert kiosk.sync_service().sync_once().ok
    url = kiosk.settings.central.url
    role = create_engine(url)

    def refused(sql: str, **values: object) -> str:
        with pytest.raises(DBAPIError) as caught, role.begin() as connection:
            connection.execute(text(sql), values)
        return str(caught.value.orig)

    entry = "INSERT INTO entries (id, kiosk_id, seq, kind, prev_hash, entry_hash) VALUES "
    assert "row-level security" in refused(entry + "('x-1', 'AMB-02', 1, 'void', 'a', 'b')")
    assert "permission denied" in refused("UPDATE entries SET kind = 'void'")
    assert "permission denied" in refused("DELETE FROM entries")
    assert "permission denied" in refused("DELETE FROM sale_lines")
    assert "permission denied" in refused("SELECT count(*) FROM sales")
    assert "permission denied" in refused("SELECT count(*) FROM audit_log")
    # a line added later to a sale already on central: only with its entry, never after
    sale_id = local_entries(kiosk)[0][0]
    assert "row-level security" in refused(
        "INSERT INTO sale_lines (sale_id, line_no, kode_umkm, description, unit_price, "
        "quantity, subtotal) VALUES (:id, 9, 'UMKM-001', 'extra', 1, 1, 1)",
        id=sale_id,
    )
    # its own entries, new ones (with their rows, in one transaction) are taken
    with role.begin() as connection:
        connection.execute(text(entry + "('own-1', 'AMB-01', 99, 'void', 'a', 'b')"))
    # another kiosk's entries are invisible; the reference data is readable
    with central.engine.begin() as connection:
        connection.execute(text(entry + "('b-1', 'AMB-02', 1, 'void', 'a', 'b')"))
    with role.connect() as connection:
        kiosks = connection.execute(text("SELECT DISTINCT kiosk_id FROM entries")).scalars()
        assert list(kiosks) == ["AMB-01"]
        assert connection.execute(text("SELECT count(*) FROM vendors")).scalar() == 0
        rows = connection.execute(text("SELECT kiosk_id FROM central_kiosks")).scalars()
        assert list(rows) == ["AMB-01"]
    # its alarm, once raised, stays until the owner clears it; its ack never goes back
    with central.engine.begin() as connection:
        connection.execute(text("UPDATE central_kiosks SET alarm = 'x' WHERE kiosk_id='AMB-01'"))
    with role.begin() as connection:
        connection.execute(text("UPDATE central_kiosks SET alarm = NULL, acked_seq = 0"))
    assert central.alarm("AMB-01") == "x" and central.acked("AMB-01") == 2
    assert main(["central", "clear-alarm", "AMB-01", "--owner-url", owner_url]) == 0
    assert central.alarm("AMB-01") is None
    role.dispose()
    assert other.role != kiosk.settings.central.url
    kiosk.close()


def test_every_kind_of_entry_arrives_once_with_its_rows_and_verify_stays_clean(
    tmp_path, raw_config, clock, owner_url, central
):
    kiosk = new_kiosk(tmp_path / "a", raw_config, owner_url, "AMB-01", clock)
    shift = kiosk.shifts.open("Ina", 50_000).shift_id
    numbers = sell(kiosk, count=3)
    kiosk.admin.void(numbers[1], "salah input")
    kiosk.payouts.pay("UMKM-001", 1_000, "bayar", actor="admin", shift_id=shift)
    service = kiosk.sync_service()
    first = service.sync_once()
    assert first.ok and first.pushed == 6 and first.waiting == 0
    assert central.entries("AMB-01") == local_entries(kiosk)
    assert central.rows_match(kiosk)
    assert central.count("sale_lines") == 6 and central.acked("AMB-01") == 6
    # again: nothing new, nothing doubled
    assert service.sync_once().pushed == 0
    assert central.count("entries") == 6
    status = service.status()
    assert status.waiting == 0 and status.last_error is None and status.alarm is None
    assert status.last_ok_at == clock.now
    # the sync's own keys in kiosk_settings are not sealed evidence: verify stays clean
    report = kiosk.verify()
    assert report.ok, report.problems
    kiosk.close()


def test_jikubata_sync_says_in_one_sentence_when_central_is_out_of_reach(
    tmp_path, raw_config, clock, owner_url, central, capsys
):
    kiosk = new_kiosk(tmp_path / "a", raw_config, owner_url, "AMB-01", clock)
    sell(kiosk, count=2)
    config = tmp_path / "a" / "config.yaml"
    raw = kiosk_config(raw_config, "AMB-01", kiosk.settings.central.url)
    kiosk.close()
    config.write_text(yaml.safe_dump(raw), encoding="utf-8")
    assert main(["--config", str(config), "sync"]) == 0
    assert "2 entries pushed" in capsys.readouterr().out
    away = kiosk_config(raw_config, "AMB-01", "postgresql+psycopg://x@127.0.0.1:1/nowhere")
    config.write_text(yaml.safe_dump(away), encoding="utf-8")
    assert main(["--config", str(config), "sync"]) == 1
    error = capsys.readouterr().err
    assert error.startswith("jikubata: central could not be reached") and error.count("\n") == 1
    kiosk = open_central_kiosk(tmp_path / "a", away, clock)
    assert kiosk.sync_service().status().last_error == error.strip().removeprefix("jikubata: ")
    kiosk.close()


def test_a_login_central_knows_as_another_kiosk_is_refused(
    tmp_path, raw_config, clock, owner_url, central
):
    added = add_kiosk(owner_url, "AMB-02")
    kiosk = open_central_kiosk(
        tmp_path / "a", kiosk_config(raw_config, "AMB-01", added.kiosk_url), clock
    )
    sell(kiosk)
    outcome = kiosk.sync_service().sync_once()
    assert not outcome.ok and "central knows this login as kiosk AMB-02" in outcome.sentence
    assert central.count("entries") == 0
    kiosk.close()


def test_without_a_central_section_nothing_syncs(tmp_path, raw_config, clock, capsys):
    kiosk = open_central_kiosk(tmp_path / "a", kiosk_config(raw_config, "AMB-01", None), clock)
    assert kiosk.sync_service() is None and kiosk.start_sync() is None
    assert kiosk.back_end().sync is None
    kiosk.close()
    raw = kiosk_config(raw_config, "AMB-01", None)
    (tmp_path / "a" / "config.yaml").write_text(yaml.safe_dump(raw), encoding="utf-8")
    assert main(["--config", str(tmp_path / "a" / "config.yaml"), "sync"]) == 1
    assert "no central section" in capsys.readouterr().err


def test_the_worker_pushes_in_the_background_and_stops_on_quit(
    tmp_path, raw_config, clock, owner_url, central
):
    kiosk = new_kiosk(tmp_path / "a", raw_config, owner_url, "AMB-01", clock)
    back_end = kiosk.back_end()
    sell(kiosk, count=2)
    back_end.start_sync()
    worker = kiosk.sync_worker
    assert worker is not None and worker.running
    assert wait_for(lambda: central.acked("AMB-01") == 2)
    sell(kiosk)
    worker.wake()
    assert wait_for(lambda: SyncState(kiosk.db, "AMB-01").acked_seq() == 3)
    back_end.close()
    assert not worker.running


def test_a_sale_commits_while_the_push_waits_on_central(
    tmp_path, raw_config, clock, owner_url, central
):
    """The push holds no lock of the kiosk's ledger while it talks to central: a central
    that hangs mid-batch (here: a table lock the owner holds) never delays a sale."""
    kiosk = new_kiosk(tmp_path / "a", raw_config, owner_url, "AMB-01", clock)
    sell(kiosk, count=3)
    service = kiosk.sync_service()
    outcomes = []
    with central.engine.connect() as owner:
        owner.execute(text("BEGIN"))
        # EXCLUSIVE: reads go on, the batch's closing UPDATE waits (entries already sent)
        owner.execute(text("LOCK TABLE central_kiosks IN EXCLUSIVE MODE"))
        pushing = threading.Thread(target=lambda: outcomes.append(service.sync_once()))
        pushing.start()
        waiting = "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
        assert wait_for(lambda: central.scalar(waiting) == 1)
        started = time.monotonic()
        sell(kiosk, count=2)  # would wait busy_timeout (5 s) and fail if the push held it
        assert time.monotonic() - started < 5
        owner.execute(text("ROLLBACK"))
    pushing.join(30)
    assert outcomes[0].ok and outcomes[0].pushed == 5
    assert central.entries("AMB-01") == local_entries(kiosk)
    kiosk.close()


def test_a_kiosk_clock_going_back_changes_nothing_order_is_by_number(
    tmp_path, raw_config, clock, owner_url, central
):
    a = new_kiosk(tmp_path / "a", raw_config, owner_url, "AMB-01", clock)
    sell(a, count=2)
    clock.now -= dt.timedelta(minutes=7)  # the clock corrected backwards between sales
    sell(a, count=2)
    assert a.sync_service().sync_once().ok
    assert [row[1] for row in central.entries("AMB-01")] == [1, 2, 3, 4]
    assert central.rows_match(a)
    a.close()


def test_a_batch_central_gave_up_on_goes_again_on_the_same_connection(
    tmp_path, raw_config, clock, owner_url, central
):
    """A batch rolled back without the connection dying (here: central's lock_timeout while
    an admin holds a lock) takes its session's staging tables along; the next push, on the
    same pooled connection, must still work."""
    kiosk = new_kiosk(tmp_path / "a", raw_config, owner_url, "AMB-01", clock)
    role = make_url(kiosk.settings.central.url).username
    with central.engine.begin() as owner:
        owner.execute(text(f"ALTER ROLE {role} SET lock_timeout = '300ms'"))
    sell(kiosk, count=3)
    service = kiosk.sync_service()
    with central.engine.connect() as owner:
        owner.execute(text("BEGIN"))
        owner.execute(text("LOCK TABLE central_kiosks IN EXCLUSIVE MODE"))
        refused = service.sync_once()
        owner.execute(text("ROLLBACK"))
    assert not refused.ok and refused.waiting == 3
    outcome = service.sync_once()
    assert outcome.ok and outcome.pushed == 3, outcome.sentence
    assert central.entries("AMB-01") == local_entries(kiosk)
    kiosk.close()
