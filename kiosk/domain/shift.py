"""The rules of a till shift (sesi kasir) that need no storage: what may be refused, when a
shift has outlived its day, and when a difference must be explained. The cash arithmetic
itself is in ``till.py``; the service (services/shift.py) applies these rules."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from .errors import DomainError, ErrorCode
from .money import format_rupiah
from .till import DifferenceReason

# Kept in the ledger and shown in `export shifts` as written (Indonesian, like void reasons);
# the touchscreen shows the chips translated.
REASON_TEXT: dict[DifferenceReason, str] = {
    DifferenceReason.WRONG_CHANGE: "Kembalian salah",
    DifferenceReason.NOT_RUNG_UP: "Penjualan belum dicatat",
    DifferenceReason.PAID_OUT_UNRECORDED: "Uang keluar tanpa catatan",
    DifferenceReason.COUNTING: "Salah hitung",
}
# The close entry's note of a shift closed at the next day's first login: nobody counted it.
AUTO_CLOSE_NOTE = "ditutup otomatis: uang tidak dihitung"
# The note of a shift closed from the command line (the count is one amount, not by note).
CLI_CLOSE_NOTE = "ditutup lewat perintah shift close"
REASON_LIMIT = 200  # characters; the column holds 500
OPERATOR_LIMIT = 64  # the column's width


class ShiftProblem(ErrorCode):
    NO_OPEN_SHIFT = "no_open_shift"
    ALREADY_OPEN = "already_open"  # shift_no, operator
    ALREADY_CLOSED = "already_closed"  # shift_no
    NOT_WHOLE = "not_whole"  # value: an amount that is not whole rupiah
    NEGATIVE_AMOUNT = "negative_amount"  # amount
    REASON_NEEDED = "reason_needed"  # difference (formatted rupiah, with its sign)
    REASON_TOO_LONG = "reason_too_long"  # limit
    NO_OPERATOR = "no_operator"
    FIGURES_CHANGED = "figures_changed"  # expected: the till's cash moved during the count


def whole_rupiah(amount: object) -> int:
    """``amount`` as a float, count or counted total may be: whole rupiah, zero or more."""
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise DomainError(
            ShiftProblem.NOT_WHOLE, f"{amount!r} is not whole rupiah", value=str(amount)
        )
    if amount < 0:
        raise DomainError(
            ShiftProblem.NEGATIVE_AMOUNT,
            f"an amount of {format_rupiah(amount)} is below zero",
            amount=format_rupiah(amount),
        )
    return amount


def operator_name(name: str) -> str:
    name = name.strip()
    if not 1 <= len(name) <= OPERATOR_LIMIT:
        raise DomainError(ShiftProblem.NO_OPERATOR, "a shift step needs the operator's name")
    return name


def closing_reason(difference: int, reason: str | None) -> str | None:
    """The reason to record: required when counted and expected differ, else optional."""
    text = " ".join((reason or "").split())  # one line, as the export cell shows it
    if len(text) > REASON_LIMIT:
        raise DomainError(
            ShiftProblem.REASON_TOO_LONG,
            f"the reason is longer than {REASON_LIMIT} characters",
            limit=REASON_LIMIT,
        )
    if difference and not text:
        shown = ("+" if difference > 0 else "") + format_rupiah(difference)
        raise DomainError(
            ShiftProblem.REASON_NEEDED,
            f"the count differs from the expected cash by {shown}; give a reason",
            difference=shown,
        )
    return text or None


def outlived_its_day(opened_at: dt.datetime, now: dt.datetime, tz: ZoneInfo) -> bool:
    """A shift opened on an earlier day of the stall's calendar than ``now``: it is closed
    at the next login (midnight on the stall's clock, not UTC)."""
    return opened_at.astimezone(tz).date() < now.astimezone(tz).date()
