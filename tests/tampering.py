"""Tampering with a kiosk's database the way someone with the disk (but not the ledger key)
would, and asking ``jikubata ledger verify`` whether it noticed.

Shared by tests/integration/test_tamper.py and bench/tamper.py. The attacker here is clever:
they use the project's own hash code to recompute every hash they disturb, drop the
append-only triggers to edit and put them back afterwards (except where leaving them dropped is
the tampering), so only the evidence the chain alone cannot give (the ledger key's MACs, the
seals, the trigger check, a head written down earlier) can catch them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import re
import shutil
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from kiosk.bootstrap import open_kiosk
from kiosk.cli import main as jikubata
from kiosk.config import parse_settings
from kiosk.domain.cart import CartLine, Payment, PaymentMethod
from kiosk.domain.months import Month
from kiosk.ledger.chain import GENESIS_HASH
from kiosk.ledger.entries import LineFields, SaleEntry, VoidEntry
from kiosk.services.admin_pin import hash_pin

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "assets" / "sample"
KIOSK_ID = "AMB-01"
NOW = dt.datetime(2026, 11, 20, 3, 0, tzinfo=dt.UTC)
_STORED_TIME = "%Y-%m-%d %H:%M:%S.%f"  # how the kiosk stores times in SQLite (naive UTC)


# --- the scene: a small real ledger -----------------------------------------------------------


@dataclass(frozen=True)
class Scene:
    """A folder holding config.yaml, data/ledger.db and the keys, and the head an admin wrote
    down from ``ledger verify`` before anyone tampered."""

    home: Path
    head: str

    @property
    def config(self) -> Path:
        return self.home / "config.yaml"

    @property
    def database(self) -> Path:
        return self.home / "data" / "ledger.db"

    def copy_to(self, target: Path) -> Scene:
        shutil.copytree(self.home, target, dirs_exist_ok=True)
        return Scene(target, self.head)


def build_scene(home: Path, raw_config: dict[str, Any]) -> Scene:
    """The real kiosk writes: a roster, the catalogue, an operator, the admin PIN, seven sales
    and a void (entries 1-8: sale 3 is voided by entry 7), an exemption."""
    home.mkdir(parents=True, exist_ok=True)
    config = home / "config.yaml"
    config.write_text(yaml.safe_dump(raw_config, allow_unicode=True), encoding="utf-8")
    settings = parse_settings(raw_config, config)
    with open_kiosk(settings, create=True, clock=lambda: NOW) as kiosk:
        kiosk.roster_importer.import_file(SAMPLE / "roster.csv", dt.date(2026, 10, 1))
        kiosk.catalog_importer.import_vendors(SAMPLE / "vendors.csv")
        kiosk.catalog_importer.import_products(SAMPLE / "products.csv")
        kiosk.operators.set_pin("Ina", "2468", kode_umkm="UMKM-001")
        kiosk.admin_pin.set_pin("482916")
        people = sorted(kiosk.roster.people_on(dt.date(2026, 11, 1)))
        numbers = []
        for index in range(6):
            numbers.append(_sell(kiosk, 10_000 + 1_000 * index, people[index]))
        kiosk.admin.void(numbers[2], "Salah input")
        numbers.append(_sell(kiosk, 25_000, None))
        kiosk.admin.exempt(people[10], Month(2026, 11), "Cuti melahirkan")
    return Scene(home, newest_head(home / "data" / "ledger.db"))


def _sell(kiosk: Any, amount: int, nip: str | None) -> str:
    result = kiosk.checkout.checkout(
        [CartLine("UMKM-001", "Kue sagu", amount)],
        buyer_nip=nip,
        operator="Ina",
        payment=Payment(PaymentMethod.TUNAI, amount),
    )
    return result.sale.number


def newest_head(database: Path, kiosk_id: str = KIOSK_ID) -> str:
    """``KIOSK_ID:SEQ:HASH12`` of the newest entry, as ``ledger verify`` prints it."""
    with contextlib.closing(sqlite3.connect(database)) as db:
        seq, digest = db.execute(
            "SELECT seq, entry_hash FROM entries WHERE kiosk_id = ? ORDER BY seq DESC LIMIT 1",
            (kiosk_id,),
        ).fetchone()
    return f"{kiosk_id}:{seq}:{digest[:12].upper()}"


# --- the attacker's tools --------------------------------------------------------------------


@contextlib.contextmanager
def unguarded(db: sqlite3.Connection) -> Iterator[None]:
    """Every trigger dropped for the edit and put back exactly as it was afterwards."""
    triggers = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
    for name, _ in triggers:
        db.execute(f"DROP TRIGGER {name}")
    yield
    for _, sql in triggers:
        db.execute(sql)


def _time(stored: str) -> dt.datetime:
    return dt.datetime.fromisoformat(stored).replace(tzinfo=dt.UTC)


def _entry(db: sqlite3.Connection, entry_id: str) -> SaleEntry | VoidEntry:
    """An entry as the kiosk's own code reads it, from what the tables hold now."""
    db.row_factory = sqlite3.Row
    try:
        head = db.execute("SELECT * FROM entries WHERE id = ?", (entry_id,)).fetchone()
        if head["kind"] == "void":
            void = db.execute("SELECT * FROM voids WHERE id = ?", (entry_id,)).fetchone()
            return VoidEntry(
                id=entry_id,
                kiosk_id=head["kiosk_id"],
                seq=head["seq"],
                prev_hash=head["prev_hash"],
                created_at=_time(void["created_at"]),
                sale_id=void["sale_id"],
                reason=void["reason"],
                voided_by=void["voided_by"],
            )
        sale = dict(db.execute("SELECT * FROM sales WHERE id = ?", (entry_id,)).fetchone())
        sale.update(kiosk_id=head["kiosk_id"], seq=head["seq"], prev_hash=head["prev_hash"])
        sale["created_at"] = _time(sale["created_at"])
        lines = db.execute(
            "SELECT * FROM sale_lines WHERE sale_id = ? ORDER BY line_no", (entry_id,)
        ).fetchall()
        return SaleEntry.from_row(
            _Row(sale), (LineFields.from_row(_Row(dict(line))) for line in lines)
        )
    finally:
        db.row_factory = None


