"""The till's read side, in one place: which shift is open, and one shift's figures (the
cash it should hold, QRIS apart, counts, receipt numbers). The shift store calls these inside
its write transactions; `export shifts` and the X/Z reports read through them too, so every
screen and paper shows the same numbers.

Functions take a Connection, so a caller decides whether they run in a read or a write
transaction. What counts where (services/shift_figures.ShiftFigures says it for people):

- a sale counts in ``sales.shift_id`` (kiosk sales only; paper sales never count);
- a void counts in the shift open on its kiosk when the void was recorded: its entry's seq
  lies between the shift's open and close entries (the chain's order, not the clock's);
- a payout counts where ``payouts.shift_id`` says the cash came out of the till (a reversal
  of such a payout puts the cash back).

Each figure is one indexed query: shift_events by shift_id, sales by shift_id, the kiosk's
entries by (kiosk_id, seq) for the voids, payouts (a few a day) scanned."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, and_, case, exists, func, select

from ..domain.cart import PaymentMethod
from ..domain.errors import DomainError
from ..domain.shift import ShiftProblem
from ..domain.till import CashCount, CashFigures, ShiftEventKind
from ..services.report_figures import BuyerTotal, LedgerHead
from ..services.shift_figures import OpenShift, ShiftFigures
from .chain import GENESIS_HASH
from .models import Entry, Payout, Sale, ShiftEvent, Void
from .verify import ChainHead

ENTRIES = Entry.__table__
SALES = Sale.__table__
VOIDS = Void.__table__
SHIFTS = ShiftEvent.__table__
PAYOUTS = Payout.__table__

OPEN, HANDOVER, CLOSE = (kind.value for kind in ShiftEventKind)
CASH, QRIS = PaymentMethod.TUNAI.value, PaymentMethod.QRIS.value
_CLOSES = SHIFTS.alias("closes")

# Shifts never closed, any kiosk. Driven by shift_events alone (a few rows a day, the close
# probe by its shift_id index): joining entries here with a kiosk filter would let the
# planner walk that kiosk's whole chain instead. The kiosk is filtered on the handful left.
_UNCLOSED = (
    select(SHIFTS.c.shift_id, ENTRIES.c.kiosk_id)
    .join(ENTRIES, ENTRIES.c.id == SHIFTS.c.id)
    .where(
        SHIFTS.c.event == OPEN,
        ~exists().where(_CLOSES.c.shift_id == SHIFTS.c.shift_id, _CLOSES.c.event == CLOSE),
    )
)


def _events(connection: Connection, shift_id: str) -> list[Any]:
    """The shift's events in chain order (open first); driven by the shift_id index."""
    query = (
        select(SHIFTS, ENTRIES.c.kiosk_id, ENTRIES.c.seq)
        .join(ENTRIES, ENTRIES.c.id == SHIFTS.c.id)
        .where(SHIFTS.c.shift_id == shift_id)
        .order_by(ENTRIES.c.seq)
    )
    return list(connection.execute(query))


def _operators(events: Iterable[Any]) -> tuple[str, ...]:
    """Who opened the shift, then each who took it over, in order."""
    return tuple(row.operator for row in events if row.event in (OPEN, HANDOVER))


def open_shift(connection: Connection, kiosk_id: str) -> OpenShift | None:
    """The kiosk's open shift, if any (one at most: the store refuses a second)."""
    found = [row.shift_id for row in connection.execute(_UNCLOSED) if row.kiosk_id == kiosk_id]
    if not found:
        return None
    events = _events(connection, max(found))  # ids are time-ordered: the newest, if ever two
    opening = events[0]
    return OpenShift(
        shift_id=opening.shift_id,
        kiosk_id=opening.kiosk_id,
        shift_no=opening.shift_no,
        opened_at=opening.created_at,
        float_amount=opening.float_amount or 0,
        operators=_operators(events),
    )


def next_shift_no(connection: Connection, kiosk_id: str) -> int:
    """1 + the kiosk's highest shift number (shift numbers are per kiosk)."""
    query = (
        select(SHIFTS.c.shift_no, ENTRIES.c.kiosk_id)
        .join(ENTRIES, ENTRIES.c.id == SHIFTS.c.id)
        .where(SHIFTS.c.event == OPEN)
    )
    numbers = [row.shift_no for row in connection.execute(query) if row.kiosk_id == kiosk_id]
    return max(numbers, default=0) + 1


def shift_state(connection: Connection, shift_id: str) -> tuple[str | None, bool]:
    """(kiosk id, closed) of a shift; (None, False) when there is no such shift. Cheap (the
    shift_id index): the sale path asks it inside its transaction for every kiosk sale."""
    kiosk_id, closed = None, False
    for row in connection.execute(
        select(SHIFTS.c.event, ENTRIES.c.kiosk_id)
        .join(ENTRIES, ENTRIES.c.id == SHIFTS.c.id)
        .where(SHIFTS.c.shift_id == shift_id)
    ):
        kiosk_id = row.kiosk_id
        closed = closed or row.event == CLOSE
    return kiosk_id, closed


