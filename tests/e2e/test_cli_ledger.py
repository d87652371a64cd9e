"""`ledger verify` on a good and a tampered ledger, and `backup`."""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from conftest import Kiosk


@pytest.mark.parametrize(
    ("change", "seq"),
    [("total = total + 5000", 5), ("nip = '196608141992031002'", 7)],
    ids=["total", "nip"],
)
def test_ledger_verify_names_the_edited_entry(loaded: Kiosk, change: str, seq: int) -> None:
    connection = sqlite3.connect(loaded.database)
    try:
        triggers = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        assert "sales_no_update" in triggers
        with connection:
            connection.execute("DROP TRIGGER sales_no_update")
            edited = connection.execute(
                f"UPDATE sales SET {change} WHERE id = "
                "(SELECT id FROM entries WHERE kiosk_id = 'AMB-01' AND seq = ?)",
                (seq,),
            ).rowcount
        assert edited == 1
    finally:
        connection.close()

    result = loaded.run("ledger", "verify")

    assert result.returncode != 0
    assert "Ledger intact" not in result.stdout
    numbers = re.findall(r"AMB-01-\d{6}", result.stderr)
    assert numbers and set(numbers) == {f"AMB-01-{seq:06d}"}, result.stderr


def test_verify_passes_and_backup_is_a_complete_copy_of_a_good_ledger(loaded: Kiosk) -> None:
    verify, backup = loaded.run_many(("ledger", "verify"), ("backup",))

    with closing(sqlite3.connect(loaded.home / "data" / "ledger.db")) as connection:
        (newest_hash,) = connection.execute(
            "SELECT entry_hash FROM entries WHERE seq = 12"
        ).fetchone()
    seals = loaded.count("seals")
    assert loaded.expect_ok(verify) == (
        f"Ledger intact: 12 entries in 1 kiosk chain(s), MACs ok, {seals} seals match, "
        "append-only triggers in place, database integrity ok.\n"
        f"head AMB-01:12:{newest_hash[:12].upper()}\n"
    )
    stdout = loaded.expect_ok(backup)
    match = re.fullmatch(
        r"Backup written: (.+)\nKept 1 backup\(s\) in .+; deleted 0 older\.\n", stdout
    )
    assert match, stdout
    copy = Path(match.group(1))
    assert copy.parent.resolve() == (loaded.home / "data" / "backups").resolve()
    assert re.fullmatch(r"ledger-\d{8}-\d{6}\.db", copy.name)
    connection = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        copied = connection.execute("SELECT id, total FROM sales ORDER BY id").fetchall()
    finally:
        connection.close()
    assert copied == loaded.query("SELECT id, total FROM sales ORDER BY id")
    assert len(copied) == 12


def _head(kiosk: Kiosk) -> str:
    (line,) = [ln for ln in kiosk.ok("ledger", "verify").splitlines() if ln.startswith("head ")]
    return line.removeprefix("head ")


def test_an_earlier_head_still_in_the_chain_passes_expect_head(loaded: Kiosk) -> None:
    earlier = _head(loaded)
    loaded.ok("sales", "void", "AMB-01-000003", "--reason", "Salah input")

    kiosk_id, seq, code = earlier.split(":")
    stdout = loaded.ok("ledger", "verify", "--expect-head", f"{kiosk_id}:{seq}:{code.lower()}")

    assert stdout.splitlines()[-1].startswith("head AMB-01:13:")


def test_expect_head_names_a_truncated_and_a_rewritten_ledger(loaded: Kiosk) -> None:
    head = _head(loaded)
    kiosk_id, _, code = head.split(":")
    with closing(sqlite3.connect(loaded.database)) as connection, connection:
        connection.execute("DROP TRIGGER entries_no_delete")
        connection.execute("DROP TRIGGER sales_no_delete")
        connection.execute("DROP TRIGGER sale_lines_no_delete")
        newest = "(SELECT id FROM entries WHERE seq = 12)"
        connection.execute(f"DELETE FROM sale_lines WHERE sale_id = {newest}")
        connection.execute(f"DELETE FROM sales WHERE id = {newest}")
        connection.execute(f"DELETE FROM entries WHERE id = {newest}")

    truncated = loaded.run("ledger", "verify", "--expect-head", head)
    rewritten = loaded.run("ledger", "verify", "--expect-head", f"{kiosk_id}:11:{code}")

    assert truncated.returncode == 3 and truncated.stdout == ""
    assert f"expected head {head}: entry AMB-01-000012 is missing, so the ledger was truncated" in (
        truncated.stderr
    )
    assert rewritten.returncode == 3
    assert f"expected head {kiosk_id}:11:{code}: entry AMB-01-000011 now has hash" in (
        rewritten.stderr
    )
    assert "so it was rewritten" in rewritten.stderr


@pytest.mark.parametrize("value", ["AMB-01:12", "AMB-01:12:XYZ", "amb-01:12:0123456789ab", ""])
def test_a_malformed_expect_head_is_a_command_line_error(loaded: Kiosk, value: str) -> None:
    result = loaded.run("ledger", "verify", "--expect-head", value)

    assert result.returncode == 2
    assert "is not a head like AMB-01:123:0A1B2C3D4E5F" in result.stderr
    assert "Traceback" not in result.stderr


def test_without_the_ledger_key_verify_says_it_could_not_check(loaded: Kiosk) -> None:
    key_file = loaded.home / "data" / "ledger-key.txt"
    key_file.unlink()

    lines = loaded.refused(loaded.run("ledger", "verify"))
    sale = loaded.run("sales", "void", "AMB-01-000002", "--reason", "Salah input")

    assert lines == [
        f"jikubata: the ledger key file {key_file} is missing, so the entries' MACs and the "
        "seals could not be checked and a forged entry cannot be told from a real one; run "
        "verify where the key file is (or 'jikubata init' if this database never had one)"
    ]
    assert loaded.refused(sale) == [
        f"jikubata: there is no ledger key at {key_file}, so nothing can be written to the "
        "ledger; run 'jikubata init' (or restore the key file from its backup)"
    ]
    assert loaded.count("voids") == 0
    init = loaded.run("init")
    assert loaded.refused(init) == [
        f"jikubata: {key_file}: the ledger key file is missing, but this database was written "
        "with one; restore the key file from its backup (a new key would make every entry "
        "look forged)"
    ]
    assert not key_file.exists()
