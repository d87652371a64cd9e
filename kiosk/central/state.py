"""The sync's state, kept in the kiosk's own ``kiosk_settings`` (no migration): which entries
central holds, the last good sync, the last error, the alarm. These ``central.*`` keys are
left out of the kiosk_settings seal (ledger/seals.py): they change with every sync and prove
nothing; central's copy is the evidence."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, func, insert, select, update

from ..ledger.engine import Database
from ..ledger.models import Entry, KioskSetting
from ..services.sync import SyncStatus

ACKED_SEQ = "central.acked_seq"
LAST_OK_AT = "central.last_ok_at"
LAST_ERROR = "central.last_error"
ALARM = "central.alarm"

SETTINGS = KioskSetting.__table__
ENTRIES = Entry.__table__


class SyncState:
    def __init__(self, db: Database, kiosk_id: str) -> None:
        self._db = db
        self._kiosk_id = kiosk_id

    def _get(self, key: str) -> str | None:
        with self._db.read() as connection:
            return connection.execute(
                select(SETTINGS.c.value).where(SETTINGS.c.key == key)
            ).scalar_one_or_none()

    def _set(self, values: dict[str, str | None]) -> None:
        """One short write transaction (never held while central is being talked to)."""
        with self._db.write() as connection:
            for key, value in values.items():
                if value is None:
                    connection.execute(delete(SETTINGS).where(SETTINGS.c.key == key))
                    continue
                done = connection.execute(
                    update(SETTINGS).where(SETTINGS.c.key == key).values(value=value)
                )
                if not done.rowcount:
                    connection.execute(insert(SETTINGS).values(key=key, value=value))

    def acked_seq(self) -> int:
        return int(self._get(ACKED_SEQ) or 0)

    def set_acked_seq(self, seq: int) -> None:
        self._set({ACKED_SEQ: str(seq)})

    def head_seq(self) -> int:
        with self._db.read() as connection:
            head = connection.execute(
                select(func.max(ENTRIES.c.seq)).where(ENTRIES.c.kiosk_id == self._kiosk_id)
            ).scalar_one()
        return int(head or 0)

    def alarm(self) -> str | None:
        return self._get(ALARM) or None

    def raise_alarm(self, sentence: str) -> None:
        self._set({ALARM: sentence, LAST_ERROR: sentence})

    def clear_alarm(self) -> bool:
        had = self.alarm() is not None
        self._set({ALARM: None})
        return had

    def record_ok(self, at: dt.datetime) -> None:
        self._set({LAST_OK_AT: at.astimezone(dt.UTC).isoformat(), LAST_ERROR: None})

    def record_error(self, sentence: str) -> None:
        self._set({LAST_ERROR: sentence})

    def status(self) -> SyncStatus:
        with self._db.read() as connection:
            values = dict(
                connection.execute(
                    select(SETTINGS.c.key, SETTINGS.c.value).where(
                        SETTINGS.c.key.in_((ACKED_SEQ, LAST_OK_AT, LAST_ERROR, ALARM))
                    )
                ).all()
            )
        last_ok = values.get(LAST_OK_AT)
        waiting = self.head_seq() - int(values.get(ACKED_SEQ) or 0)
        return SyncStatus(
            last_ok_at=dt.datetime.fromisoformat(last_ok) if last_ok else None,
            waiting=max(waiting, 0),
            last_error=values.get(LAST_ERROR) or None,
            alarm=values.get(ALARM) or None,
        )
