"""What this basket does to a buyer's month: the standing as it would be after the purchase."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.compliance import MonthStanding, Status, after_purchase

rupiah = st.integers(min_value=0, max_value=10**9)


def test_a_basket_short_of_the_minimum_leaves_the_rest_to_pay() -> None:
    before = MonthStanding.of(200_000, 50_000, 1, exempt=False, on_roster=True)
    after = after_purchase(before, 45_000)
    assert (after.spent, after.minimum, after.status, after.shortfall) == (
        95_000,
        200_000,
        Status.KURANG,
        105_000,
    )
    assert after.purchases == 2


def test_a_basket_that_reaches_the_minimum_meets_it() -> None:
    before = MonthStanding.of(200_000, 0, 0, exempt=False, on_roster=True)
    assert before.status is Status.TIDAK_BELANJA
    after = after_purchase(before, 200_000)
    assert after.status is Status.MEMENUHI and after.shortfall == 0


def test_an_empty_basket_changes_nothing() -> None:
    before = MonthStanding.of(200_000, 0, 0, exempt=False, on_roster=True)
    assert after_purchase(before, 0) == before


@pytest.mark.parametrize("status", [Status.DIKECUALIKAN, Status.TIDAK_TERDAFTAR])
def test_the_excused_and_the_unlisted_stay_so(status: Status) -> None:
    before = MonthStanding(200_000, 10_000, 1, status)
    after = after_purchase(before, 500_000)
    assert after.status is status and after.spent == 510_000 and after.shortfall == 0


@given(minimum=rupiah, spent=rupiah, basket=rupiah)
def test_after_is_judging_the_month_with_the_basket(minimum: int, spent: int, basket: int) -> None:
    before = MonthStanding.of(minimum, spent, 1, exempt=False, on_roster=True)
    after = after_purchase(before, basket)
    whole = MonthStanding.of(minimum, spent + basket, 1, exempt=False, on_roster=True)
    assert (after.spent, after.status, after.shortfall) == (
        whole.spent,
        whole.status,
        whole.shortfall,
    )


def test_a_negative_basket_is_refused() -> None:
    with pytest.raises(ValueError):
        after_purchase(MonthStanding.of(1, 0, 0, exempt=False, on_roster=True), -1)
