"""The kiosk's sync state with central, read in one transaction: the ``central.*`` rows of
kiosk_settings and this kiosk's newest entry number."""

from __future__ import annotations

from sqlalchemy import func, select

from ..services.central_status import CentralState
from .engine import Database
from .models import Entry, KioskSetting

SETTINGS = KioskSetting.__table__
ENTRIES = Entry.__table__


class CentralStateReader:
    def __init__(self, db: Database, kiosk_id: str) -> None:
        self._db = db
        self._kiosk_id = kiosk_id

    def central_state(self) -> CentralState:
        with self._db.read() as connection:
            rows = connection.execute(
                select(SETTINGS.c.key, SETTINGS.c.value).where(SETTINGS.c.key.like("central.%"))
            ).all()
            head = connection.execute(
                select(func.max(ENTRIES.c.seq)).where(ENTRIES.c.kiosk_id == self._kiosk_id)
            ).scalar()
        return CentralState({row.key: row.value for row in rows}, int(head or 0))