class _Row:
    def __init__(self, values: dict[str, Any]) -> None:
        self.__dict__.update(values)


def rehash(db: sqlite3.Connection, kiosk_id: str, from_seq: int) -> None:
    """Recompute prev_hash and entry_hash from ``from_seq`` to the end, as verify would: the
    chain is consistent again. (The MACs cannot be recomputed without the key.)"""
    row = db.execute(
        "SELECT entry_hash FROM entries WHERE kiosk_id = ? AND seq = ?", (kiosk_id, from_seq - 1)
    ).fetchone()
    prev = row[0] if row else GENESIS_HASH
    ids = db.execute(
        "SELECT id FROM entries WHERE kiosk_id = ? AND seq >= ? ORDER BY seq", (kiosk_id, from_seq)
    ).fetchall()
    for (entry_id,) in ids:
        db.execute("UPDATE entries SET prev_hash = ? WHERE id = ?", (prev, entry_id))
        digest = _entry(db, entry_id).hash()
        db.execute("UPDATE entries SET entry_hash = ? WHERE id = ?", (digest, entry_id))
        prev = digest


def forge_sale(
    db: sqlite3.Connection, kiosk_id: str, seq: int, prev: str, total: int, *, mac: str | None
) -> str:
    """Insert a sale with a correctly computed hash; returns its hash."""
    entry = SaleEntry(
        id=str(uuid.uuid4()),
        kiosk_id=kiosk_id,
        seq=seq,
        prev_hash=prev,
        created_at=NOW,
        nip=None,
        operator="Ina",
        payment_method="tunai",
        cash_given=total,
        total=total,
        source="kiosk",
        note=None,
        lines=(LineFields("UMKM-001", None, "Kue sagu", total, 1),),
    )
    digest = entry.hash()
    db.execute(
        "INSERT INTO entries (id, kiosk_id, seq, kind, prev_hash, entry_hash, entry_mac) "
        "VALUES (?, ?, ?, 'sale', ?, ?, ?)",
        (entry.id, kiosk_id, seq, prev, digest, mac),
    )
    db.execute(
        "INSERT INTO sales (id, created_at, nip, operator, payment_method, cash_given, total, "
        "source, note) VALUES (?, ?, NULL, 'Ina', 'tunai', ?, ?, 'kiosk', NULL)",
        (entry.id, NOW.replace(tzinfo=None).strftime(_STORED_TIME), total, total),
    )
    db.executemany(
        "INSERT INTO sale_lines (sale_id, line_no, kode_umkm, sku, description, unit_price, "
        "quantity, subtotal) VALUES (:sale_id, :line_no, :kode_umkm, :sku, :description, "
        ":unit_price, :quantity, :subtotal)",
        entry.line_rows(),
    )
    return digest


