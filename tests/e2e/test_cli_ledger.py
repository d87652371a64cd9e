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
    assert loaded.expect_ok(verify) == (
        "Ledger intact: 12 entries in 1 kiosk chain(s), database integrity ok.\n"
        f"  newest entry AMB-01-000012, check code {newest_hash[:12].upper()} "
        "(compare with the newest receipt's QR)\n"
    )
    stdout = loaded.expect_ok(backup)
    match = re.fullmatch(r"Backup written: (.+)\n", stdout)
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
