"""The ``doctor`` check of the sync with central (wired into ``jikubata doctor`` at merge):
can central be reached, when did the last sync go through, how many entries wait, and is
the push stopped by an alarm. One line; not ok when central is unreachable or alarmed."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from ..config import Settings
from ..ledger.central_state import CentralStateReader
from ..ledger.engine import Database, create_ledger_engine
from ..services.central_status import CentralStatus, status_of

CONNECT_TIMEOUT_SECONDS = 5


def _first_line(error: object) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


def _local_status(settings: Settings) -> CentralStatus | None:
    url = make_url(settings.database_url)
    if url.get_backend_name() == "sqlite" and url.database:
        from pathlib import Path

        if not Path(url.database).exists():
            return None  # no ledger yet: nothing waits
    db = Database(create_ledger_engine(settings.database_url))
    try:
        state = CentralStateReader(db, settings.stall.kiosk_id).central_state()
    except SQLAlchemyError:
        return None  # not migrated yet, or unreadable: the other doctor checks say so
    finally:
        db.dispose()
    return status_of(state, settings.stall.tz)


def _reach(central_url: str) -> str | None:
    """None when central answers; else why not, in a few words."""
    engine = create_ledger_engine(
        central_url, connect_args={"connect_timeout": CONNECT_TIMEOUT_SECONDS}
    )
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except DBAPIError as error:
        return _first_line(error.orig)
    finally:
        engine.dispose()
    return None


def central_check(settings: Settings) -> tuple[bool, str]:
    url = settings.central.url
    if url is None:
        return True, "central: not configured (a single kiosk)"
    shown = make_url(url).render_as_string(hide_password=True)
    problem = _reach(url)
    status = _local_status(settings)
    state = ""
    if status is not None:
        when = f"{status.last_ok_at:%Y-%m-%d %H:%M}" if status.last_ok_at else "never"
        state = f"; last successful sync {when}, {status.waiting} entries waiting"
    if status is not None and status.alarm:
        return False, f"central {shown}: push stopped by an alarm: {status.alarm}"
    if problem is not None:
        return False, (
            f"central {shown} cannot be reached ({problem}){state}; the kiosk keeps selling "
            "and sends its entries when it is back"
        )
    return True, f"central {shown} reachable{state}"
