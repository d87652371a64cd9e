"""Push this kiosk's entries to central: every entry above ``central.acked_seq``, in seq order,
in batches, each batch one central transaction. Idempotent: an entry central already holds
with the same id and hash is simply acknowledged again; one it holds differently stops the
push with an alarm and overwrites nothing (docs/ARCHITECTURE.md, "Several kiosks: sync").

The ledger is read in a read transaction that ends before central is talked to, and the
acknowledgement is written in a short write transaction after central committed: a push
never holds the writer's lock while on the network, so it never delays a sale."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, Table, create_engine, text
from sqlalchemy.dialects import postgresql
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

from ..ledger.engine import Database
from ..ledger.models import Base
from ..services.clock import Clock
from ..services.sync import CentralUnreachable, PushResult
from .schema import PUSHED_TABLES
from .state import SyncState

log = logging.getLogger(__name__)

BATCH_SIZE = 2000  # entries per central transaction (bench/sync.py measured 500-5000)
# How each pushed table's rows are found for a range of entries (the entry's own id, or a
# line's sale).
_ROWS_OF = {
    "sales": "id",
    "sale_lines": "sale_id",
    "voids": "id",
    "shift_events": "id",
    "payouts": "id",
}
# Central unreachable for hours is normal: short timeouts, keepalives so a dead link is
# noticed in about a minute rather than never.
_CONNECT_ARGS = {
    "connect_timeout": 10,
    "keepalives": 1,
    "keepalives_idle": 30,
    "keepalives_interval": 10,
    "keepalives_count": 3,
    "application_name": "jikubata-push",
}


def central_engine(url: str) -> Engine:
    """One connection, checked before use (central may have restarted since)."""
    return create_engine(
        url,
        pool_size=1,
        max_overflow=0,
        pool_pre_ping=True,
        hide_parameters=True,
        connect_args=dict(_CONNECT_ARGS),
    )


@dataclass(frozen=True)
class _Batch:
    entries: list[tuple[Any, ...]]  # id, kiosk_id, seq, kind, prev_hash, entry_hash, entry_mac
    rows: dict[str, list[tuple[Any, ...]]]

    @property
    def last_seq(self) -> int:
        return int(self.entries[-1][2])


_ENTRY_COLUMNS = ("id", "kiosk_id", "seq", "kind", "prev_hash", "entry_hash", "entry_mac")


class HashConflict(Exception):
    pass


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _columns(name: str) -> tuple[str, ...]:
    return _ENTRY_COLUMNS if name == "entries" else tuple(c.name for c in _table(name).columns)


def _column_types(name: str) -> str:
    """The table's columns as PostgreSQL types (not LIKE: a kiosk may not read its tables)."""
    table = _table(name)
    dialect = postgresql.dialect()
    return ", ".join(f"{c} {table.c[c].type.compile(dialect=dialect)}" for c in _columns(name))


def _staging(name: str) -> str:
    return f"push_{name}"


