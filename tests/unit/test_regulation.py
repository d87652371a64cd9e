"""Minimums per tier, kept as periods: a month is judged by the period in force on its 1st."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.errors import DomainError
from kiosk.domain.months import Month
from kiosk.domain.regulation import Regulation, RegulationError, RulePeriod

TIERS = {
    "wali_kota": "Wali Kota",
    "eselon_iii": "Eselon III / Administrator",
    "eselon_iv": "Eselon IV / Pengawas",
    "honorer": "Tenaga Honorer",
}
FIRST = RulePeriod(
    Month(2022, 9), {"wali_kota": 200000, "eselon_iii": 30000, "eselon_iv": 20000, "honorer": 0}
)
SECOND = RulePeriod(
    Month(2024, 1), {"wali_kota": 250000, "eselon_iii": 35000, "eselon_iv": 25000, "honorer": 0}
)


def full(**changes: object) -> dict[str, object]:
    """A complete period's minimums (every tier), with some changed."""
    return {**FIRST.minimums, **changes}


months = st.builds(Month, st.integers(2022, 2035), st.integers(1, 12)).filter(
    lambda m: m >= Month(2022, 9)
)


@pytest.fixture
def regulation() -> Regulation:
    return Regulation(TIERS, (FIRST, SECOND))


def test_the_period_in_force_on_the_first_day_is_used(regulation: Regulation) -> None:
    assert regulation.period_for(Month(2022, 9)) == FIRST
    assert regulation.period_for(Month(2023, 12)) == FIRST
    assert regulation.period_for(Month(2024, 1)) == SECOND
    assert regulation.period_for(Month(2031, 6)) == SECOND


def test_minimums_follow_the_period(regulation: Regulation) -> None:
    assert regulation.minimum("eselon_iv", Month(2022, 9)) == 20000
    assert regulation.minimum("eselon_iv", Month(2023, 12)) == 20000
    assert regulation.minimum("eselon_iv", Month(2024, 1)) == 25000
    assert regulation.minimum("wali_kota", Month(2024, 2)) == 250000


def test_periods_given_out_of_order_are_sorted() -> None:
    regulation = Regulation(TIERS, (SECOND, FIRST))
    assert regulation.periods == (FIRST, SECOND)
    assert regulation.minimum("eselon_iii", Month(2023, 1)) == 30000


@given(months, st.builds(Month, st.integers(2022, 2035), st.integers(1, 12)), st.data())
def test_a_rule_change_applies_from_its_month_on_never_backwards(
    month: Month, change: Month, data
) -> None:
    base = Regulation(TIERS, (FIRST,))
    if change <= FIRST.start:
        change = FIRST.start.next()
    new = {tier: data.draw(st.integers(0, 10**6), label=tier) for tier in TIERS}
    changed = Regulation(TIERS, (FIRST, RulePeriod(change, new)))
    for tier in ("wali_kota", "eselon_iii", "eselon_iv"):
        if month < change:
            assert changed.minimum(tier, month) == base.minimum(tier, month)
        else:
            assert changed.minimum(tier, month) == new[tier]


def test_a_month_before_the_first_period_raises(regulation: Regulation) -> None:
    with pytest.raises(RegulationError, match="2022-09"):
        regulation.period_for(Month(2022, 8))
    with pytest.raises(RegulationError):
        regulation.minimum("eselon_iv", Month(2021, 12))


def test_minimum_for_an_undefined_tier_raises(regulation: Regulation) -> None:
    with pytest.raises(RegulationError, match="camat"):
        regulation.minimum("camat", Month(2023, 1))


def test_a_period_must_name_every_tier() -> None:
    partial = RulePeriod(Month(2025, 1), {"wali_kota": 300000})
    with pytest.raises(RegulationError, match=r"2025-01 leaves out eselon_iii, eselon_iv, honorer"):
        Regulation(TIERS, (FIRST, partial))


def test_a_tier_that_owes_nothing_says_0(regulation: Regulation) -> None:
    assert regulation.minimum("honorer", Month(2023, 1)) == 0


def test_labels(regulation: Regulation) -> None:
    assert regulation.label("eselon_iv") == "Eselon IV / Pengawas"
    assert regulation.label("unknown_tier") == "unknown_tier"


def test_the_rule_cannot_be_changed_through_the_dicts_it_was_built_from() -> None:
    tiers = dict(TIERS)
    minimums = full(eselon_iv=20000)
    regulation = Regulation(tiers, (RulePeriod(Month(2022, 9), minimums),))
    minimums["eselon_iv"] = 1
    tiers["camat"] = "Camat"
    assert regulation.minimum("eselon_iv", Month(2022, 9)) == 20000
    with pytest.raises(RegulationError):
        regulation.minimum("camat", Month(2022, 9))
    with pytest.raises(TypeError):
        regulation.periods[0].minimums["eselon_iv"] = 5  # type: ignore[index]


# --- a regulation that cannot be built ----------------------------------------------------


def test_at_least_one_period_is_needed() -> None:
    with pytest.raises(RegulationError):
        Regulation(TIERS, ())


def test_two_periods_in_the_same_month_are_refused() -> None:
    with pytest.raises(RegulationError, match="same month"):
        Regulation(TIERS, (FIRST, RulePeriod(Month(2022, 9), {"eselon_iv": 1})))


def test_a_minimum_for_an_undefined_tier_is_refused() -> None:
    with pytest.raises(RegulationError, match="camat"):
        Regulation(TIERS, (RulePeriod(Month(2022, 9), {"camat": 50000}),))


@pytest.mark.parametrize("amount", [-1, 20000.0, 20000.5, "20000", True, None])
def test_a_minimum_must_be_whole_non_negative_rupiah(amount: object) -> None:
    with pytest.raises(RegulationError, match="eselon_iv"):
        Regulation(TIERS, (RulePeriod(Month(2022, 9), full(eselon_iv=amount)),))  # type: ignore[dict-item]


def test_a_zero_minimum_is_allowed() -> None:
    regulation = Regulation(TIERS, (RulePeriod(Month(2022, 9), full(honorer=0)),))
    assert regulation.minimum("honorer", Month(2022, 9)) == 0


def test_regulation_error_is_a_domain_error() -> None:
    assert issubclass(RegulationError, DomainError)
