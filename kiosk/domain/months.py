"""Calendar months in the stall's own time zone (Ambon: WIT, UTC+9, ``Asia/Jayapura``)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from .errors import DomainError, ErrorCode

_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")  # 0-9 only: int() also reads other digits
MONTH_NAMES_ID = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


class MonthProblem(ErrorCode):
    NOT_A_MONTH = "not_a_month"  # value: not written YYYY-MM
    OUT_OF_RANGE = "out_of_range"  # year, month


class MonthError(DomainError):
    pass


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    def __post_init__(self) -> None:
        if not (1 <= self.month <= 12) or not (1900 <= self.year <= 9998):
            raise MonthError(
                MonthProblem.OUT_OF_RANGE,
                f"{self.year:04d}-{self.month:02d} is not a month",
                year=self.year,
                month=self.month,
            )

    @classmethod
    def parse(cls, text: str) -> Month:
        match = _MONTH.fullmatch(text.strip())
        if not match:
            raise MonthError(
                MonthProblem.NOT_A_MONTH,
                f"'{text}' is not a month; write it as YYYY-MM, e.g. 2026-11",
                value=text,
            )
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def of(cls, moment: dt.datetime, tz: ZoneInfo) -> Month:
        """The month ``moment`` falls in, as seen on the stall's wall clock."""
        if moment.tzinfo is None:
            raise ValueError("moment must be timezone-aware")
        local = moment.astimezone(tz)
        return cls(local.year, local.month)

    @classmethod
    def of_date(cls, day: dt.date) -> Month:
        return cls(day.year, day.month)

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    @property
    def last_day(self) -> dt.date:
        return self.next().first_day - dt.timedelta(days=1)

    def next(self) -> Month:
        return Month(self.year + (self.month == 12), self.month % 12 + 1)

    def previous(self) -> Month:
        return Month(self.year - (self.month == 1), (self.month - 2) % 12 + 1)

    def utc_bounds(self, tz: ZoneInfo) -> tuple[dt.datetime, dt.datetime]:
        """[start, end) of this month in UTC, for querying timestamps stored in UTC."""
        start = dt.datetime.combine(self.first_day, dt.time(), tz).astimezone(dt.UTC)
        end = dt.datetime.combine(self.next().first_day, dt.time(), tz).astimezone(dt.UTC)
        return start, end

    def label(self) -> str:
        """How people say it: "November 2026"."""
        return f"{MONTH_NAMES_ID[self.month - 1]} {self.year}"

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"
