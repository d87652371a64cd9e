"""The stall's fee, what a payout may be, and the balance carried from month to month
(kiosk/domain/settlement.py), and the ``settlement.fee_percent`` config key."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from kiosk.config import ConfigError, parse_settings
from kiosk.domain.errors import DomainError
from kiosk.domain.months import Month
from kiosk.domain.settlement import (
    MAX_PAYOUT,
    FeePeriod,
    FeeSchedule,
    PayoutProblem,
    carry,
    check_amount,
    check_note,
    fee_of,
    months_between,
    percent_text,
)

SHIPPED = Path(__file__).resolve().parents[2] / "config.yaml"
OCT, NOV, DEC = Month(2026, 10), Month(2026, 11), Month(2026, 12)


# --- the fee ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pendapatan", "basis_points", "fee"),
    [
        (15_020, 250, 376),  # Rp375,5 rounds half up
        (15_000, 250, 375),
        (10_000, 0, 0),
        (0, 250, 0),
        (1, 5_000, 1),  # Rp0,5 -> Rp1
        (1, 4_999, 0),
        (895_000, 10_000, 895_000),  # 100 %
        (333, 333, 11),  # 11,0889
    ],
)
def test_the_fee_is_whole_rupiah_rounded_half_up(pendapatan, basis_points, fee):
    assert fee_of(pendapatan, basis_points) == fee


@given(st.integers(0, 10**12), st.integers(0, 10_000))
def test_the_fee_never_exceeds_the_earnings_and_matches_exact_rounding(pendapatan, points):
    fee = fee_of(pendapatan, points)
    assert 0 <= fee <= pendapatan
    exact_twice = 2 * pendapatan * points  # fee*10000 within half a rupiah, ties upward
    assert 2 * fee * 10_000 - 10_000 <= exact_twice < 2 * fee * 10_000 + 10_000


@pytest.mark.parametrize(
    ("points", "text"), [(0, "0"), (250, "2.5"), (1_000, "10"), (5, "0.05"), (10_000, "100")]
)
def test_percent_text(points, text):
    assert percent_text(points) == text


def test_a_schedule_applies_each_period_from_its_month_and_zero_before_the_first():
    fees = FeeSchedule((FeePeriod(DEC, 500), FeePeriod(NOV, 250)))  # any order
    assert fees.basis_points(OCT) == 0
    assert fees.basis_points(NOV) == 250
    assert fees.basis_points(Month(2027, 5)) == 500
    assert fees.fee(15_020, NOV) == 376
    assert fees.percent(DEC) == "5"
    assert FeeSchedule().fee(100_000, NOV) == 0
    assert FeeSchedule.flat(250).basis_points(Month(1900, 1)) == 250


# --- a payout's amount and note -----------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "code"),
    [
        (0, PayoutProblem.NOT_POSITIVE),
        (-5_000, PayoutProblem.NOT_POSITIVE),
        (True, PayoutProblem.NOT_POSITIVE),
        (2.5, PayoutProblem.NOT_POSITIVE),
        (MAX_PAYOUT + 1, PayoutProblem.TOO_LARGE),
    ],
)
def test_a_payout_is_whole_rupiah_above_zero(amount, code):
    with pytest.raises(DomainError) as caught:
        check_amount(amount)
    assert caught.value.code is code


def test_a_note_is_one_line_and_not_empty():
    assert check_note("  Diserahkan\ntunai  ke Ibu Ona ") == "Diserahkan tunai ke Ibu Ona"
    for note in ("", "   ", "\n\t"):
        with pytest.raises(DomainError) as caught:
            check_note(note)
        assert caught.value.code is PayoutProblem.NO_NOTE
    with pytest.raises(DomainError) as caught:
        check_note("x" * 501)
    assert caught.value.code is PayoutProblem.NOTE_TOO_LONG


# --- the balance ----------------------------------------------------------------------------


def test_the_balance_carries_from_month_to_month():
    fees = FeeSchedule.flat(250)
    figures = carry(
        months_between(OCT, DEC),
        [(OCT, 100_000), (NOV, 15_020), (NOV, 0)],
        [(OCT, 50_000), (NOV, 80_000), (DEC, -10_000)],  # December: a reversal
        fees,
    )
    oct_, nov, dec = figures
    assert (oct_.pendapatan, oct_.potongan, oct_.hak_umkm, oct_.dibayar) == (
        100_000,
        2_500,
        97_500,
        50_000,
    )
    assert oct_.saldo == 47_500
    assert (nov.potongan, nov.hak_umkm, nov.saldo) == (376, 14_644, 47_500 + 14_644 - 80_000)
    assert nov.saldo == -17_856  # paid in advance
    assert nov.saldo_awal == oct_.saldo
    assert (dec.pendapatan, dec.dibayar, dec.saldo) == (0, -10_000, -7_856)


def test_months_between():
    assert months_between(Month(2026, 11), Month(2027, 2)) == [
        Month(2026, 11),
        Month(2026, 12),
        Month(2027, 1),
        Month(2027, 2),
    ]
    assert months_between(DEC, NOV) == []
    assert months_between(Month(9998, 12), Month(9998, 12)) == [Month(9998, 12)]


# --- config: settlement.fee_percent ---------------------------------------------------------


@pytest.fixture
def raw() -> dict[str, Any]:
    return copy.deepcopy(yaml.safe_load(SHIPPED.read_text(encoding="utf-8")))


def test_the_shipped_fee_is_zero(raw, tmp_path):
    settings = parse_settings(raw, tmp_path / "config.yaml")
    assert settings.settlement.fee_percent == FeeSchedule.flat(0)


def test_left_out_the_fee_is_zero(raw, tmp_path):
    del raw["settlement"]
    assert parse_settings(raw, tmp_path / "config.yaml").settlement.fee_percent.fee(
        1_000_000, NOV
    ) == (0)


@pytest.mark.parametrize(("value", "points"), [(2.5, 250), (10, 1_000), (0.75, 75), (100, 10_000)])
def test_a_fee_percentage(raw, tmp_path, value, points):
    raw["settlement"] = {"fee_percent": value}
    fees = parse_settings(raw, tmp_path / "config.yaml").settlement.fee_percent
    assert fees == FeeSchedule.flat(points)


@pytest.mark.parametrize(
    "value",
    [-1, 100.01, 101, 2.555, 0.001, "2.5", "2,5", True, None, float("nan"), float("inf"), {}],
)
def test_a_bad_fee_percentage_names_the_key(raw, tmp_path, value):
    raw["settlement"] = {"fee_percent": value}
    with pytest.raises(ConfigError) as caught:
        parse_settings(raw, tmp_path / "config.yaml")
    assert "settlement.fee_percent must be a percentage from 0 to 100 with at most 2 decimals" in (
        str(caught.value)
    )


def test_a_changed_fee_is_a_new_period_and_past_months_keep_theirs(raw, tmp_path):
    raw["settlement"] = {
        "fee_percent": [
            {"from": dt.date(2027, 1, 1), "percent": 2.5},
            {"from": "2026-01-01", "percent": 0},
        ]
    }
    fees = parse_settings(raw, tmp_path / "config.yaml").settlement.fee_percent
    assert fees.basis_points(Month(2025, 12)) == 0
    assert fees.basis_points(DEC) == 0
    assert fees.basis_points(Month(2027, 1)) == 250


@pytest.mark.parametrize(
    ("periods", "named"),
    [
        ([], "settlement.fee_percent must be a percentage or a list"),
        ([{"from": dt.date(2027, 1, 2), "percent": 1}], "settlement.fee_percent[0].from"),
        ([{"from": dt.date(2027, 1, 1)}], "settlement.fee_percent[0].percent is required"),
        (
            [{"from": dt.date(2027, 1, 1), "percent": 1.234}],
            "settlement.fee_percent[0].percent must be a percentage",
        ),
        (
            [{"from": dt.date(2027, 1, 1), "percent": 1, "until": dt.date(2028, 1, 1)}],
            "settlement.fee_percent[0].until is not a known setting",
        ),
        (
            [{"from": dt.date(2027, 1, 1), "percent": 1}, {"from": "2027-01-01", "percent": 2}],
            "settlement.fee_percent[1].from: two periods start in 2027-01",
        ),
        (["2.5"], "settlement.fee_percent[0] must be a section of keys"),
    ],
)
def test_bad_fee_periods_name_the_key(raw, tmp_path, periods, named):
    raw["settlement"] = {"fee_percent": periods}
    with pytest.raises(ConfigError) as caught:
        parse_settings(raw, tmp_path / "config.yaml")
    assert named in str(caught.value)
