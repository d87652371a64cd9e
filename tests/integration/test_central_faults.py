"""Issue #13's faults, each against a real PostgreSQL: central down for hours, the link cut
mid-batch, central restarted, the kiosk killed mid-sync, the same batch twice, two kiosks
with one id, a kiosk restored from an old backup, kiosk clocks minutes apart. Each ends with
the same question: is every entry on central exactly once, as the kiosk wrote it, and is the
alarm where it should be and nowhere else?"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml
from sqlalchemy import text
from sqlalchemy.engine import make_url

from kiosk.bootstrap import Kiosk, sqlite_path
from kiosk.central.schema import add_kiosk, init_central
from kiosk.central.state import SyncState

from ..central_rig import (
    Central,
    kiosk_config,
    local_entries,
    new_kiosk,
    open_central_kiosk,
    sell,
    wait_for,
)
from ..pg_cluster import TempCluster, server_bin
from ..tcp_proxy import TcpProxy
from .conftest import FakeClock

REPO = Path(__file__).resolve().parents[2]
PUSH_WAITS_ON_LOCK = (
    "SELECT count(*) FROM pg_stat_activity "
    "WHERE application_name = 'jikubata-push' AND wait_event_type = 'Lock'"
)
PUSH_CONNECTED = "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'jikubata-push'"


def holds_exactly(central: Central, kiosk: Kiosk) -> bool:
    """Everything the kiosk wrote, once, the same, in its order; nothing else of its id."""
    return central.entries(kiosk.settings.stall.kiosk_id) == local_entries(
        kiosk
    ) and central.rows_match(kiosk)


def no_alarm(kiosk: Kiosk) -> bool:
    return SyncState(kiosk.db, kiosk.settings.stall.kiosk_id).alarm() is None


def through_proxy(kiosk_url: str, proxy: TcpProxy) -> str:
    url = make_url(kiosk_url).set(host="127.0.0.1", port=proxy.port, query={})
    return url.render_as_string(hide_password=False)


def test_central_down_for_hours_the_kiosk_sells_on_and_the_backlog_arrives_in_order(
    tmp_path, raw_config, clock, owner_url, central, pg_cluster
):
    proxy = TcpProxy(pg_cluster.socket)
    added = add_kiosk(owner_url, "AMB-01")
    raw = kiosk_config(raw_config, "AMB-01", through_proxy(added.kiosk_url, proxy))
    kiosk = open_central_kiosk(tmp_path / "a", raw, clock)
    service = kiosk.sync_service()
    sell(kiosk, count=5)
    assert service.sync_once().ok
    proxy.down()
    for hour in range(6):  # a morning without central: every sync fails, every sale stands
        clock.now += dt.timedelta(hours=1)
        sell(kiosk, count=20)
        outcome = service.sync_once()
        assert not outcome.ok and outcome.sentence.startswith("central could not be reached")
        assert outcome.waiting == 20 * (hour + 1)
    status = service.status()
    assert status.waiting == 120 and status.last_error and status.alarm is None
    assert len(central.entries("AMB-01")) == 5
    proxy.up()
    outcome = service.sync_once()
    assert outcome.ok and outcome.pushed == 120
    assert holds_exactly(central, kiosk) and no_alarm(kiosk)
    assert service.status().last_error is None and central.alarm("AMB-01") is None
    kiosk.close()
    proxy.down()


@pytest.mark.parametrize("cut", ["link reset", "backend terminated"])
def test_the_connection_cut_mid_batch_leaves_nothing_half_written(
    tmp_path, raw_config, clock, owner_url, central, pg_cluster, cut
):
    proxy = TcpProxy(pg_cluster.socket)
    added = add_kiosk(owner_url, "AMB-01")
    raw = kiosk_config(raw_config, "AMB-01", through_proxy(added.kiosk_url, proxy))
    kiosk = open_central_kiosk(tmp_path / "a", raw, clock)
    service = kiosk.sync_service()
    sell(kiosk, count=30)
    outcomes = []
    with central.engine.connect() as owner:
        owner.execute(text("BEGIN"))
        # the batch's entries and rows are sent; its closing UPDATE waits on this lock
        owner.execute(text("LOCK TABLE central_kiosks IN EXCLUSIVE MODE"))
        pushing = threading.Thread(target=lambda: outcomes.append(service.sync_once()))
        pushing.start()
        assert wait_for(lambda: central.scalar(PUSH_WAITS_ON_LOCK) == 1)
        if cut == "link reset":
            proxy.cut()
        else:
            with central.engine.connect() as other:
                other.execute(
                    text(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        "WHERE application_name = 'jikubata-push'"
                    )
                )
        pushing.join(60)
        owner.execute(text("ROLLBACK"))
    assert not outcomes[0].ok and outcomes[0].waiting == 30
    assert wait_for(lambda: central.scalar(PUSH_CONNECTED) == 0)
    assert central.entries("AMB-01") == [] and central.count("sale_lines") == 0
    assert SyncState(kiosk.db, "AMB-01").acked_seq() == 0
    outcome = service.sync_once()
    assert outcome.ok and outcome.pushed == 30
    assert holds_exactly(central, kiosk) and no_alarm(kiosk)
    kiosk.close()
    proxy.down()


def test_central_restarted_the_next_sync_reconnects(tmp_path, raw_config, clock):
    own = TempCluster(server_bin())  # its own cluster: the shared one must stay up
    own.start()
    try:
        owner_url = own.new_database()
        init_central(owner_url)
        kiosk = new_kiosk(tmp_path / "a", raw_config, owner_url, "AMB-01", clock)
        service = kiosk.sync_service()
        sell(kiosk, count=3)
        assert service.sync_once().ok
        own.server_down()
        sell(kiosk, count=2)
        assert not service.sync_once().ok
        own.server_up()
        sell(kiosk, count=2)
        outcome = service.sync_once()  # the pooled connection died with the server
        assert outcome.ok and outcome.pushed == 4
        central = Central(owner_url)
        assert holds_exactly(central, kiosk) and no_alarm(kiosk)
        central.dispose()
        kiosk.close()
    finally:
        own.stop()


def test_the_kiosk_killed_mid_sync_resends_and_nothing_doubles(
    tmp_path, raw_config, clock, owner_url, central
):
    kiosk = new_kiosk(tmp_path / "a", raw_config, owner_url, "AMB-01", clock)
    sell(kiosk, count=25)
    config = tmp_path / "a" / "config.yaml"
    config.write_text(
        yaml.safe_dump(kiosk_config(raw_config, "AMB-01", kiosk.settings.central.url)),
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    with central.engine.connect() as owner:
        owner.execute(text("BEGIN"))
        owner.execute(text("LOCK TABLE central_kiosks IN EXCLUSIVE MODE"))
        syncing = subprocess.Popen(
            [sys.executable, "-m", "kiosk", "--config", str(config), "sync"], env=env
        )
        assert wait_for(lambda: central.scalar(PUSH_WAITS_ON_LOCK) == 1, 60)
        syncing.send_signal(signal.SIGKILL)
        assert syncing.wait(30) == -signal.SIGKILL
        owner.execute(text("ROLLBACK"))
    assert wait_for(lambda: central.scalar(PUSH_CONNECTED) == 0)
    assert central.entries("AMB-01") == []  # the killed sync's batch never committed
    # killed after central committed but before the kiosk noted it: the same batch again
    assert kiosk.sync_service().sync_once().ok
    SyncState(kiosk.db, "AMB-01").set_acked_seq(0)
    outcome = kiosk.sync_service().sync_once()
    assert outcome.ok and outcome.pushed == 25
    assert holds_exactly(central, kiosk) and no_alarm(kiosk)
    assert central.alarm("AMB-01") is None
    kiosk.close()


def test_the_same_batch_sent_twice_is_harmless(tmp_path, raw_config, clock, owner_url, central):
    kiosk = new_kiosk(tmp_path / "a", raw_config, owner_url, "AMB-01", clock)
    shift = kiosk.shifts.open("Ina", 10_000).shift_id
    numbers = sell(kiosk, count=4)
    kiosk.admin.void(numbers[0], "batal")
    kiosk.payouts.pay("UMKM-002", 500, "bayar", actor="admin", shift_id=shift)
    service = kiosk.sync_service()
    assert service.sync_once().ok
    before = {name: central.count(name) for name in ("entries", "sales", "sale_lines", "voids")}
    for _ in range(2):
        SyncState(kiosk.db, "AMB-01").set_acked_seq(0)
        outcome = service.sync_once()
        assert outcome.ok and outcome.pushed == 7
    assert {name: central.count(name) for name in before} == before
    assert holds_exactly(central, kiosk) and no_alarm(kiosk)
    kiosk.close()


def test_two_kiosks_with_one_id_the_second_is_stopped_and_nothing_is_overwritten(
    tmp_path, raw_config, clock, owner_url, central
):
    first = new_kiosk(tmp_path / "first", raw_config, owner_url, "AMB-01", clock)
    twin = open_central_kiosk(
        tmp_path / "twin",
        kiosk_config(raw_config, "AMB-01", first.settings.central.url),
        clock,
    )
    sell(first, count=3)
    assert first.sync_service().sync_once().ok
    sell(twin, count=5)
    outcome = twin.sync_service().sync_once()
    assert not outcome.ok and "central holds entry AMB-01:1 differently" in outcome.sentence
    assert twin.sync_service().status().alarm == outcome.sentence
    assert central.alarm("AMB-01") == outcome.sentence
    assert holds_exactly(central, first) and central.count("entries") == 3
    # the twin stays stopped; the first kiosk goes on, its own alarm never raised
    sell(first, count=2)
    sell(twin, count=1)
    assert first.sync_service().sync_once().ok and no_alarm(first)
    again = twin.sync_service().sync_once()
    assert not again.ok and again.pushed == 0
    assert holds_exactly(central, first)
    first.close()
    twin.close()


def test_a_kiosk_restored_from_yesterdays_backup_raises_the_alarm(
    tmp_path, raw_config, clock, owner_url, central
):
    kiosk = new_kiosk(tmp_path / "a", raw_config, owner_url, "AMB-01", clock)
    sell(kiosk, count=3)
    assert kiosk.sync_service().sync_once().ok
    backup = kiosk.backup()  # yesterday's copy
    clock.now += dt.timedelta(days=1)
    sell(kiosk, count=2)
    assert kiosk.sync_service().sync_once().ok
    original = local_entries(kiosk)
    raw = kiosk_config(raw_config, "AMB-01", kiosk.settings.central.url)
    database = sqlite_path(kiosk.settings.database_url)
    kiosk.close()
    for leftover in database.parent.glob(database.name + "-*"):  # its WAL and shared memory
        leftover.unlink()
    shutil.copy(backup, database)
    restored = open_central_kiosk(tmp_path / "a", raw, clock)
    assert SyncState(restored.db, "AMB-01").acked_seq() == 3
    sell(restored, amount=2_000, count=2)  # numbers 4 and 5 again, other hashes
    outcome = restored.sync_service().sync_once()
    assert not outcome.ok and "AMB-01:4 differently" in outcome.sentence
    assert central.entries("AMB-01") == original  # nothing overwritten
    assert central.alarm("AMB-01") == outcome.sentence
    restored.close()


def test_kiosk_clocks_minutes_apart_each_chain_arrives_in_its_own_order(
    tmp_path, raw_config, clock, owner_url, central
):
    behind = FakeClock(clock.now - dt.timedelta(minutes=9))
    kiosks = [
        new_kiosk(tmp_path / "a", raw_config, owner_url, "AMB-01", clock),
        new_kiosk(tmp_path / "b", raw_config, owner_url, "AMB-02", behind),
    ]
    for minute in range(10):
        for each, its_clock in zip(kiosks, (clock, behind), strict=True):
            its_clock.now += dt.timedelta(minutes=1)
            sell(each)
            if minute == 4:
                its_clock.now -= dt.timedelta(minutes=3)  # an NTP correction backwards
        if minute % 3 == 0:
            kiosks[minute % 2].sync_service().sync_once()
    for each in kiosks:
        assert each.sync_service().sync_once().ok
    for each in kiosks:
        assert holds_exactly(central, each) and no_alarm(each)
        assert central.alarm(each.settings.stall.kiosk_id) is None
    assert central.count("entries") == 20
    for each in kiosks:
        each.close()


def test_central_restored_to_an_older_point_gets_again_what_it_lost(
    tmp_path, raw_config, clock, owner_url, central
):
    kiosk = new_kiosk(tmp_path / "a", raw_config, owner_url, "AMB-01", clock)
    sell(kiosk, count=6)
    assert kiosk.sync_service().sync_once().ok
    with central.engine.begin() as owner:  # as a restore of last night's dump would leave it
        owner.execute(text("SET LOCAL session_replication_role = replica"))  # no triggers
        lost = "(SELECT id FROM entries WHERE kiosk_id = 'AMB-01' AND seq > 2)"
        owner.execute(text(f"DELETE FROM sale_lines WHERE sale_id IN {lost}"))
        owner.execute(text(f"DELETE FROM sales WHERE id IN {lost}"))
        owner.execute(text("DELETE FROM entries WHERE kiosk_id = 'AMB-01' AND seq > 2"))
    assert len(central.entries("AMB-01")) == 2
    outcome = kiosk.sync_service().sync_once()
    assert outcome.ok and outcome.pushed == 4
    assert holds_exactly(central, kiosk) and no_alarm(kiosk)
    kiosk.close()
