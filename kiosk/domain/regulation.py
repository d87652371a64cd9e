"""The regulation as data: tiers (positions) and minimum monthly spend per period.

A month is always judged by the period in force on its first day, so changing the rule from
some month on never changes an earlier month's result.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from .errors import DomainError, ErrorCode
from .months import Month


class RegulationProblem(ErrorCode):
    NO_PERIOD = "no_period"
    SAME_START = "same_start"
    UNDEFINED_TIER = "undefined_tier"  # start, tier: a period sets a minimum for it
    BAD_MINIMUM = "bad_minimum"  # tier, start
    TIER_LEFT_OUT = "tier_left_out"  # start, tiers
    BEFORE_FIRST_PERIOD = "before_first_period"  # month, first
    UNKNOWN_TIER = "unknown_tier"  # tier
    ROSTER_TIERS = "roster_tiers"  # day, tiers: the roster uses tiers the config lacks


class RegulationError(DomainError):
    pass


@dataclass(frozen=True)
class RulePeriod:
    start: Month
    minimums: Mapping[str, int]

    def __post_init__(self) -> None:
        object.__setattr__(self, "minimums", MappingProxyType(dict(self.minimums)))


@dataclass(frozen=True)
class Regulation:
    tiers: Mapping[str, str]  # tier key -> label shown to people
    periods: tuple[RulePeriod, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "tiers", MappingProxyType(dict(self.tiers)))
        periods = tuple(sorted(self.periods, key=lambda p: p.start))
        object.__setattr__(self, "periods", periods)
        if not periods:
            raise RegulationError(
                RegulationProblem.NO_PERIOD, "the regulation needs at least one period"
            )
        starts = [p.start for p in periods]
        if len(set(starts)) != len(starts):
            raise RegulationError(
                RegulationProblem.SAME_START, "two regulation periods start in the same month"
            )
        for period in periods:
            for tier, amount in period.minimums.items():
                if tier not in self.tiers:
                    raise RegulationError(
                        RegulationProblem.UNDEFINED_TIER,
                        f"the period from {period.start} sets a minimum for '{tier}', "
                        "which is not a defined tier",
                        start=period.start,
                        tier=tier,
                    )
                if isinstance(amount, bool) or not isinstance(amount, int) or amount < 0:
                    raise RegulationError(
                        RegulationProblem.BAD_MINIMUM,
                        f"the minimum for '{tier}' from {period.start} must be whole rupiah ≥ 0",
                        tier=tier,
                        start=period.start,
                    )
            # Every period names every tier (0 where nothing is owed): a tier left out by
            # accident would otherwise owe nothing without anyone noticing.
            left_out = [tier for tier in self.tiers if tier not in period.minimums]
            if left_out:
                raise RegulationError(
                    RegulationProblem.TIER_LEFT_OUT,
                    f"the period from {period.start} leaves out {', '.join(left_out)}; list "
                    "every tier, with 0 for those who owe nothing",
                    start=period.start,
                    tiers=", ".join(left_out),
                )

    def period_for(self, month: Month) -> RulePeriod:
        in_force = [p for p in self.periods if p.start <= month]
        if not in_force:
            raise RegulationError(
                RegulationProblem.BEFORE_FIRST_PERIOD,
                f"no rule was in force in {month}; the first period starts {self.periods[0].start}",
                month=month,
                first=self.periods[0].start,
            )
        return in_force[-1]

    def minimum(self, tier: str, month: Month) -> int:
        """The minimum for ``tier`` in ``month`` under the period in force on its 1st."""
        if tier not in self.tiers:
            raise RegulationError(
                RegulationProblem.UNKNOWN_TIER, f"'{tier}' is not a defined tier", tier=tier
            )
        return self.period_for(month).minimums[tier]

    def label(self, tier: str) -> str:
        return self.tiers.get(tier, tier)
