"""The settlement figures, in one place: what each UMKM sold per day and product (the
settlement export), and each UMKM's month (pendapatan, potongan, hak, dibayar, saldo: the
balances export, the admin screen, the payout check, the printed slips).

Pendapatan counts the non-voided sale lines of the UMKM (paper sales included) on the stall's
clock, as the vendors export does; a void counts whenever it is made, so voiding an October
sale in November lowers October's pendapatan and every saldo after it. Dibayar counts the
payouts and advances made in the month, less the reversals made in it."""

from __future__ import annotations

import datetime as dt
import functools
import threading
from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, bindparam, case, func, literal_column, select, text

from ..domain.cart import PaymentMethod
from ..domain.months import Month
from ..domain.settlement import FeeSchedule, PayoutKind, carry, months_between
from ..services.settlement import SettlementLine, UmkmBalance
from .engine import Database
from .fast_sql import FastStatement, db_time
from .models import Entry, Payout, Product, Sale, SaleLine, StockDrop, Vendor, Void

ENTRIES = Entry.__table__
SALES = Sale.__table__
LINES = SaleLine.__table__
VOIDS = Void.__table__
VENDORS = Vendor.__table__
PAYOUTS = Payout.__table__
PRODUCTS = Product.__table__
DROPS = StockDrop.__table__


def _bucket(column, bounds: Sequence[Any], first: int = 0):  # type: ignore[no-untyped-def]
    """``first`` for a time before bounds[0], ``first + 1`` before bounds[1], …: which day
    or month of a range a stored UTC time falls in, computed by the database on any dialect
    (each bound is the start of the next day or month on the stall's clock, so there is no
    time zone arithmetic in SQL). Nested by halves: five comparisons a line for a month's
    days, not fifteen."""
    if len(bounds) == 1:
        return literal_column(str(first))
    half = len(bounds) // 2
    return case(
        (column < bounds[half - 1], _bucket(column, bounds[:half], first)),
        else_=_bucket(column, bounds[half:], first + half),
    )


def _day_starts(month: Month, tz: ZoneInfo) -> list[dt.datetime]:
    """The UTC start of each day after the month's first, and of the next month."""
    days = (month.last_day - month.first_day).days + 1
    return [
        dt.datetime.combine(month.first_day + dt.timedelta(days=n), dt.time(), tz).astimezone(
            dt.UTC
        )
        for n in range(1, days + 1)
    ]


@functools.lru_cache(maxsize=6)  # one per month length (28..31), a day, a shift
def _lines_statement(days: int, by_shift: bool = False) -> FastStatement:
    """What each UMKM sold per product, non-voided: per day of a range (``start`` to ``end``,
    ``days`` buckets), or of one till shift (``shift``: its sales, one bucket). The settlement
    export, the slips and the X/Z reports' per-UMKM totals all run this one statement.

    Grouped by column position (portable: on PostgreSQL a repeated CASE with parameters is
    not the same expression); sorted and named in Python, 15,000 rows at design scale."""
    bounds = [bindparam(f"day{n}") for n in range(days)]
    # Literals, not bound values: a FastStatement is given every parameter by name.
    paid_by_qris = SALES.c.payment_method == literal_column(f"'{PaymentMethod.QRIS.value}'")
    qris = case((paid_by_qris, LINES.c.subtotal), else_=literal_column("0"))
    if by_shift:
        scope = [SALES.c.shift_id == bindparam("shift")]
    else:
        scope = [
            SALES.c.created_at >= bindparam("start"),
            SALES.c.created_at < bindparam("end"),
        ]
    return FastStatement(
        select(
            _bucket(SALES.c.created_at, bounds),
            LINES.c.kode_umkm,
            LINES.c.sku,
            LINES.c.description,
            func.sum(LINES.c.quantity),
            func.sum(LINES.c.subtotal),
            func.sum(qris),
        )
        .join(LINES, LINES.c.sale_id == SALES.c.id)
        .outerjoin(VOIDS, VOIDS.c.sale_id == SALES.c.id)
        .where(*scope, VOIDS.c.id.is_(None))
        .group_by(*(literal_column(str(n)) for n in range(1, 5)))
    )


