"""The stall's own time: the ledger keeps UTC, people and the regulation live in WIT."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from ..domain.months import Month
from .clock import Clock, utc_now  # not .ports: the first screen waits for this import


@dataclass(frozen=True)
class StallClock:
    tz: ZoneInfo
    utc: Clock = utc_now

    def now(self) -> dt.datetime:
        """Now, in the stall's time zone."""
        return self.utc().astimezone(self.tz)

    def today(self) -> dt.date:
        return self.now().date()

    def this_month(self) -> Month:
        """The month the regulation is judging right now (WIT, not UTC)."""
        return Month.of(self.utc(), self.tz)


@dataclass(frozen=True)
class StallFacts:
    """What the screens need to know about the stall before the ledger is open."""

    name: str
    kiosk_id: str
    clock: StallClock
