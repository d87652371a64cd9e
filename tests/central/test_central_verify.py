"""`jikubata central verify`: each kiosk's chain as central holds it, continuity with the head
verified last time, kiosks that have not pushed lately, and push alarms."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text

from kiosk.central.checks import verify_central
from kiosk.cli import main

from ..integration.conftest import sell

KIOSKS = ("AMB-01", "AMB-02", "TUL-01")


def three_kiosks_selling(central, each: int = 3) -> None:  # type: ignore[no-untyped-def]
    central.stock()
    for kiosk_id in KIOSKS:
        kiosk = central.kiosk(kiosk_id)
        for amount in range(each):
            sell(kiosk, 10_000 + amount, None)


def run(central, capsys, *extra: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(["central", "verify", "--url", central.url, *extra])
    out, err = capsys.readouterr()
    return code, out, err


def without_triggers(central, *statements: str) -> None:  # type: ignore[no-untyped-def]
    """What someone with the owner's password could do to central's copy."""
    with central.admin.db.write() as connection:
        for table in ("entries", "sales", "sale_lines"):
            connection.execute(text(f"ALTER TABLE {table} DISABLE TRIGGER USER"))
        for statement in statements:
            connection.execute(text(statement))
        for table in ("entries", "sales", "sale_lines"):
            connection.execute(text(f"ALTER TABLE {table} ENABLE TRIGGER USER"))


def test_three_intact_chains_pass_and_say_macs_are_the_kiosks_job(central, capsys):
    three_kiosks_selling(central)

    code, out, err = run(central, capsys, "--stale-minutes", "100000000")

    assert code == 0, err
    for kiosk_id in KIOSKS:
        assert f"{kiosk_id}: 3 entries, chain intact, head {kiosk_id}:3:" in out
    assert "MACs are not checked on central" in out
    assert "Central intact: 9 entries in 3 kiosk chain(s)" in out
    assert "stale" not in out


def test_an_edited_sale_on_central_is_named_and_fails(central, capsys):
    three_kiosks_selling(central)
    without_triggers(
        central,
        "UPDATE sales SET total = 1, note = 'x' WHERE id = "
        "(SELECT id FROM entries WHERE kiosk_id = 'AMB-02' AND seq = 2)",
    )

    code, out, err = run(central, capsys)

    assert code == 3
    assert "AMB-02: chain broken at entry AMB-02-000002" in err
    assert "AMB-01: 3 entries, chain intact" in out  # the others are still reported


def test_entries_deleted_on_central_after_a_verify_break_continuity(central, capsys):
    three_kiosks_selling(central)
    assert run(central, capsys)[0] == 0
    newest = "(SELECT id FROM entries WHERE kiosk_id = 'TUL-01' AND seq = 3)"
    without_triggers(
        central,
        f"DELETE FROM sale_lines WHERE sale_id = {newest}",
        f"DELETE FROM print_jobs WHERE sale_id = {newest}",
        f"DELETE FROM sales WHERE id = {newest}",
        "DELETE FROM entries WHERE kiosk_id = 'TUL-01' AND seq = 3",
    )

    code, _, err = run(central, capsys)

    assert code == 3
    assert "TUL-01: the head verified last time (TUL-01:3:" in err
    assert "central no longer holds entry TUL-01-000003" in err
    code, _, err = run(central, capsys)  # the old head is kept, so it stays caught
    assert code == 3 and "TUL-01-000003" in err


def test_stale_kiosks_from_the_newest_entry_without_central_kiosks(central, clock):
    three_kiosks_selling(central, each=1)
    clock.now += dt.timedelta(hours=2)
    sell(central.kiosk("AMB-01"), 5_000, None)

    report = verify_central(central.engine, stale_after=dt.timedelta(minutes=60), now=clock.now)

    assert report.ok and report.push_times_from == "entries"
    assert {k.kiosk_id for k in report.kiosks if k.stale} == {"AMB-02", "TUL-01"}


def test_central_kiosks_gives_push_times_and_an_alarm_fails(central, capsys):
    three_kiosks_selling(central, each=1)
    now = dt.datetime.now(dt.UTC)
    with central.admin.db.write() as connection:  # the shape cpush's schema creates
        connection.execute(
            text(
                "CREATE TABLE central_kiosks (kiosk_id VARCHAR(16) PRIMARY KEY, "
                "role_name VARCHAR(16) UNIQUE, added_at TIMESTAMPTZ, last_push_at TIMESTAMPTZ, "
                "acked_seq INTEGER DEFAULT 0, alarm TEXT, alarm_at TIMESTAMPTZ)"
            )
        )
        for kiosk_id, minutes, alarm in (
            ("AMB-01", 1, None),
            ("AMB-02", 5, "entry AMB-02-000002 differs from central's copy; push stopped"),
            ("TUL-01", 300, None),
        ):
            connection.execute(
                text(
                    "INSERT INTO central_kiosks (kiosk_id, role_name, added_at, last_push_at, "
                    "alarm, alarm_at) VALUES (:k, :k, :now, :at, :alarm, :at)"
                ),
                {
                    "k": kiosk_id,
                    "now": now,
                    "at": now - dt.timedelta(minutes=minutes),
                    "alarm": alarm,
                },
            )

    code, out, err = run(central, capsys, "--stale-minutes", "30")

    assert code == 3
    assert "AMB-02: ALARM (since " in err
    assert "entry AMB-02-000002 differs from central's copy; push stopped" in err
    stale = [line for line in out.splitlines() if line.startswith("stale:")]
    assert len(stale) == 1 and stale[0].startswith("stale: TUL-01, last push ")
    assert stale[0].endswith("(threshold 30 min)")


def test_an_unreachable_central_is_one_sentence(pg_cluster, capsys):
    url = f"postgresql+psycopg://postgres@/nowhere?host={pg_cluster.folder}/gone"

    assert main(["central", "verify", "--url", url]) == 1

    err = capsys.readouterr().err
    assert err.startswith("jikubata: central could not be read (") and err.count("\n") == 1