def _entry_id(db: sqlite3.Connection, seq: int, kiosk_id: str = KIOSK_ID) -> str:
    return db.execute(
        "SELECT id FROM entries WHERE kiosk_id = ? AND seq = ?", (kiosk_id, seq)
    ).fetchone()[0]


def _delete_entry(db: sqlite3.Connection, seq: int) -> None:
    entry_id = _entry_id(db, seq)
    db.execute("DELETE FROM print_jobs WHERE sale_id = ?", (entry_id,))
    db.execute("DELETE FROM sale_lines WHERE sale_id = ?", (entry_id,))
    db.execute("DELETE FROM voids WHERE id = ?", (entry_id,))
    db.execute("DELETE FROM sales WHERE id = ?", (entry_id,))
    db.execute("DELETE FROM entries WHERE id = ?", (entry_id,))


def _head_hash(db: sqlite3.Connection, kiosk_id: str = KIOSK_ID) -> tuple[int, str]:
    return db.execute(
        "SELECT seq, entry_hash FROM entries WHERE kiosk_id = ? ORDER BY seq DESC LIMIT 1",
        (kiosk_id,),
    ).fetchone()


# --- the tamperings ---------------------------------------------------------------------------


def delete_newest_entry(db: sqlite3.Connection) -> None:
    with unguarded(db):
        _delete_entry(db, 8)


def delete_newest_three(db: sqlite3.Connection) -> None:
    with unguarded(db):
        for seq in (8, 7, 6):
            _delete_entry(db, seq)


def forged_sale_appended(db: sqlite3.Connection) -> None:
    seq, prev = _head_hash(db)
    forge_sale(db, KIOSK_ID, seq + 1, prev, 50_000, mac=None)


def forged_sale_with_a_copied_mac(db: sqlite3.Connection) -> None:
    seq, prev = _head_hash(db)
    (mac,) = db.execute("SELECT entry_mac FROM entries WHERE seq = ?", (seq,)).fetchone()
    forge_sale(db, KIOSK_ID, seq + 1, prev, 50_000, mac=mac)


def forged_chain_under_a_new_kiosk_id(db: sqlite3.Connection) -> None:
    prev = GENESIS_HASH
    for seq in (1, 2, 3):
        prev = forge_sale(db, "AMB-99", seq, prev, 40_000 + seq, mac=None)


def edit_a_sale_and_rehash(db: sqlite3.Connection) -> None:
    with unguarded(db):
        db.execute("UPDATE sales SET nip = NULL WHERE id = ?", (_entry_id(db, 2),))
        rehash(db, KIOSK_ID, 2)


def delete_a_sale_and_renumber(db: sqlite3.Connection) -> None:
    with unguarded(db):
        _delete_entry(db, 4)
        for seq in range(5, 9):
            db.execute(
                "UPDATE entries SET seq = ? WHERE kiosk_id = ? AND seq = ?",
                (seq - 1, KIOSK_ID, seq),
            )
        rehash(db, KIOSK_ID, 4)


def edit_a_void_reason_and_rehash(db: sqlite3.Connection) -> None:
    with unguarded(db):
        db.execute("UPDATE voids SET reason = 'Pembeli batal' WHERE id = ?", (_entry_id(db, 7),))
        rehash(db, KIOSK_ID, 7)


def swap_two_entries_and_rehash(db: sqlite3.Connection) -> None:
    with unguarded(db):
        first, second = _entry_id(db, 5), _entry_id(db, 6)
        db.execute("UPDATE entries SET seq = -1 WHERE id = ?", (first,))
        db.execute("UPDATE entries SET seq = 5 WHERE id = ?", (second,))
        db.execute("UPDATE entries SET seq = 6 WHERE id = ?", (first,))
        rehash(db, KIOSK_ID, 5)


