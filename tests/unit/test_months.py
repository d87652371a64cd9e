"""Months are counted on the stall's wall clock: WIT, UTC+9, Asia/Jayapura."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.errors import DomainError
from kiosk.domain.months import Month, MonthError

WIT = ZoneInfo("Asia/Jayapura")
UTC = dt.UTC
NINE_HOURS = dt.timedelta(hours=9)

months = st.builds(Month, st.integers(1901, 9997), st.integers(1, 12))
# WIT has been exactly UTC+9 since 1964 (before that Jayapura used +09:30 and local mean time).
wit_months = st.builds(Month, st.integers(1964, 9997), st.integers(1, 12))
moments = st.datetimes(
    min_value=dt.datetime(1901, 1, 1), max_value=dt.datetime(9997, 12, 31), timezones=st.just(UTC)
)


# --- the month a sale counts for ----------------------------------------------------------


def test_a_sale_at_ten_past_midnight_wit_on_1_november_counts_for_november() -> None:
    sale = dt.datetime(2025, 11, 1, 0, 10, tzinfo=WIT)
    stored = sale.astimezone(UTC)  # the ledger stores UTC
    assert (stored.year, stored.month, stored.day) == (2025, 10, 31)
    assert Month.of(stored, WIT) == Month(2025, 11)
    assert Month.of(stored, ZoneInfo("UTC")) == Month(2025, 10)

    november_start, november_end = Month(2025, 11).utc_bounds(WIT)
    assert november_start <= stored < november_end
    october_start, october_end = Month(2025, 10).utc_bounds(WIT)
    assert not october_start <= stored < october_end


def test_a_sale_at_23_50_wit_on_31_october_counts_for_october() -> None:
    stored = dt.datetime(2025, 10, 31, 23, 50, tzinfo=WIT).astimezone(UTC)
    assert Month.of(stored, WIT) == Month(2025, 10)
    start, end = Month(2025, 10).utc_bounds(WIT)
    assert start <= stored < end


def test_november_bounds_in_utc() -> None:
    start, end = Month(2025, 11).utc_bounds(WIT)
    assert start == dt.datetime(2025, 10, 31, 15, 0, tzinfo=UTC)
    assert end == dt.datetime(2025, 11, 30, 15, 0, tzinfo=UTC)
    assert start.utcoffset() == dt.timedelta(0)
    assert end.utcoffset() == dt.timedelta(0)


@given(wit_months)
def test_utc_bounds_are_nine_hours_before_local_midnight(month: Month) -> None:
    start, end = month.utc_bounds(WIT)
    assert start.utcoffset() == dt.timedelta(0)
    assert start == dt.datetime.combine(month.first_day, dt.time(), UTC) - NINE_HOURS
    assert end == dt.datetime.combine(month.next().first_day, dt.time(), UTC) - NINE_HOURS
    assert start.astimezone(WIT).replace(tzinfo=None) == dt.datetime.combine(
        month.first_day, dt.time()
    )


@given(months)
def test_consecutive_months_tile_time(month: Month) -> None:
    assert month.utc_bounds(WIT)[1] == month.next().utc_bounds(WIT)[0]


@given(moments)
def test_every_moment_falls_inside_its_own_months_bounds(moment: dt.datetime) -> None:
    month = Month.of(moment, WIT)
    start, end = month.utc_bounds(WIT)
    assert start <= moment < end
    local = moment.astimezone(WIT)
    assert (month.year, month.month) == (local.year, local.month)


@given(moments)
def test_month_of_does_not_depend_on_the_moments_own_zone(moment: dt.datetime) -> None:
    for zone in (WIT, ZoneInfo("Asia/Jakarta"), ZoneInfo("America/New_York")):
        assert Month.of(moment.astimezone(zone), WIT) == Month.of(moment, WIT)


def test_month_of_refuses_a_naive_time() -> None:
    with pytest.raises(ValueError):
        Month.of(dt.datetime(2025, 11, 1, 0, 10), WIT)


def test_of_date() -> None:
    assert Month.of_date(dt.date(2024, 2, 29)) == Month(2024, 2)


# --- calendar arithmetic ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("month", "following"),
    [
        (Month(2025, 12), Month(2026, 1)),
        (Month(2025, 1), Month(2025, 2)),
        (Month(2025, 11), Month(2025, 12)),
        (Month(1999, 12), Month(2000, 1)),
    ],
)
def test_next_and_previous_across_year_ends(month: Month, following: Month) -> None:
    assert month.next() == following
    assert following.previous() == month


@given(months)
def test_next_and_previous_are_inverse_and_ordered(month: Month) -> None:
    assert month.next().previous() == month
    assert month.previous().next() == month
    assert month.previous() < month < month.next()
    assert month.next().first_day == month.last_day + dt.timedelta(days=1)


@given(months)
def test_first_and_last_day_bound_the_month(month: Month) -> None:
    assert month.first_day.day == 1
    assert (month.first_day.year, month.first_day.month) == (month.year, month.month)
    assert (month.last_day.year, month.last_day.month) == (month.year, month.month)
    assert (month.last_day + dt.timedelta(days=1)).day == 1


@pytest.mark.parametrize(
    ("month", "last"),
    [
        (Month(2024, 2), dt.date(2024, 2, 29)),
        (Month(2025, 2), dt.date(2025, 2, 28)),
        (Month(1900, 2), dt.date(1900, 2, 28)),
        (Month(2000, 2), dt.date(2000, 2, 29)),
        (Month(2025, 4), dt.date(2025, 4, 30)),
        (Month(2025, 12), dt.date(2025, 12, 31)),
    ],
)
def test_last_day(month: Month, last: dt.date) -> None:
    assert month.last_day == last


def test_months_order_chronologically() -> None:
    assert sorted([Month(2026, 1), Month(2025, 12), Month(2025, 2)]) == [
        Month(2025, 2),
        Month(2025, 12),
        Month(2026, 1),
    ]


# --- parsing and printing -----------------------------------------------------------------


@given(months)
def test_str_then_parse_round_trips(month: Month) -> None:
    text = str(month)
    assert len(text) == 7
    assert Month.parse(text) == month


@pytest.mark.parametrize(
    ("text", "month"),
    [("2026-11", Month(2026, 11)), (" 2022-09 ", Month(2022, 9)), ("2026-01\n", Month(2026, 1))],
)
def test_parse(text: str, month: Month) -> None:
    assert Month.parse(text) == month


@pytest.mark.parametrize(
    "text",
    [
        "",
        "2026",
        "2026-1",
        "26-11",
        "2026/11",
        "2026-11-01",
        "11-2026",
        "2026-13",
        "2026-00",
        "0000-01",
        "november",
        "2026 11",
        "2026-1a",
    ],
)
def test_parse_errors(text: str) -> None:
    with pytest.raises(MonthError):
        Month.parse(text)


def test_parse_error_says_how_to_write_a_month() -> None:
    with pytest.raises(DomainError, match="YYYY-MM"):
        Month.parse("Nov 2026")


@pytest.mark.parametrize(("year", "month"), [(2026, 0), (2026, 13), (1899, 12)])
def test_constructing_an_impossible_month_raises(year: int, month: int) -> None:
    with pytest.raises(MonthError):
        Month(year, month)


def test_months_are_named_as_people_say_them() -> None:
    assert Month(2026, 11).label() == "November 2026"
    assert Month(2027, 8).label() == "Agustus 2027"
