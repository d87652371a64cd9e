"""Settling with each UMKM: the stall's fee on a month's earnings, what a payout may be, and
the balance carried from month to month. Pure: the ledger's queries, the exports, the admin
screen and the printed slips all take their figures from here, so a fee or a balance is the
same number wherever it shows."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .errors import DomainError, ErrorCode
from .money import format_rupiah
from .months import Month

# A typo guard, as MAX_LINE_AMOUNT is for a till line: Rp100.000.000 is far beyond what the
# stall owes any UMKM in a month; a longer number is a key pressed once too often.
MAX_PAYOUT = 100_000_000
MAX_NOTE = 500  # payouts.note
BASIS_POINTS = 10_000  # 100 % in hundredths of a percent
ALWAYS = Month(1900, 1)  # the first month there is: a flat fee applies from here


class PayoutKind(enum.Enum):
    PAYOUT = "payout"  # money handed over, within the balance
    ADVANCE = "advance"  # more than the balance (kasbon), confirmed as such
    REVERSAL = "reversal"  # takes back a mistaken payout or advance: a new row naming it


class PayoutProblem(ErrorCode):
    NOT_POSITIVE = "not_positive"  # amount: zero or less
    TOO_LARGE = "too_large"  # amount, maximum
    UNKNOWN_UMKM = "unknown_umkm"  # kode_umkm
    ABOVE_BALANCE = "above_balance"  # kode_umkm, amount, balance: needs the advance confirmed
    NO_NOTE = "no_note"
    NOTE_TOO_LONG = "note_too_long"  # limit
    NOT_FOUND = "not_found"  # number
    ALREADY_REVERSED = "already_reversed"  # number, by: the reversal's number
    IS_A_REVERSAL = "is_a_reversal"  # number: a reversal is never reversed


class PayoutError(DomainError):
    pass


def check_amount(amount: int) -> int:
    """Whole rupiah above zero and below the typo guard; the amount itself when it is."""
    if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
        raise PayoutError(
            PayoutProblem.NOT_POSITIVE,
            f"a payout must be whole rupiah above Rp0 (got {amount!r})",
            amount=amount,
        )
    if amount > MAX_PAYOUT:
        raise PayoutError(
            PayoutProblem.TOO_LARGE,
            f"{format_rupiah(amount)} is more than one payout may be "
            f"(at most {format_rupiah(MAX_PAYOUT)})",
            amount=amount,
            maximum=format_rupiah(MAX_PAYOUT),  # as the screen shows it
        )
    return amount


def check_note(note: str) -> str:
    """Who received it and how (cash, a transfer): one line, stripped, 1 to 500 characters."""
    note = " ".join(note.split())  # one line: a newline would break the listing and the CSV
    if not note:
        raise PayoutError(PayoutProblem.NO_NOTE, "a payout needs a note (to whom, how)")
    if len(note) > MAX_NOTE:
        raise PayoutError(
            PayoutProblem.NOTE_TOO_LONG,
            f"a payout's note may be at most {MAX_NOTE} characters",
            limit=MAX_NOTE,
        )
    return note


# --- the stall's fee ----------------------------------------------------------------------


def fee_of(pendapatan: int, basis_points: int) -> int:
    """The fee on a month's earnings, whole rupiah rounded half up: 2.5 % of Rp15.020 is
    Rp375,5 -> Rp376. Integer arithmetic only (no float ever touches money)."""
    if pendapatan <= 0:
        return 0
    return (pendapatan * basis_points + BASIS_POINTS // 2) // BASIS_POINTS


def percent_text(basis_points: int) -> str:
    """250 -> "2.5", 1000 -> "10", 5 -> "0.05": as config.yaml writes it."""
    whole, hundredths = divmod(basis_points, 100)
    return f"{whole}.{hundredths:02d}".rstrip("0").rstrip(".") if hundredths else str(whole)


@dataclass(frozen=True, order=True)
class FeePeriod:
    start: Month  # in force from this month on, until a later period starts
    basis_points: int  # hundredths of a percent: 250 is 2.5 %

    def __post_init__(self) -> None:
        if not 0 <= self.basis_points <= BASIS_POINTS:
            raise ValueError(f"a fee is 0 to 100 % (got {self.basis_points} basis points)")


@dataclass(frozen=True)
class FeeSchedule:
    """The fee in force for each month, as rules are (config ``settlement.fee_percent``): a
    changed percentage is a new period from its month on, so past months keep their fee.
    Before the first period, and with no period at all, the fee is 0."""

    periods: tuple[FeePeriod, ...] = ()

    def __post_init__(self) -> None:
        starts = [period.start for period in self.periods]
        if len(set(starts)) != len(starts):
            raise ValueError("two fee periods start in the same month")
        object.__setattr__(self, "periods", tuple(sorted(self.periods)))

    @classmethod
    def flat(cls, basis_points: int) -> FeeSchedule:
        return cls((FeePeriod(ALWAYS, basis_points),))

    def basis_points(self, month: Month) -> int:
        current = 0
        for period in self.periods:
            if period.start > month:
                break
            current = period.basis_points
        return current

    def fee(self, pendapatan: int, month: Month) -> int:
        return fee_of(pendapatan, self.basis_points(month))

    def percent(self, month: Month) -> str:
        return percent_text(self.basis_points(month))


# --- the balance, month by month ----------------------------------------------------------


@dataclass(frozen=True)
class MonthFigures:
    """One UMKM's month: what it earned, the stall's fee, what it is owed, what it was paid,
    and the balance carried into the next month (negative: it was paid in advance)."""

    month: Month
    pendapatan: int  # non-voided sale lines of the UMKM (paper sales too)
    potongan: int  # the stall's fee on pendapatan
    dibayar: int  # payouts + advances - reversals made in the month
    saldo: int  # previous month's saldo + hak_umkm - dibayar
    basis_points: int = 0  # the fee in force that month

    @property
    def hak_umkm(self) -> int:
        return self.pendapatan - self.potongan

    @property
    def saldo_awal(self) -> int:
        """The balance brought in from the month before."""
        return self.saldo - self.hak_umkm + self.dibayar


def carry(
    months: Sequence[Month],
    pendapatan: Iterable[tuple[Month, int]],
    dibayar: Iterable[tuple[Month, int]],
    fees: FeeSchedule,
) -> list[MonthFigures]:
    """Every month of ``months`` (consecutive, oldest first) for one UMKM: amounts given for
    other months are ignored. The saldo starts at 0 before the first month; pass months from
    the first with any activity, or the carried balance would miss some."""
    earned: dict[Month, int] = {}
    for month, amount in pendapatan:
        earned[month] = earned.get(month, 0) + amount
    paid: dict[Month, int] = {}
    for month, amount in dibayar:
        paid[month] = paid.get(month, 0) + amount
    saldo = 0
    figures = []
    for month in months:
        basis_points = fees.basis_points(month)
        income = earned.get(month, 0)
        fee = fee_of(income, basis_points)
        out = paid.get(month, 0)
        saldo += income - fee - out
        figures.append(MonthFigures(month, income, fee, out, saldo, basis_points))
    return figures


def months_between(first: Month, last: Month) -> list[Month]:
    """first .. last inclusive (empty when first is after last)."""
    months: list[Month] = []
    month = first
    while month <= last:
        months.append(month)
        if month == last:
            break  # Month(9998, 12).next() does not exist
        month = month.next()
    return months
