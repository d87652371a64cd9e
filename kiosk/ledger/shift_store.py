"""Till shifts in the ledger: open, hand-over and close as entries of the kiosk's hash chain
(``shift_events`` rows, append-only), each written in one transaction that first re-reads
the shift, so two screens or the command line cannot open two shifts or close one twice."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sqlalchemy import Connection, insert

from ..domain.errors import DomainError
from ..domain.shift import ShiftProblem
from ..domain.till import ShiftEventKind
from ..services.shift_figures import OpenShift, ShiftFigures
from .audit import audit
from .chain_writer import chain_head, write_link
from .engine import Database
from .entries import ShiftEntry
from .ids import new_entry_id
from .models import ShiftEvent
from .till_queries import next_shift_no, open_shift, shift_figures, shifts_opened

SHIFTS = ShiftEvent.__table__


class ShiftStore:
    def __init__(self, db: Database, kiosk_id: str) -> None:
        self._db = db
        self.kiosk_id = kiosk_id

    # -- reading ------------------------------------------------------------------------------
    def open_shift(self) -> OpenShift | None:
        with self._db.read() as connection:
            return open_shift(connection, self.kiosk_id)

    def figures(self, shift_id: str) -> ShiftFigures:
        with self._db.read() as connection:
            return shift_figures(connection, shift_id)

    def shifts_opened(self, start: dt.datetime, end: dt.datetime) -> list[ShiftFigures]:
        """Every kiosk's shifts opened in [start, end), read in one transaction."""
        with self._db.read() as connection:
            return [shift_figures(connection, i) for i in shifts_opened(connection, start, end)]

    # -- writing ------------------------------------------------------------------------------
    def open(self, operator: str, float_amount: int, *, at: dt.datetime) -> OpenShift:
        with self._db.write() as connection:
            seq, prev = chain_head(connection, self.kiosk_id)  # the writer's lock first
            current = open_shift(connection, self.kiosk_id)
            if current is not None:
                raise DomainError(
                    ShiftProblem.ALREADY_OPEN,
                    f"shift {current.shift_no} of {current.holder} is still open",
                    shift_no=current.shift_no,
                    operator=current.holder,
                )
            entry_id = new_entry_id()
            shift_no = next_shift_no(connection, self.kiosk_id)
            self._write(
                connection,
                ShiftEntry(
                    id=entry_id,
                    kiosk_id=self.kiosk_id,
                    seq=seq + 1,
                    prev_hash=prev,
                    created_at=at,
                    shift_id=entry_id,
                    shift_no=shift_no,
                    event=ShiftEventKind.OPEN.value,
                    operator=operator,
                    float_amount=float_amount,
                ),
            )
        return OpenShift(entry_id, self.kiosk_id, shift_no, at, float_amount, (operator,))

    def hand_over(self, shift_id: str, operator: str, *, at: dt.datetime) -> OpenShift:
        with self._db.write() as connection:
            seq, prev = chain_head(connection, self.kiosk_id)
            current = self._still_open(connection, shift_id)
            self._write(
                connection,
                ShiftEntry(
                    id=new_entry_id(),
                    kiosk_id=self.kiosk_id,
                    seq=seq + 1,
                    prev_hash=prev,
                    created_at=at,
                    shift_id=shift_id,
                    shift_no=current.shift_no,
                    event=ShiftEventKind.HANDOVER.value,
                    operator=operator,
                ),
            )
        return replace(current, operators=(*current.operators, operator))

    def close(
        self,
        shift_id: str,
        *,
        operator: str,
        counted: int | None,
        counts: str | None,
        expected: int,
        reason: str | None,
        note: str | None,
        at: dt.datetime,
        audit_as: str | None = None,
    ) -> ShiftFigures:
        """``expected`` is the cash the closer was shown: refused when the ledger now says
        otherwise (a sale or a void came in while they counted), so a count is never
        recorded against figures nobody saw. ``audit_as``: an admin's close (the command
        line) also goes to the audit log."""
        with self._db.write() as connection:
            seq, prev = chain_head(connection, self.kiosk_id)
            current = self._still_open(connection, shift_id)
            figures = shift_figures(connection, shift_id)
            if figures.expected != expected:
                raise DomainError(
                    ShiftProblem.FIGURES_CHANGED,
                    "the till's expected cash changed while it was counted; count again",
                    expected=figures.expected,
                )
            entry = ShiftEntry(
                id=new_entry_id(),
                kiosk_id=self.kiosk_id,
                seq=seq + 1,
                prev_hash=prev,
                created_at=at,
                shift_id=shift_id,
                shift_no=current.shift_no,
                event=ShiftEventKind.CLOSE.value,
                operator=operator,
                counted=counted,
                expected=expected,
                counts=counts,
                reason=reason,
                note=note,
            )
            self._write(connection, entry)
            if audit_as is not None:
                audit(
                    connection,
                    audit_as,
                    "shift_close",
                    at,
                    shift=current.shift_no,
                    counted=counted,
                    expected=expected,
                    reason=reason,
                )
            return shift_figures(connection, shift_id)

    def _still_open(self, connection: Connection, shift_id: str) -> OpenShift:
        current = open_shift(connection, self.kiosk_id)
        if current is not None and current.shift_id == shift_id:
            return current
        figures = shift_figures(connection, shift_id)  # refuses an unknown shift
        raise DomainError(
            ShiftProblem.ALREADY_CLOSED,
            f"shift {figures.shift_no} is already closed",
            shift_no=figures.shift_no,
        )

    def _write(self, connection: Connection, entry: ShiftEntry) -> None:
        write_link(connection, self._db.key, entry)
        connection.execute(insert(SHIFTS), entry.shift_row())
