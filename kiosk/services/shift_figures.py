"""What a till shift is and what it holds, as the services and screens see it. The ledger
fills these from one query module (ledger/till_queries.py); the shift screens, the
`shift` commands, `export shifts` and the X/Z reports all read the same figures."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from ..domain.records import sale_number
from ..domain.till import CashCount, CashFigures


@dataclass(frozen=True)
class OpenShift:
    """A shift that is open now: its number on this kiosk, who opened it and who holds it."""

    shift_id: str  # the open entry's id
    kiosk_id: str
    shift_no: int  # 1, 2, ... per kiosk: what people and paper call it
    opened_at: dt.datetime  # aware UTC
    float_amount: int
    operators: tuple[str, ...]  # who opened it, then each who took it over, in order

    @property
    def opened_by(self) -> str:
        return self.operators[0]

    @property
    def holder(self) -> str:
        """The operator who has the drawer now (the last to open or take it over)."""
        return self.operators[-1]


class NextStep(enum.Enum):
    """What an operator who has just logged in does about the till."""

    OPEN = "open"  # no shift: count the float and open one
    CONTINUE = "continue"  # their own shift: sell
    TAKE_OVER = "take_over"  # someone else's: take it over, or close it first


@dataclass(frozen=True)
class ShiftStart:
    """The till as an operator finds it at login."""

    operator: str
    shift: OpenShift | None  # the shift open now (after an automatic close: None)
    auto_closed: ShiftFigures | None = None  # a shift of an earlier day closed just now

    @property
    def next_step(self) -> NextStep:
        if self.shift is None:
            return NextStep.OPEN
        return NextStep.CONTINUE if self.shift.holder == self.operator else NextStep.TAKE_OVER


@dataclass(frozen=True)
class ShiftFigures:
    """One shift's figures, open or closed.

    Cash: float + cash sales − cash voids − till payouts = expected (domain.till.CashFigures).
    Sales count in the shift they were rung up in (``sales.shift_id``); a void counts in the
    shift open on its kiosk when it was recorded (the drawer the refund leaves), whatever
    shift its sale was in; payouts count where ``payouts.shift_id`` says the cash came out of
    the till. Paper sales never count. QRIS is listed apart, gross: the payments the merchant
    app should show for the shift."""

    shift_id: str
    kiosk_id: str
    shift_no: int
    opened_at: dt.datetime  # aware UTC
    closed_at: dt.datetime | None  # None: still open
    operators: tuple[str, ...]  # who opened it and each who took it over, in order
    closed_by: str | None
    cash: CashFigures
    counted: int | None  # None: open, or closed without a count (automatically)
    counts: CashCount | None  # by note; None when counted as one amount (the CLI) or not
    reason: str | None  # why counted != expected
    note: str | None  # e.g. "ditutup otomatis: uang tidak dihitung"
    qris_total: int
    sale_count: int  # kiosk sales rung up in the shift, voided ones included
    void_count: int  # voids recorded while it was open
    void_amount: int  # their sales' totals, cash and QRIS
    first_seq: int | None  # the shift's first and last sale numbers (entry seqs)
    last_seq: int | None
    closed_expected: int | None = None  # the expected cash the close entry recorded
    cash_count: int = 0  # of sale_count, paid in cash
    qris_count: int = 0  # of sale_count, paid by QRIS

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    @property
    def auto_closed(self) -> bool:
        """Closed without anyone counting the cash (at the next day's login)."""
        return self.closed_at is not None and self.counted is None

    @property
    def float_amount(self) -> int:
        return self.cash.float_amount

    @property
    def cash_sales(self) -> int:
        return self.cash.cash_sales

    @property
    def cash_voids(self) -> int:
        return self.cash.cash_voids

    @property
    def till_payouts(self) -> int:
        return self.cash.cash_payouts

    @property
    def expected(self) -> int:
        """What the drawer should hold; for a closed shift, what its close entry recorded."""
        if self.closed_expected is not None:
            return self.closed_expected
        return self.cash.expected

    @property
    def difference(self) -> int | None:
        """Counted − expected (negative: cash missing); None when nothing was counted."""
        return None if self.counted is None else self.counted - self.expected

    @property
    def first_receipt(self) -> str | None:
        return None if self.first_seq is None else sale_number(self.kiosk_id, self.first_seq)

    @property
    def last_receipt(self) -> str | None:
        return None if self.last_seq is None else sale_number(self.kiosk_id, self.last_seq)

    @property
    def remarks(self) -> str:
        """The reason and the note, as one cell of `export shifts` (``alasan``)."""
        return "; ".join(part for part in (self.reason, self.note) if part)