def _settlement_lines(
    rows: list[tuple[Any, ...]], days: Sequence[dt.date], names: dict[str, str]
) -> Iterator[SettlementLine]:
    rows.sort(key=_line_order)
    for day, kode, sku, produk, terjual, pendapatan, qris in rows:
        earned, by_qris = int(pendapatan), int(qris)
        yield SettlementLine(
            days[day],
            kode,
            names.get(kode, kode),
            sku,
            produk,
            int(terjual),
            earned,
            earned - by_qris,
            by_qris,
        )


def _vendor_names(connection: Connection) -> dict[str, str]:
    return dict(connection.execute(select(VENDORS.c.kode_umkm, VENDORS.c.nama)).all())


def lines_between(
    connection: Connection, start: dt.datetime, ends: Sequence[dt.datetime], first: dt.date
) -> list[SettlementLine]:
    """The settlement lines from ``start`` to ``ends[-1]`` (aware UTC), one day per bound in
    ``ends`` (the UTC start of the next stall day), the first day being ``first``."""
    dialect = connection.dialect
    params = {"start": db_time(start, dialect), "end": db_time(ends[-1], dialect)}
    params.update({f"day{n}": db_time(bound, dialect) for n, bound in enumerate(ends)})
    rows = _lines_statement(len(ends)).all(connection, params)
    days = [first + dt.timedelta(days=n) for n in range(len(ends))]
    return list(_settlement_lines(rows, days, _vendor_names(connection)))


def shift_lines(connection: Connection, shift_id: str, day: dt.date) -> list[SettlementLine]:
    """The settlement lines of one till shift's sales (kiosk sales only: paper sales have no
    shift), dated ``day`` (the stall's day the shift was opened)."""
    rows = _lines_statement(1, by_shift=True).all(connection, {"shift": shift_id})
    return list(_settlement_lines(rows, [day], _vendor_names(connection)))