def strip_every_mac_and_edit(db: sqlite3.Connection) -> None:
    """Pretend every entry was written before the ledger key existed, then edit freely."""
    with unguarded(db):
        db.execute("UPDATE entries SET entry_mac = NULL")
        db.execute("UPDATE sales SET nip = NULL WHERE id = ?", (_entry_id(db, 2),))
        rehash(db, KIOSK_ID, 2)


def exemption_inserted(db: sqlite3.Connection) -> None:
    nip = db.execute("SELECT nip FROM roster_entries ORDER BY nip LIMIT 1").fetchone()[0]
    db.execute(
        "INSERT INTO exemptions (nip, month, reason, created_by, created_at) "
        "VALUES (?, '2026-11', 'Dinas luar', 'admin', '2026-11-20 03:00:00.000000')",
        (nip,),
    )


def tingkat_lowered(db: sqlite3.Connection) -> None:
    with unguarded(db):
        db.execute("UPDATE roster_entries SET tingkat = 'honorer' WHERE tingkat = 'wali_kota'")


def roster_snapshot_inserted(db: sqlite3.Connection) -> None:
    cursor = db.execute(
        "INSERT INTO roster_imports (as_of, file_name, file_sha256, row_count, forced, "
        "imported_at, imported_by) VALUES ('2026-11-02', 'roster.csv', ?, 1, 0, "
        "'2026-11-20 03:00:00.000000', 'admin')",
        ("0" * 64,),
    )
    db.execute(
        "INSERT INTO roster_entries (import_id, nip, nama, opd, jabatan, tingkat) "
        "SELECT ?, nip, nama, opd, jabatan, 'honorer' FROM roster_entries WHERE import_id = 1",
        (cursor.lastrowid,),
    )


def audit_rows_deleted(db: sqlite3.Connection) -> None:
    with unguarded(db):
        db.execute("DELETE FROM audit_log WHERE action IN ('exemption', 'void')")


def audit_row_edited(db: sqlite3.Connection) -> None:
    with unguarded(db):
        db.execute("UPDATE audit_log SET actor = 'Yance' WHERE action = 'void'")


def trigger_left_dropped(db: sqlite3.Connection) -> None:
    db.execute("DROP TRIGGER sales_no_update")


def trigger_defanged(db: sqlite3.Connection) -> None:
    db.execute("DROP TRIGGER exemptions_no_delete")
    db.execute(
        "CREATE TRIGGER exemptions_no_delete BEFORE DELETE ON exemptions BEGIN SELECT 1; END"
    )


def admin_pin_replaced(db: sqlite3.Connection) -> None:
    db.execute("UPDATE kiosk_settings SET value = ? WHERE key = 'admin_pin'", (hash_pin("135790"),))


def operator_pin_replaced(db: sqlite3.Connection) -> None:
    db.execute("UPDATE operators SET pin_hash = ? WHERE name = 'Ina'", (hash_pin("1357"),))


def oldest_seal_dropped(db: sqlite3.Connection) -> None:
    with unguarded(db):
        db.execute("DELETE FROM seals WHERE id = (SELECT min(id) FROM seals)")


def newest_seal_dropped(db: sqlite3.Connection) -> None:
    with unguarded(db):
        db.execute("DELETE FROM seals WHERE id = (SELECT max(id) FROM seals)")


def exemption_inserted_and_resealed(db: sqlite3.Connection) -> None:
    """The seal's digest recomputed with the kiosk's code; its MAC cannot be."""
    from kiosk.ledger.engine import Database, create_ledger_engine
    from kiosk.ledger.seals import subject_digest

    exemption_inserted(db)
    db.execute("COMMIT")  # so the kiosk's code, reading the file, sees it
    path = db.execute("PRAGMA database_list").fetchone()[2]
    forger = Database(create_ledger_engine(f"sqlite:///{path}"))
    try:
        with forger.read() as connection:
            digest = subject_digest(connection, "exemptions")
    finally:
        forger.dispose()
    db.execute("BEGIN")
    (mac,) = db.execute("SELECT mac FROM seals ORDER BY id DESC LIMIT 1").fetchone()
    db.execute(
        "INSERT INTO seals (subject, digest, mac, sealed_at) "
        "VALUES ('exemptions', ?, ?, '2026-11-20 03:00:00.000000')",
        (digest, mac),
    )


@dataclass(frozen=True)
class Tampering:
    name: str
    act: Callable[[sqlite3.Connection], None]
    names: str  # the entry number or table the report must name first
    needs_head: bool = False  # only a head written down earlier can show it


TAMPERINGS = (
    Tampering("delete the newest entry", delete_newest_entry, "AMB-01-000008", needs_head=True),
    Tampering("delete the newest three", delete_newest_three, "AMB-01-000008", needs_head=True),
    Tampering("append a forged sale", forged_sale_appended, "AMB-01-000009"),
    Tampering("append a forged sale, MAC copied", forged_sale_with_a_copied_mac, "AMB-01-000009"),
    Tampering(
        "forge a chain under a new kiosk id", forged_chain_under_a_new_kiosk_id, "AMB-99-000001"
    ),
    Tampering("edit a sale, rehash the rest", edit_a_sale_and_rehash, "AMB-01-000002"),
    Tampering("delete a sale and renumber", delete_a_sale_and_renumber, "AMB-01-000004"),
    Tampering("edit a void reason, rehash", edit_a_void_reason_and_rehash, "AMB-01-000007"),
    Tampering("swap two entries, rehash", swap_two_entries_and_rehash, "AMB-01-000005"),
    Tampering("strip every MAC, edit a sale", strip_every_mac_and_edit, "entries written before"),
    Tampering("insert an exemption", exemption_inserted, "exemptions"),
    Tampering("insert an exemption and reseal", exemption_inserted_and_resealed, "seals"),
    Tampering("lower a tingkat in a roster snapshot", tingkat_lowered, "roster"),
    Tampering("insert a roster snapshot", roster_snapshot_inserted, "roster"),
    Tampering("delete audit_log rows", audit_rows_deleted, "audit_log"),
    Tampering("edit an audit_log row", audit_row_edited, "audit_log"),
    Tampering("leave a trigger dropped", trigger_left_dropped, "sales_no_update"),
    Tampering("replace a trigger with a no-op", trigger_defanged, "exemptions_no_delete"),
    Tampering("replace the admin PIN hash", admin_pin_replaced, "kiosk_settings"),
    Tampering("replace an operator's PIN hash", operator_pin_replaced, "operators"),
    Tampering("drop the oldest seal row", oldest_seal_dropped, "seals"),
    Tampering("drop the newest seal row", newest_seal_dropped, "exemptions"),
)


def tamper(scene: Scene, tampering: Tampering) -> None:
    db = sqlite3.connect(scene.database, isolation_level=None)
    try:
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("BEGIN")
        tampering.act(db)
        db.execute("COMMIT")
    finally:
        db.close()


# --- asking verify ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def caught(self) -> bool:
        """Exit 3: verify declared the ledger broken (1 is "could not check", 2 a bad
        command line: neither is a catch)."""
        return self.exit_code == 3

    def first_named(self) -> str:
        """The first entry number in what verify said, else all it said."""
        numbers = re.findall(r"[A-Z0-9][A-Z0-9-]*-\d{6}", self.stderr)
        return numbers[0] if numbers else self.stderr


def verify(scene: Scene, *extra: str) -> Outcome:
    """``jikubata ledger verify`` run in this process, as an admin would run it."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = jikubata(["--config", str(scene.config), "ledger", "verify", *extra])
        except SystemExit as exit_:  # argparse refusing the command line
            code = int(exit_.code or 0)
    return Outcome(code, out.getvalue(), err.getvalue())


def check(scene: Scene, tampering: Tampering) -> Outcome:
    extra = ("--expect-head", scene.head) if tampering.needs_head else ()
    return verify(scene, *extra)


def names_it(outcome: Outcome, tampering: Tampering) -> bool:
    if re.fullmatch(r"[A-Z0-9-]+-\d{6}", tampering.names):
        return outcome.first_named() == tampering.names
    return tampering.names in outcome.stderr
