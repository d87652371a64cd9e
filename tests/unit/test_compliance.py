"""Judging one person's month: MEMENUHI, KURANG, TIDAK_BELANJA, DIKECUALIKAN, TIDAK_TERDAFTAR."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.compliance import MonthStanding, Status, judge, shortfall
from kiosk.domain.months import Month
from kiosk.services.compliance import ComplianceRow

rupiah = st.integers(min_value=0, max_value=10**9)


def test_status_values_are_the_csv_words() -> None:
    assert {s.value for s in Status} == {
        "MEMENUHI",
        "KURANG",
        "TIDAK_BELANJA",
        "DIKECUALIKAN",
        "TIDAK_TERDAFTAR",
    }


@pytest.mark.parametrize(
    ("minimum", "spent", "exempt", "on_roster", "status"),
    [
        (20000, 20000, False, True, Status.MEMENUHI),
        (20000, 50000, False, True, Status.MEMENUHI),
        (20000, 19999, False, True, Status.KURANG),
        (20000, 1, False, True, Status.KURANG),
        (20000, 0, False, True, Status.TIDAK_BELANJA),
        (20000, 0, True, True, Status.DIKECUALIKAN),
        (20000, 100000, True, True, Status.DIKECUALIKAN),  # exempt wins over spending
        (20000, 5000, True, True, Status.DIKECUALIKAN),
        (0, 25000, False, False, Status.TIDAK_TERDAFTAR),
        (0, 25000, True, False, Status.TIDAK_TERDAFTAR),
        (0, 0, False, True, Status.MEMENUHI),  # a tier that owes nothing has met it
        (0, 10000, False, True, Status.MEMENUHI),
    ],
)
def test_judge(minimum: int, spent: int, exempt: bool, on_roster: bool, status: Status) -> None:
    assert judge(minimum, spent, exempt=exempt, on_roster=on_roster) is status


@given(rupiah, rupiah, st.booleans())
def test_not_on_the_roster_is_always_tidak_terdaftar(
    minimum: int, spent: int, exempt: bool
) -> None:
    assert judge(minimum, spent, exempt=exempt, on_roster=False) is Status.TIDAK_TERDAFTAR


@given(rupiah, rupiah)
def test_exempt_on_roster_is_always_dikecualikan(minimum: int, spent: int) -> None:
    assert judge(minimum, spent, exempt=True, on_roster=True) is Status.DIKECUALIKAN


@given(rupiah, rupiah)
def test_on_roster_not_exempt(minimum: int, spent: int) -> None:
    status = judge(minimum, spent, exempt=False, on_roster=True)
    if spent >= minimum:
        assert status is Status.MEMENUHI
    elif spent == 0:
        assert status is Status.TIDAK_BELANJA
    else:
        assert status is Status.KURANG


@given(rupiah, rupiah, st.integers(0, 500))
def test_shortfall_is_what_is_still_owed(minimum: int, spent: int, purchases: int) -> None:
    standing = MonthStanding.of(minimum, spent, purchases, exempt=False, on_roster=True)
    assert standing.shortfall == max(0, minimum - spent)
    assert (standing.shortfall == 0) == (standing.status is Status.MEMENUHI)


@given(rupiah, rupiah, st.integers(0, 500))
def test_no_shortfall_when_exempt(minimum: int, spent: int, purchases: int) -> None:
    standing = MonthStanding.of(minimum, spent, purchases, exempt=True, on_roster=True)
    assert standing.status is Status.DIKECUALIKAN
    assert standing.shortfall == 0


def test_no_shortfall_when_not_on_roster() -> None:
    standing = MonthStanding.of(20000, 5000, 1, exempt=False, on_roster=False)
    assert standing.status is Status.TIDAK_TERDAFTAR
    assert standing.shortfall == 0


def test_standing_keeps_its_figures() -> None:
    standing = MonthStanding.of(30000, 12000, 2, exempt=False, on_roster=True)
    assert (standing.minimum, standing.spent, standing.purchases) == (30000, 12000, 2)
    assert standing.status is Status.KURANG
    assert standing.shortfall == 18000


@pytest.mark.parametrize(
    ("minimum", "spent", "status", "owed"),
    [
        (20000, 5000, Status.KURANG, 15000),
        (20000, 0, Status.TIDAK_BELANJA, 20000),
        (20000, 25000, Status.MEMENUHI, 0),
        (20000, 5000, Status.DIKECUALIKAN, 0),
        (0, 7000, Status.TIDAK_TERDAFTAR, 0),
    ],
)
def test_shortfall_is_one_rule(minimum: int, spent: int, status: Status, owed: int) -> None:
    assert shortfall(minimum, spent, status) == owed


@given(rupiah, rupiah, st.booleans(), st.booleans())
def test_the_report_row_and_the_scan_screen_owe_the_same(
    minimum: int, spent: int, exempt: bool, on_roster: bool
) -> None:
    status = judge(minimum, spent, exempt=exempt, on_roster=on_roster)
    standing = MonthStanding(minimum, spent, 1, status)
    row = ComplianceRow(Month(2026, 11), "x", "", "", "", "", minimum, spent, 1, status)
    assert row.shortfall == standing.shortfall == shortfall(minimum, spent, status)