def _stage(connection: Connection, name: str, rows: Sequence[tuple[Any, ...]]) -> None:
    """The batch's rows of one table into this session's temporary copy of it, by COPY
    (several times faster than INSERT parameters for thousands of rows). The temporary
    tables empty themselves at commit; made in the batch's own transaction, so a rolled-back
    batch (which takes them along) cannot leave the session without them."""
    raw = connection.connection.driver_connection
    assert raw is not None
    with raw.cursor() as cursor:
        cursor.execute(
            f"CREATE TEMP TABLE IF NOT EXISTS {_staging(name)} "
            f"({_column_types(name)}) ON COMMIT DELETE ROWS"
        )
        columns = ", ".join(_columns(name))
        with cursor.copy(f"COPY {_staging(name)} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)


def _insert_statement(name: str) -> str:
    columns = ", ".join(_columns(name))
    statement = f"INSERT INTO {name} ({columns}) SELECT {columns} FROM {_staging(name)}"
    if name == "entries":
        statement += " ON CONFLICT DO NOTHING RETURNING seq"
    return statement


class CentralPush:
    def __init__(
        self,
        local: Database,
        central: Engine,
        kiosk_id: str,
        state: SyncState,
        clock: Clock,
        batch_size: int = BATCH_SIZE,
    ) -> None:
        self._local = local
        self._central = central
        self._kiosk_id = kiosk_id
        self._state = state
        self._clock = clock
        self._batch_size = batch_size
        self._statements = {name: text(_insert_statement(name)) for name in PUSHED_TABLES}

    def __call__(self) -> PushResult:
        return self.push()

    def push(self) -> PushResult:
        alarm = self._state.alarm()
        acked = self._state.acked_seq()
        if alarm is not None:
            return PushResult(0, acked, self._state.head_seq(), alarm)
        pushed = 0
        try:
            held = self._check_login()
            if held < acked:
                # Central lost entries it had acknowledged (restored from a backup, or a
                # replica promoted before it caught up): send them again from there.
                log.warning("central holds entries up to %d only, not %d: resending", held, acked)
                acked = held
                self._state.set_acked_seq(acked)
            while True:
                batch = self._read_batch(acked)
                if not batch.entries:
                    break
                try:
                    self._send(batch)
                except HashConflict as conflict:
                    sentence = str(conflict)
                    self._raise_alarm(sentence)
                    return PushResult(pushed, acked, self._state.head_seq(), sentence)
                # Central committed: only now may the kiosk believe it (killed before this
                # line, the next push sends the batch again and central says "same").
                acked = batch.last_seq
                self._state.set_acked_seq(acked)
                pushed += len(batch.entries)
        except (OperationalError, InterfaceError) as error:
            raise CentralUnreachable(
                f"central could not be reached ({_first_line(error)}); "
                f"{self._state.head_seq() - acked} entries wait and go with the next sync"
            ) from None
        except DBAPIError as error:
            raise CentralUnreachable(
                f"central refused entries after number {acked} ({_first_line(error)})"
            ) from None
        return PushResult(pushed, acked, self._state.head_seq())

    def _check_login(self) -> int:
        """Who central takes this login for, and the newest entry of ours it holds (a kiosk
        pushes in order, so central holds all of them up to that one)."""
        with self._central.connect() as connection:
            known, held = connection.execute(
                text(
                    "SELECT jikubata_kiosk_of(current_user::text), "
                    "(SELECT coalesce(max(seq), 0) FROM entries WHERE kiosk_id = :kiosk)"
                ),
                {"kiosk": self._kiosk_id},
            ).one()
        if known != self._kiosk_id:
            who = f"kiosk {known}" if known else "no kiosk"
            raise CentralUnreachable(
                f"central knows this login as {who}, but this kiosk is {self._kiosk_id}; "
                f"run 'jikubata central add-kiosk {self._kiosk_id}' and use the URL it prints"
            )
        return int(held)

    def _read_batch(self, after: int) -> _Batch:
        """The next entries and their rows, in one read transaction (a snapshot: a sale
        committing meanwhile is simply in the next batch)."""
        with self._local.read() as connection:
            entries = [
                tuple(row)
                for row in connection.execute(
                    text(
                        f"SELECT {', '.join(_ENTRY_COLUMNS)} FROM entries "
                        "WHERE kiosk_id = :kiosk AND seq > :after ORDER BY seq LIMIT :limit"
                    ),
                    {"kiosk": self._kiosk_id, "after": after, "limit": self._batch_size},
                )
            ]
            rows: dict[str, list[tuple[Any, ...]]] = {}
            if entries:
                last = entries[-1][2]
                for name, link in _ROWS_OF.items():
                    columns = ", ".join(f"t.{column}" for column in _columns(name))
                    rows[name] = [
                        tuple(row)
                        for row in connection.execute(
                            text(
                                f"SELECT {columns} FROM {name} t JOIN entries e "
                                f"ON e.id = t.{link} WHERE e.kiosk_id = :kiosk "
                                "AND e.seq > :after AND e.seq <= :last ORDER BY e.seq"
                            ),
                            {"kiosk": self._kiosk_id, "after": after, "last": last},
                        )
                    ]
        return _Batch(entries, rows)

    def _send(self, batch: _Batch) -> None:
        with self._central.begin() as connection:
            _stage(connection, "entries", batch.entries)
            inserted = set(connection.execute(self._statements["entries"]).scalars())
            already = [entry for entry in batch.entries if entry[2] not in inserted]
            if already:
                self._compare(connection, already)
            new_ids = {entry[0] for entry in batch.entries if entry[2] in inserted}
            for name, link in _ROWS_OF.items():
                index = _columns(name).index(link)
                rows = [row for row in batch.rows[name] if row[index] in new_ids]
                if rows:
                    _stage(connection, name, rows)
                    connection.execute(self._statements[name])
            connection.execute(
                text(
                    "UPDATE central_kiosks SET last_push_at = now() AT TIME ZONE 'UTC', "
                    "acked_seq = :seq WHERE role_name = current_user::text"
                ),
                {"seq": batch.last_seq},
            )

    def _compare(self, connection: Connection, already: list[tuple[Any, ...]]) -> None:
        """Entries central did not insert must be there already, the same: same id, same
        hash. Otherwise (another hash, or the id under another kiosk or number) stop."""
        held = {
            row.seq: (row.id, row.entry_hash)
            for row in connection.execute(
                text(
                    "SELECT seq, id, entry_hash FROM entries "
                    "WHERE kiosk_id = :kiosk AND seq = ANY(:seqs)"
                ),
                {"kiosk": self._kiosk_id, "seqs": [entry[2] for entry in already]},
            )
        }
        for entry in already:
            if held.get(entry[2]) != (entry[0], entry[5]):
                raise HashConflict(
                    f"central holds entry {self._kiosk_id}:{entry[2]} differently (another "
                    "hash, or its id under another number): two kiosks may share the id "
                    f"{self._kiosk_id}, or this one was restored from an old backup, so its "
                    "push is stopped until an admin clears the alarm"
                )

    def _raise_alarm(self, sentence: str) -> None:
        """Locally first (the kiosk must know even if central is gone again), then central."""
        self._state.raise_alarm(sentence)
        log.error("central push stopped: %s", sentence)
        try:
            with self._central.begin() as connection:
                connection.execute(
                    text(
                        "UPDATE central_kiosks SET alarm = :alarm, "
                        "alarm_at = now() AT TIME ZONE 'UTC' "
                        "WHERE role_name = current_user::text AND alarm IS NULL"
                    ),
                    {"alarm": sentence},
                )
        except DBAPIError as error:
            log.warning("could not raise the alarm on central: %s", _first_line(error))


def _first_line(error: DBAPIError) -> str:
    return str(error.orig).strip().splitlines()[0] if error.orig else type(error).__name__
