"""The till shift (sesi kasir), from the first login of the day to the count at close.

- The first operator login of the day opens a shift with the opening float (0 allowed).
- Every kiosk sale belongs to the open shift (SaleService refuses one without it).
- Another operator logging in while a shift is open takes it over (a hand-over entry; the
  shift goes on) or closes it first.
- Closing counts the cash (by note, coins as one amount); counted against expected, and a
  difference needs a reason.
- A shift still open after midnight on the stall's clock is closed at the next login, with
  no count (``counted`` empty, a note saying so), and stays in the reports.

Every step is an entry of the hash chain (ledger/shift_store.py); the figures come from one
query module (ledger/till_queries.py)."""

from __future__ import annotations

import logging

from ..domain.errors import DomainError
from ..domain.shift import (
    AUTO_CLOSE_NOTE,
    CLI_CLOSE_NOTE,
    ShiftProblem,
    closing_reason,
    operator_name,
    outlived_its_day,
    whole_rupiah,
)
from ..domain.till import CashCount
from .changes import Change, ChangeFeed
from .ports import ShiftStorePort
from .shift_figures import OpenShift, ShiftFigures, ShiftStart
from .stall import StallClock

log = logging.getLogger(__name__)


class ShiftService:
    def __init__(self, store: ShiftStorePort, clock: StallClock, changes: ChangeFeed) -> None:
        self._store = store
        self._clock = clock
        self._changes = changes

    # -- reading ------------------------------------------------------------------------------
    def current(self) -> OpenShift | None:
        return self._store.open_shift()

    def figures(self, shift_id: str) -> ShiftFigures:
        return self._store.figures(shift_id)

    def current_figures(self) -> ShiftFigures | None:
        """The open shift's figures (``shift status``); None when no shift is open."""
        shift = self._store.open_shift()
        return None if shift is None else self._store.figures(shift.shift_id)

    def outlived_its_day(self, shift: OpenShift) -> bool:
        """Opened on an earlier day of the stall's calendar: the next login closes it."""
        return outlived_its_day(shift.opened_at, self._clock.utc(), self._clock.tz)

    # -- the touchscreen ----------------------------------------------------------------------
    def begin(self, operator: str) -> ShiftStart:
        """What an operator who has just typed their PIN finds: a shift of an earlier day is
        closed now (nobody counted it), then the open shift, if any, tells the next step."""
        operator = operator_name(operator)
        shift = self._store.open_shift()
        if shift is None or not self.outlived_its_day(shift):
            return ShiftStart(operator, shift)
        figures = self._store.figures(shift.shift_id)
        closed = self._store.close(
            shift.shift_id,
            operator=operator,
            counted=None,
            counts=None,
            expected=figures.expected,
            reason=None,
            note=AUTO_CLOSE_NOTE,
            at=self._clock.utc(),
        )
        log.warning(
            "shift %d of %s was still open from %s; closed at %s's login without a count",
            shift.shift_no,
            shift.holder,
            shift.opened_at.astimezone(self._clock.tz).date(),
            operator,
        )
        self._changes.publish(Change.SHIFT)
        return ShiftStart(operator, None, closed)

    def open(self, operator: str, float_amount: int) -> OpenShift:
        """Open a shift with the float counted into the drawer (0 allowed)."""
        operator = operator_name(operator)
        float_amount = whole_rupiah(float_amount)
        shift = self._store.open(operator, float_amount, at=self._clock.utc())
        self._changes.publish(Change.SHIFT)
        return shift

    def take_over(self, shift_id: str, operator: str) -> OpenShift:
        """Another operator goes on with the open shift (the drawer is not counted)."""
        operator = operator_name(operator)
        shift = self._store.hand_over(shift_id, operator, at=self._clock.utc())
        self._changes.publish(Change.SHIFT)
        return shift

    def close(
        self, shift_id: str, operator: str, count: CashCount, reason: str | None, *, expected: int
    ) -> ShiftFigures:
        """Close with the cash counted by note. ``expected`` is what the closer was shown;
        the ledger refuses when it no longer says that (FIGURES_CHANGED: show it again)."""
        operator = operator_name(operator)
        counted = whole_rupiah(count.total)
        self._refuse_closed(shift_id)  # before the reason: that is what the closer must hear
        return self._close(
            shift_id,
            operator=operator,
            counted=counted,
            counts=count.to_json(),
            expected=expected,
            reason=closing_reason(counted - expected, reason),
            note=None,
        )

    # -- the command line ---------------------------------------------------------------------
    def close_open(self, counted: int, reason: str | None, *, actor: str = "admin") -> ShiftFigures:
        """`shift close`: the open shift (of any day), counted as one amount."""
        counted = whole_rupiah(counted)
        shift = self._store.open_shift()
        if shift is None:
            raise DomainError(ShiftProblem.NO_OPEN_SHIFT, "no till shift is open on this kiosk")
        figures = self._store.figures(shift.shift_id)
        return self._close(
            shift.shift_id,
            operator=actor,
            counted=counted,
            counts=None,
            expected=figures.expected,
            reason=closing_reason(counted - figures.expected, reason),
            note=CLI_CLOSE_NOTE,
            audit_as=actor,
        )

    def _refuse_closed(self, shift_id: str) -> None:
        figures = self._store.figures(shift_id)
        if not figures.is_open:
            raise DomainError(
                ShiftProblem.ALREADY_CLOSED,
                f"shift {figures.shift_no} is already closed",
                shift_no=figures.shift_no,
            )

    def _close(
        self,
        shift_id: str,
        *,
        operator: str,
        counted: int,
        counts: str | None,
        expected: int,
        reason: str | None,
        note: str | None,
        audit_as: str | None = None,
    ) -> ShiftFigures:
        figures = self._store.close(
            shift_id,
            operator=operator,
            counted=counted,
            counts=counts,
            expected=expected,
            reason=reason,
            note=note,
            at=self._clock.utc(),
            audit_as=audit_as,
        )
        self._changes.publish(Change.SHIFT)
        return figures