def _line_order(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """By day, UMKM, then products by sku and free amounts (no sku) by description."""
    day, kode, sku, description = row[:4]
    return (day, kode, sku is None, sku or "", description)


# Each kiosk's newest entry number. GROUP BY kiosk_id would read the whole (kiosk_id, seq)
# index, a million entries; this hops from one kiosk id to the next on it instead, a few
# index seeks (standard SQL, the same on PostgreSQL).
_HEADS = text(
    "WITH RECURSIVE kiosks(id) AS ("
    " SELECT MIN(kiosk_id) FROM entries"
    " UNION ALL"
    " SELECT (SELECT MIN(kiosk_id) FROM entries WHERE kiosk_id > kiosks.id)"
    " FROM kiosks WHERE kiosks.id IS NOT NULL)"
    " SELECT id, (SELECT MAX(seq) FROM entries WHERE kiosk_id = kiosks.id)"
    " FROM kiosks WHERE id IS NOT NULL"
)


def _heads(connection: Connection) -> dict[str, int]:
    """Each kiosk's newest entry number: every sale, void and paper import is an entry."""
    return {kiosk: int(seq) for kiosk, seq in connection.execute(_HEADS)}


# The time of the sale an entry is, or voids: the month whose pendapatan it changes.
_VOIDED = SALES.alias("voided")
_TOUCHED = (
    select(func.coalesce(SALES.c.created_at, _VOIDED.c.created_at))
    .select_from(ENTRIES)
    .outerjoin(SALES, SALES.c.id == ENTRIES.c.id)
    .outerjoin(VOIDS, VOIDS.c.id == ENTRIES.c.id)
    .outerjoin(_VOIDED, _VOIDED.c.id == VOIDS.c.sale_id)
    .where(
        ENTRIES.c.kiosk_id == bindparam("kiosk"),
        ENTRIES.c.seq > bindparam("after"),
        ENTRIES.c.seq <= bindparam("upto"),
    )
)


class _EarnedMonths:
    """Each month's pendapatan per UMKM, as read at the chain heads kept with them.

    Sales, voids and paper imports are all entries of the append-only chain, and a kiosk's
    entries are committed in number order (its chain head is taken under the writer's lock),
    so the entries after the kept heads are exactly what changed since: a month none of them
    touches still holds."""

    def __init__(self, tz: ZoneInfo) -> None:
        self._tz = tz
        self._lock = threading.Lock()  # the admin screen's thread and the CLI's share it
        self._heads: dict[str, int] = {}
        self._months: dict[Month, dict[str, int]] = {}

    def valid(self, connection: Connection, heads: dict[str, int]) -> dict[Month, dict[str, int]]:
        """The kept months that no entry after the kept heads (up to ``heads``) touches."""
        with self._lock:
            kept_heads, months = dict(self._heads), dict(self._months)
        if not months:
            return {}
        touched: set[Month] = set()
        for kiosk, head in heads.items():
            after = kept_heads.get(kiosk, 0)
            if head > after:
                rows = connection.execute(_TOUCHED, {"kiosk": kiosk, "after": after, "upto": head})
                touched.update(Month.of(at, self._tz) for (at,) in rows if at is not None)
        return {month: figures for month, figures in months.items() if month not in touched}

    def keep(self, heads: dict[str, int], months: dict[Month, dict[str, int]]) -> None:
        with self._lock:
            self._heads, self._months = dict(heads), dict(months)


class SettlementQueries:
    def __init__(self, db: Database, fees: FeeSchedule, tz: ZoneInfo) -> None:
        self._db = db
        self.fees = fees
        self._tz = tz
        self._kept = _EarnedMonths(tz)

    # -- what was sold, per day, UMKM and product ------------------------------------------------
    def day_lines(self, month: Month) -> Iterator[SettlementLine]:
        """Every (day, UMKM, product) of the month with a non-voided sale, by day, UMKM, then
        products by sku and free amounts (no sku) by description. A month is ~80,000 sales
        at design scale: the statement is compiled once and read straight off the cursor."""
        start, _end = month.utc_bounds(self._tz)
        with self._db.read() as connection:
            lines = lines_between(connection, start, _day_starts(month, self._tz), month.first_day)
        yield from lines

    # -- balances ------------------------------------------------------------------------------
    def balances(self, month: Month) -> list[UmkmBalance]:
        """Every UMKM's month (also those with nothing in it), by kode_umkm."""
        with self._db.read() as connection:
            return self._balances(connection, month, None)

    def balance(self, kode_umkm: str, month: Month) -> UmkmBalance | None:
        """One UMKM's month; None for a UMKM the catalogue does not know."""
        with self._db.read() as connection:
            found = self._balances(connection, month, kode_umkm)
        return found[0] if found else None

    def saldo(self, connection: Connection, kode_umkm: str, at: dt.datetime) -> int:
        """The UMKM's balance at ``at`` (its month so far), inside the caller's transaction:
        the payout store checks an amount against it under the writer's lock."""
        found = self._balances(connection, Month.of(at, self._tz), kode_umkm)
        return found[0].saldo if found else 0

    def _balances(
        self, connection: Connection, month: Month, kode_umkm: str | None
    ) -> list[UmkmBalance]:
        vendors = select(VENDORS.c.kode_umkm, VENDORS.c.nama).order_by(VENDORS.c.kode_umkm)
        if kode_umkm is not None:
            vendors = vendors.where(VENDORS.c.kode_umkm == kode_umkm)
        names = connection.execute(vendors).all()
        if not names:
            return []
        months = months_between(self._first_month(connection, month), month)
        earned = self._earned(connection, months, kode_umkm)
        paid = self._paid(connection, months, kode_umkm)
        return [
            UmkmBalance(
                kode,
                nama,
                carry(months, earned.get(kode, ()), paid.get(kode, ()), self.fees)[-1],
            )
            for kode, nama in names
        ]

    def _first_month(self, connection: Connection, month: Month) -> Month:
        """The first month with any sale or payout (the balance is carried from there), or
        ``month`` itself when there is none before it."""
        firsts = [
            connection.execute(select(func.min(SALES.c.created_at))).scalar(),
            connection.execute(select(func.min(PAYOUTS.c.created_at))).scalar(),
        ]
        found = [Month.of(_aware(first), self._tz) for first in firsts if first is not None]
        return min([*found, month])

    def _earned(
        self, connection: Connection, months: list[Month], kode_umkm: str | None
    ) -> dict[str, list[tuple[Month, int]]]:
        """Per UMKM, (month, pendapatan) for each month of ``months`` with sales.

        A balance needs every month since the first sale: a year at design scale is a million
        sales, read in seconds. So each month's figures are kept (``_EarnedMonths``) with the
        chain heads they were read at, and only the months that entries written since then
        touch are read again: the current month after a sale, an old one after a void or a
        paper import. One UMKM's months (the payout check, in a write transaction) use what is
        kept and read the rest for that UMKM alone, keeping nothing."""
        heads = _heads(connection)
        known = self._kept.valid(connection, heads)
        missing = [month for month in months if month not in known]
        if missing:
            read = self._read_earned(connection, missing[0], missing[-1], kode_umkm)
            if kode_umkm is None:
                self._kept.keep(heads, {**known, **read})
            known = {**known, **read}
        earned: dict[str, list[tuple[Month, int]]] = defaultdict(list)
        for month in months:
            for kode, amount in known[month].items():
                if kode_umkm is None or kode == kode_umkm:
                    earned[kode].append((month, amount))
        return earned

    def _read_earned(
        self, connection: Connection, first: Month, last: Month, kode_umkm: str | None
    ) -> dict[Month, dict[str, int]]:
        """Each month from ``first`` to ``last``: UMKM -> pendapatan (every month present)."""
        months = months_between(first, last)
        start = first.utc_bounds(self._tz)[0]
        ends = [month.utc_bounds(self._tz)[1] for month in months]
        lines = (
            select(
                _bucket(SALES.c.created_at, ends).label("month"),
                LINES.c.kode_umkm,
                LINES.c.subtotal,
            )
            .join(LINES, LINES.c.sale_id == SALES.c.id)
            .outerjoin(VOIDS, VOIDS.c.sale_id == SALES.c.id)
            .where(SALES.c.created_at >= start, SALES.c.created_at < ends[-1], VOIDS.c.id.is_(None))
        )
        if kode_umkm is not None:
            lines = lines.where(LINES.c.kode_umkm == kode_umkm)
        lines = lines.subquery()
        query = select(lines.c.month, lines.c.kode_umkm, func.sum(lines.c.subtotal)).group_by(
            lines.c.month, lines.c.kode_umkm
        )
        read: dict[Month, dict[str, int]] = {month: {} for month in months}
        for index, kode, amount in connection.execute(query):
            read[months[index]][kode] = int(amount)
        return read

    def _paid(
        self, connection: Connection, months: list[Month], kode_umkm: str | None
    ) -> dict[str, list[tuple[Month, int]]]:
        """Per UMKM, (month, +amount) for each payout and advance, (month, -amount) for each
        reversal, made before the end of the last month. Payouts are few: read them all."""
        end = months[-1].utc_bounds(self._tz)[1]
        query = select(
            PAYOUTS.c.created_at, PAYOUTS.c.kode_umkm, PAYOUTS.c.amount, PAYOUTS.c.kind
        ).where(PAYOUTS.c.created_at < end)
        if kode_umkm is not None:
            query = query.where(PAYOUTS.c.kode_umkm == kode_umkm)
        paid: dict[str, list[tuple[Month, int]]] = defaultdict(list)
        for at, kode, amount, kind in connection.execute(query):
            sign = -1 if kind == PayoutKind.REVERSAL.value else 1
            paid[kode].append((Month.of(at, self._tz), sign * amount))
        return paid


def _aware(moment: dt.datetime | str) -> dt.datetime:
    """MIN() over a UtcDateTime column comes back untyped: naive UTC (text on SQLite)."""
    if isinstance(moment, str):
        moment = dt.datetime.fromisoformat(moment)
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment
