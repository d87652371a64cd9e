"""`init`, `init --sample-data`, and every other command on a database that does not exist."""

from __future__ import annotations

import re
import sqlite3
import stat
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from conftest import Kiosk


def test_init_creates_database_private_card_key_and_prints_revision(fresh: Kiosk) -> None:
    stdout = fresh.ok("init")

    assert fresh.database.is_file()
    match = re.search(r"Database ready at schema (\w+): sqlite:///(\S+)", stdout)
    assert match, stdout
    assert match.group(2) == str(fresh.database.resolve())
    assert fresh.query("SELECT version_num FROM alembic_version") == [(match.group(1),)]

    key_file = fresh.home / "data" / "card-keys.txt"
    assert f"New card signing key: {key_file}" in stdout
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    keys = [ln for ln in key_file.read_text().splitlines() if ln and not ln.startswith("#")]
    assert len(keys) == 1 and re.fullmatch(r"K1 [0-9a-f]{64}", keys[0])

    ledger_key = fresh.home / "data" / "ledger-key.txt"
    assert f"New ledger key: {ledger_key}" in stdout
    assert stat.S_IMODE(ledger_key.stat().st_mode) == 0o600
    lines = [ln for ln in ledger_key.read_text().splitlines() if ln and not ln.startswith("#")]
    assert len(lines) == 1 and re.fullmatch(r"[0-9a-f]{64}", lines[0])
    assert "Sealed for the first time: exemptions, roster, operators, kiosk_settings" in stdout
    assert fresh.query("SELECT actor, action FROM audit_log") == [("system", "seals_started")]


def test_init_twice_is_harmless(loaded: Kiosk) -> None:
    key_file = loaded.home / "data" / "card-keys.txt"
    key_before = key_file.read_bytes()
    ledger_key = loaded.home / "data" / "ledger-key.txt"
    ledger_key_before = ledger_key.read_bytes()
    seals_before = loaded.count("seals")
    sales_before = loaded.query("SELECT id, total FROM sales ORDER BY id")

    stdout = loaded.ok("init")

    assert "Database ready at schema" in stdout
    assert "New card signing key" not in stdout, "an existing card key must never be replaced"
    assert key_file.read_bytes() == key_before
    assert "New ledger key" not in stdout and "Sealed" not in stdout
    assert ledger_key.read_bytes() == ledger_key_before, "every MAC was made with that key"
    assert loaded.count("seals") == seals_before
    assert loaded.query("SELECT id, total FROM sales ORDER BY id") == sales_before
    assert len(sales_before) == 12
    assert loaded.count("roster_entries") == 48
    assert loaded.count("vendors") == 8


def test_init_sample_data_loads_only_once(fresh: Kiosk) -> None:
    first = fresh.ok("init", "--sample-data")
    match = re.search(
        r"Sample data loaded: (\d+) ASN, (\d+) UMKM, (\d+) products, (\d+) sales\.", first
    )
    assert match, first
    people, vendors, products, sales = map(int, match.groups())
    assert (people, vendors, products) == (48, 8, 38)
    assert sales > 0
    assert fresh.count("sales") == sales

    second = fresh.ok("init", "--sample-data")

    assert "Sample data not loaded" in second
    assert "Sample data loaded" not in second
    assert fresh.count("sales") == sales
    assert fresh.count("vendors") == 8
    assert fresh.count("roster_imports") == 1


def test_commands_other_than_init_need_an_existing_database(fresh: Kiosk) -> None:
    commands = [
        ("roster", "import", fresh.sample / "roster.csv", "--as-of", "2026-11-01"),
        ("export", "compliance", "--month", "2026-11"),
        ("backup",),
    ]
    results = fresh.run_many(*commands)

    expected = (
        f"jikubata: there is no database at {fresh.database.resolve()}; run 'jikubata init' first"
    )
    for args, result in zip(commands, results, strict=True):
        assert fresh.refused(result) == [expected], args
    assert sorted(p.name for p in fresh.home.iterdir()) == ["config.yaml"], (
        "a refused command must create neither the database nor any folder"
    )


@pytest.mark.parametrize("problem", ["newer-schema", "not-a-database"])
def test_unusable_database_is_refused_in_one_sentence(initialised: Kiosk, problem: str) -> None:
    """A database migrated by a newer jikubata (say, after the kiosk's program was rolled back)
    and a file that is not a database at all must each be refused with one sentence naming
    the database, not with a Python traceback."""
    if problem == "newer-schema":
        with sqlite3.connect(initialised.database) as connection:
            connection.execute("UPDATE alembic_version SET version_num = '0099'")
        connection.close()
    else:
        initialised.database.write_text("ini bukan database\n", encoding="utf-8")

    result = initialised.run("ledger", "verify")

    assert "Traceback" not in result.stderr, result.stderr[-600:]
    lines = initialised.refused(result)
    assert len(lines) == 1, lines
    assert str(initialised.database.resolve()) in lines[0]
    if problem == "newer-schema":
        assert "0099" in lines[0]
        assert initialised.query("SELECT version_num FROM alembic_version") == [("0099",)]
