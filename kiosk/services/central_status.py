"""What the admin area shows of the sync with central: the last successful sync, the entries
waiting to be sent and the last error, each read from the kiosk's own kiosk_settings (the
sync worker writes them; nothing here touches the network), and the alarm when the push was
stopped. None when the config has no central section (a single kiosk)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

# Written by the push (cpush) and the pull (kiosk/central/pull.py); see docs/ARCHITECTURE.md.
ACKED_SEQ = "central.acked_seq"
LAST_OK_AT = "central.last_ok_at"
LAST_ERROR = "central.last_error"
ALARM = "central.alarm"
PULL_ERROR = "central.pull.last_error"


@dataclass(frozen=True)
class CentralState:
    values: Mapping[str, str]  # the kiosk_settings rows whose key starts with "central."
    head_seq: int  # this kiosk's newest entry number (0: none yet)


class CentralStatePort(Protocol):
    def central_state(self) -> CentralState: ...


@dataclass(frozen=True)
class CentralStatus:
    last_ok_at: dt.datetime | None  # in the stall's time zone; None: never synced
    waiting: int  # entries central has not acknowledged yet
    last_error: str | None  # one sentence; None after a sync that went through
    alarm: str | None  # the push is stopped (a hash conflict) until an admin clears it

    def line(self) -> str:
        """One English sentence, for the command line and doctor."""
        when = f"{self.last_ok_at:%Y-%m-%d %H:%M %Z}" if self.last_ok_at else "never"
        text = f"central: last successful sync {when}, {self.waiting} entries waiting"
        if self.alarm:
            return f"{text}; ALARM: {self.alarm}"
        if self.last_error:
            return f"{text}; last error: {self.last_error}"
        return text


def _time(text: str | None, tz: dt.tzinfo) -> dt.datetime | None:
    if not text:
        return None
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None  # unreadable: shown as never rather than failing the admin menu
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(tz)


def _count(text: str | None) -> int:
    return int(text) if text and text.isascii() and text.isdigit() else 0


def status_of(state: CentralState, tz: dt.tzinfo) -> CentralStatus:
    values = state.values
    return CentralStatus(
        last_ok_at=_time(values.get(LAST_OK_AT), tz),
        waiting=max(0, state.head_seq - _count(values.get(ACKED_SEQ))),
        last_error=(values.get(LAST_ERROR) or values.get(PULL_ERROR) or "").strip() or None,
        alarm=(values.get(ALARM) or "").strip() or None,
    )


class CentralStatusService:
    def __init__(self, state: CentralStatePort, tz: dt.tzinfo, *, enabled: bool) -> None:
        self._state = state
        self._tz = tz
        self.enabled = enabled

    def status(self) -> CentralStatus | None:
        if not self.enabled:
            return None
        return status_of(self._state.central_state(), self._tz)
