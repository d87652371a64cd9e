"""The till's arithmetic: counts by denomination, the canonical JSON the chain hashes, and
the expected cash."""

from __future__ import annotations

import pytest

from kiosk.domain.errors import DomainError
from kiosk.domain.till import CashCount, CashFigures, CountProblem


def test_a_count_adds_notes_and_coins():
    count = CashCount({100_000: 3, 2_000: 4}, coins=1_500)
    assert count.total == 309_500


def test_the_count_is_stored_in_one_canonical_form_and_read_back():
    count = CashCount({2_000: 4, 100_000: 3}, coins=1_500)
    text = count.to_json()
    assert text == (
        '{"100000":3,"50000":0,"20000":0,"10000":0,"5000":0,"2000":4,"1000":0,"coins":1500}'
    )
    assert CashCount.from_json(text) == CashCount({100_000: 3, 2_000: 4}, coins=1_500)


@pytest.mark.parametrize(
    ("pieces", "coins", "code"),
    [
        ({50_000: -1}, 0, CountProblem.NEGATIVE_PIECES),
        ({500: 2}, 0, CountProblem.UNKNOWN_DENOMINATION),
        ({}, -100, CountProblem.NEGATIVE_COINS),
    ],
)
def test_an_impossible_count_is_refused_with_its_code(pieces, coins, code):
    with pytest.raises(DomainError) as refused:
        CashCount(pieces, coins)
    assert refused.value.code is code


def test_expected_cash_is_float_plus_sales_minus_voids_and_payouts():
    figures = CashFigures(
        float_amount=100_000, cash_sales=450_000, cash_voids=25_000, cash_payouts=50_000
    )
    assert figures.expected == 475_000
    assert figures.difference(470_000) == -5_000
