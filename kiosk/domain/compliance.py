"""Judging one person's month against the minimum."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Status(enum.Enum):
    MEMENUHI = "MEMENUHI"  # met
    KURANG = "KURANG"  # bought, not enough
    TIDAK_BELANJA = "TIDAK_BELANJA"  # bought nothing
    DIKECUALIKAN = "DIKECUALIKAN"  # excused for the month
    TIDAK_TERDAFTAR = "TIDAK_TERDAFTAR"  # bought, but on no roster


def judge(minimum: int, spent: int, *, exempt: bool, on_roster: bool) -> Status:
    if not on_roster:
        return Status.TIDAK_TERDAFTAR
    if exempt:
        return Status.DIKECUALIKAN
    if spent >= minimum:
        return Status.MEMENUHI  # also a tier that owes nothing (minimum 0)
    return Status.KURANG if spent > 0 else Status.TIDAK_BELANJA


def shortfall(minimum: int, spent: int, status: Status) -> int:
    """What is still missing to reach the minimum; nothing for the excused and the unlisted."""
    if status in (Status.DIKECUALIKAN, Status.TIDAK_TERDAFTAR):
        return 0
    return max(0, minimum - spent)


@dataclass(frozen=True)
class MonthStanding:
    """Where one buyer stands this month: what the scan screen and the receipt show."""

    minimum: int
    spent: int
    purchases: int
    status: Status

    @property
    def shortfall(self) -> int:
        return shortfall(self.minimum, self.spent, self.status)

    @classmethod
    def of(
        cls, minimum: int, spent: int, purchases: int, *, exempt: bool, on_roster: bool
    ) -> MonthStanding:
        return cls(
            minimum, spent, purchases, judge(minimum, spent, exempt=exempt, on_roster=on_roster)
        )


def after_purchase(standing: MonthStanding, basket_total: int) -> MonthStanding:
    """The month as it would stand once a basket of ``basket_total`` is paid: what the buyer
    panel and the payment screen show. The excused and the unlisted stay so whatever is spent;
    an empty basket changes nothing."""
    if basket_total < 0:
        raise ValueError("a basket total is never negative")
    if basket_total == 0:
        return standing
    spent = standing.spent + basket_total
    status = standing.status
    if status not in (Status.DIKECUALIKAN, Status.TIDAK_TERDAFTAR):
        status = judge(standing.minimum, spent, exempt=False, on_roster=True)
    return MonthStanding(standing.minimum, spent, standing.purchases + 1, status)
