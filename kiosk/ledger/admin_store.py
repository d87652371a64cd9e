"""Exemptions and small kiosk settings (the admin PIN's hash), each change audited and sealed."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, insert, select, update

from ..domain.errors import DomainError, LedgerProblem
from ..domain.months import Month
from .audit import audit
from .engine import Database
from .models import Exemption, KioskSetting
from .seals import seal

EXEMPTIONS = Exemption.__table__
SETTINGS = KioskSetting.__table__


class DuplicateExemption(DomainError):
    pass


class AdminStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add_exemption(
        self, nip: str, month: Month, reason: str, *, actor: str, at: dt.datetime
    ) -> None:
        with self._db.write() as connection:
            exists = connection.execute(
                select(EXEMPTIONS.c.reason).where(
                    EXEMPTIONS.c.nip == nip, EXEMPTIONS.c.month == str(month)
                )
            ).first()
            if exists:
                raise DuplicateExemption(
                    LedgerProblem.ALREADY_EXEMPT,
                    f"{nip} is already exempt for {month} (reason: {exists.reason})",
                    nip=nip,
                    month=month,
                    reason=exists.reason,
                )
            insert_exemption(connection, nip, str(month), reason, created_by=actor, at=at)
            audit(connection, actor, "exemption", at, nip=nip, month=str(month), reason=reason)
            seal(connection, "exemptions", at)

    def exempt_nips(self, month: Month) -> set[str]:
        with self._db.read() as connection:
            return set(
                connection.execute(
                    select(EXEMPTIONS.c.nip).where(EXEMPTIONS.c.month == str(month))
                ).scalars()
            )

    def is_exempt(self, nip: str, month: Month) -> bool:
        with self._db.read() as connection:
            return (
                connection.execute(
                    select(EXEMPTIONS.c.id).where(
                        EXEMPTIONS.c.nip == nip, EXEMPTIONS.c.month == str(month)
                    )
                ).first()
                is not None
            )

    def get_setting(self, key: str) -> str | None:
        with self._db.read() as connection:
            return connection.execute(
                select(SETTINGS.c.value).where(SETTINGS.c.key == key)
            ).scalar()

    def set_setting(self, key: str, value: str, *, actor: str, at: dt.datetime) -> None:
        with self._db.write() as connection:
            found = connection.execute(select(SETTINGS.c.key).where(SETTINGS.c.key == key)).first()
            if found:
                connection.execute(update(SETTINGS).where(SETTINGS.c.key == key), {"value": value})
            else:
                connection.execute(insert(SETTINGS), {"key": key, "value": value})
            audit(connection, actor, "setting", at, key=key)
            seal(connection, "kiosk_settings", at)


def insert_exemption(
    connection: Connection, nip: str, month: str, reason: str, *, created_by: str, at: dt.datetime
) -> None:
    """One exemption row in the caller's transaction (the caller audits and seals)."""
    connection.execute(
        insert(EXEMPTIONS),
        {"nip": nip, "month": month, "reason": reason, "created_by": created_by, "created_at": at},
    )


def write_setting(connection: Connection, key: str, value: str) -> None:
    """Insert or update one kiosk setting in the caller's transaction (the caller seals)."""
    found = connection.execute(select(SETTINGS.c.key).where(SETTINGS.c.key == key)).first()
    if found:
        connection.execute(update(SETTINGS).where(SETTINGS.c.key == key), {"value": value})
    else:
        connection.execute(insert(SETTINGS), {"key": key, "value": value})
