"""Where a buyer stands this month: what a scan shows within a tenth of a second."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from ..domain.buyer import BuyerStatus
from ..domain.compliance import MonthStanding
from ..domain.months import Month
from ..domain.regulation import Regulation
from .clock import Clock, utc_now
from .ports import AdminPort, RosterPort, SpendingPort


class StandingService:
    def __init__(
        self,
        roster: RosterPort,
        spending: SpendingPort,
        admin: AdminPort,
        regulation: Regulation,
        tz: ZoneInfo,
        clock: Clock = utc_now,
    ) -> None:
        self._roster = roster
        self._spending = spending
        self._admin = admin
        self._regulation = regulation
        self._tz = tz
        self._clock = clock

    def lookup(self, nip: str, at: dt.datetime | None = None) -> BuyerStatus:
        moment = at or self._clock()
        month = Month.of(moment, self._tz)
        today = moment.astimezone(self._tz).date()
        person = self._roster.person_on(nip, today)
        start, end = month.utc_bounds(self._tz)
        # Up to this moment: a reprint shows the month as it stood when the sale was made.
        end = min(end, moment + dt.timedelta(microseconds=1))
        spent = self._spending.of(nip, start, end)
        minimum = self._regulation.minimum(person.tingkat, month) if person else 0
        standing = MonthStanding.of(
            minimum,
            spent.total,
            spent.purchases,
            exempt=person is not None and self._admin.is_exempt(nip, month),
            on_roster=person is not None,
        )
        return BuyerStatus(
            nip, person, self._regulation.label(person.tingkat) if person else None, month, standing
        )