def shift_figures(connection: Connection, shift_id: str) -> ShiftFigures:
    """Every figure of one shift, open or closed; refuses a shift that does not exist."""
    events = _events(connection, shift_id)
    if not events or events[0].event != OPEN:
        raise DomainError(ShiftProblem.NO_OPEN_SHIFT, "there is no such till shift")
    opening, close = events[0], next((e for e in events if e.event == CLOSE), None)
    kiosk_id = opening.kiosk_id

    by_method = {
        row.payment_method: row
        for row in connection.execute(
            select(
                SALES.c.payment_method,
                func.count().label("sales"),
                func.sum(SALES.c.total).label("amount"),
                func.min(ENTRIES.c.seq).label("first_seq"),
                func.max(ENTRIES.c.seq).label("last_seq"),
            )
            .join(ENTRIES, ENTRIES.c.id == SALES.c.id)
            .where(SALES.c.shift_id == shift_id, SALES.c.source == "kiosk")
            .group_by(SALES.c.payment_method)
        )
    }
    voided = _voids(connection, kiosk_id, opening.seq, close.seq if close else None)
    payouts = connection.execute(
        select(
            func.coalesce(
                func.sum(
                    case((PAYOUTS.c.kind == "reversal", -PAYOUTS.c.amount), else_=PAYOUTS.c.amount)
                ),
                0,
            )
        ).where(PAYOUTS.c.shift_id == shift_id)
    ).scalar_one()
    cash = CashFigures(
        float_amount=opening.float_amount or 0,
        cash_sales=_amount(by_method.get(CASH)),
        cash_voids=sum(total for method, total in voided if method == CASH),
        cash_payouts=int(payouts),
    )
    firsts = [row.first_seq for row in by_method.values()]
    lasts = [row.last_seq for row in by_method.values()]
    return ShiftFigures(
        shift_id=shift_id,
        kiosk_id=kiosk_id,
        shift_no=opening.shift_no,
        opened_at=opening.created_at,
        closed_at=close.created_at if close else None,
        operators=_operators(events),
        closed_by=close.operator if close else None,
        cash=cash,
        counted=close.counted if close else None,
        counts=CashCount.from_json(close.counts) if close and close.counts else None,
        reason=close.reason if close else None,
        note=close.note if close else None,
        qris_total=_amount(by_method.get(QRIS)),
        sale_count=sum(row.sales for row in by_method.values()),
        void_count=len(voided),
        void_amount=sum(total for _method, total in voided),
        first_seq=min(firsts, default=None),
        last_seq=max(lasts, default=None),
        closed_expected=close.expected if close else None,
        cash_count=_count(by_method.get(CASH)),
        qris_count=_count(by_method.get(QRIS)),
    )


def shifts_opened(connection: Connection, start: dt.datetime, end: dt.datetime) -> list[str]:
    """The ids of the shifts opened in [start, end) (aware UTC), any kiosk, in opening order."""
    query = (
        select(SHIFTS.c.shift_id)
        .join(ENTRIES, ENTRIES.c.id == SHIFTS.c.id)
        .where(SHIFTS.c.event == OPEN, SHIFTS.c.created_at >= start, SHIFTS.c.created_at < end)
        .order_by(SHIFTS.c.created_at, ENTRIES.c.kiosk_id, ENTRIES.c.seq)
    )
    return list(connection.execute(query).scalars())


def buyer_totals(connection: Connection, shift_id: str) -> tuple[BuyerTotal, BuyerTotal]:
    """(ASN, public) sales of the shift that are not voided: count and amount. An ASN sale
    has a NIP (a card, a QR or a typed NIP); a public buyer's has none."""
    query = (
        select(SALES.c.nip.is_(None).label("public"), func.count(), func.sum(SALES.c.total))
        .outerjoin(VOIDS, VOIDS.c.sale_id == SALES.c.id)
        .where(SALES.c.shift_id == shift_id, SALES.c.source == "kiosk", VOIDS.c.id.is_(None))
        .group_by(SALES.c.nip.is_(None))
    )
    found = {
        bool(public): BuyerTotal(int(n), int(amount or 0))
        for public, n, amount in connection.execute(query)
    }
    nothing = BuyerTotal(0, 0)
    return found.get(False, nothing), found.get(True, nothing)


def ledger_head(connection: Connection, kiosk_id: str) -> LedgerHead:
    """The kiosk's newest chain entry, as `ledger verify` prints its head (verify.ChainHead):
    seq 0 and the genesis hash when nothing was written yet. One index seek."""
    newest = connection.execute(
        select(ENTRIES.c.seq, ENTRIES.c.entry_hash)
        .where(ENTRIES.c.kiosk_id == kiosk_id)
        .order_by(ENTRIES.c.seq.desc())
        .limit(1)
    ).first()
    seq, entry_hash = (newest.seq, newest.entry_hash) if newest else (0, GENESIS_HASH)
    return LedgerHead(kiosk_id, seq, ChainHead(kiosk_id, seq, entry_hash).line)


def _voids(
    connection: Connection, kiosk_id: str, open_seq: int, close_seq: int | None
) -> list[tuple[str, int]]:
    """(payment method, total) of each kiosk sale voided while the shift was open."""
    in_shift = [ENTRIES.c.kiosk_id == kiosk_id, ENTRIES.c.seq > open_seq]
    if close_seq is not None:
        in_shift.append(ENTRIES.c.seq < close_seq)
    query = (
        select(SALES.c.payment_method, SALES.c.total)
        .select_from(ENTRIES)
        .join(VOIDS, VOIDS.c.id == ENTRIES.c.id)
        .join(SALES, SALES.c.id == VOIDS.c.sale_id)
        .where(and_(*in_shift), ENTRIES.c.kind == "void", SALES.c.source == "kiosk")
    )
    return [(row.payment_method, row.total) for row in connection.execute(query)]


def _count(row: Any) -> int:
    return int(row.sales) if row is not None else 0


def _amount(row: Any) -> int:
    return int(row.amount or 0) if row is not None else 0
