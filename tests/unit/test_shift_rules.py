"""The till shift's pure rules: amounts, reasons, the stall's midnight, the next step at
login, and how a shift's figures read (difference, automatic close, the export's cells)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from kiosk.domain.errors import DomainError
from kiosk.domain.shift import (
    REASON_LIMIT,
    REASON_TEXT,
    ShiftProblem,
    closing_reason,
    operator_name,
    outlived_its_day,
    whole_rupiah,
)
from kiosk.domain.till import CashFigures, DifferenceReason
from kiosk.services.shift_figures import NextStep, OpenShift, ShiftFigures, ShiftStart

WIT = ZoneInfo("Asia/Jayapura")
AT = dt.datetime(2026, 11, 20, 0, 0, tzinfo=dt.UTC)  # 09:00 WIT


def figures(**changes: object) -> ShiftFigures:
    base = {
        "shift_id": "s",
        "kiosk_id": "AMB-01",
        "shift_no": 4,
        "opened_at": AT,
        "closed_at": None,
        "operators": ("Ina",),
        "closed_by": None,
        "cash": CashFigures(100_000, 50_000, 10_000, 0),
        "counted": None,
        "counts": None,
        "reason": None,
        "note": None,
        "qris_total": 0,
        "sale_count": 0,
        "void_count": 0,
        "void_amount": 0,
        "first_seq": None,
        "last_seq": None,
    }
    return ShiftFigures(**{**base, **changes})  # type: ignore[arg-type]


@pytest.mark.parametrize("amount", [0, 1, 150_000])
def test_whole_rupiah_from_zero_up_pass(amount):
    assert whole_rupiah(amount) == amount


@pytest.mark.parametrize(
    ("amount", "code"),
    [
        (-500, ShiftProblem.NEGATIVE_AMOUNT),
        (1000.5, ShiftProblem.NOT_WHOLE),
        (1000.0, ShiftProblem.NOT_WHOLE),
        ("1000", ShiftProblem.NOT_WHOLE),
        (False, ShiftProblem.NOT_WHOLE),
    ],
)
def test_anything_else_is_refused_with_its_code(amount, code):
    with pytest.raises(DomainError) as error:
        whole_rupiah(amount)
    assert error.value.code is code


def test_a_difference_needs_a_reason_and_says_how_much():
    with pytest.raises(DomainError) as error:
        closing_reason(-5_000, "  ")
    assert error.value.code is ShiftProblem.REASON_NEEDED
    assert error.value.values == {"difference": "-Rp5.000"}
    with pytest.raises(DomainError) as error:
        closing_reason(2_000, None)
    assert error.value.values == {"difference": "+Rp2.000"}


def test_a_reason_is_kept_on_one_line_and_within_its_limit():
    assert closing_reason(-1, " Salah\n hitung ") == "Salah hitung"
    assert closing_reason(0, "") is None
    assert closing_reason(0, "dicek dua kali") == "dicek dua kali"
    with pytest.raises(DomainError) as error:
        closing_reason(-1, "x" * (REASON_LIMIT + 1))
    assert error.value.code is ShiftProblem.REASON_TOO_LONG


def test_every_difference_reason_has_its_words():
    assert set(REASON_TEXT) == set(DifferenceReason)


def test_an_operator_needs_a_name():
    assert operator_name("  Ina ") == "Ina"
    with pytest.raises(DomainError) as error:
        operator_name(" ")
    assert error.value.code is ShiftProblem.NO_OPERATOR


@pytest.mark.parametrize(
    ("opened", "now", "outlived"),
    [
        ("2026-11-20 08:00", "2026-11-20 23:59", False),
        ("2026-11-20 08:00", "2026-11-21 00:00", True),  # midnight in Ambon
        ("2026-11-20 08:00", "2026-11-21 07:30", True),
        ("2026-11-20 23:30", "2026-11-21 00:10", True),  # still 20 Nov in UTC
    ],
)
def test_a_shift_outlives_its_day_at_the_stalls_midnight(opened, now, outlived):
    def wit(text: str) -> dt.datetime:
        return dt.datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=WIT)

    assert outlived_its_day(wit(opened).astimezone(dt.UTC), wit(now), WIT) is outlived


def test_the_step_after_login_follows_who_holds_the_shift():
    shift = OpenShift("s", "AMB-01", 1, AT, 0, ("Ina", "Yance"))
    assert shift.opened_by == "Ina" and shift.holder == "Yance"
    assert ShiftStart("Ina", None).next_step is NextStep.OPEN
    assert ShiftStart("Yance", shift).next_step is NextStep.CONTINUE
    assert ShiftStart("Ina", shift).next_step is NextStep.TAKE_OVER


def test_an_open_shift_expects_its_arithmetic_and_has_no_difference():
    open_shift = figures()
    assert open_shift.is_open and not open_shift.auto_closed
    assert open_shift.expected == 140_000 and open_shift.difference is None


def test_a_closed_shift_reads_what_its_close_recorded():
    closed = figures(
        closed_at=AT, counted=139_000, closed_expected=140_000, reason="Salah hitung", note=None
    )
    assert closed.difference == -1_000 and closed.remarks == "Salah hitung"


def test_an_automatic_close_has_no_count_and_says_so():
    closed = figures(closed_at=AT, closed_expected=140_000, note="ditutup otomatis")
    assert closed.auto_closed and closed.difference is None
    assert closed.remarks == "ditutup otomatis"


def test_receipt_numbers_come_from_the_first_and_last_sale():
    assert figures(first_seq=12, last_seq=40).first_receipt == "AMB-01-000012"
    assert figures(first_seq=12, last_seq=40).last_receipt == "AMB-01-000040"
    assert figures().first_receipt is None
