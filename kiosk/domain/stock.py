"""Consignment stock for the day (titip jual): the rules that need no storage.

A vendor drops pieces of a product off in the morning; the count is optional, per product and
per stall day. Rows add up: a drop-off is a positive row, a correction a negative one, and the
day's total may never go below what was already sold that day. Left = dropped − sold; what is
left at close goes back to the vendor (returned)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import DomainError, ErrorCode

MOST_PIECES = 10_000  # one row: a typo guard, far above any stall's drop-off
NOTE_LIMIT = 200  # the column's width
_PIECES = re.compile(r"[+-]?[0-9]{1,9}")  # 0-9 only: int() would read other scripts' digits


class StockProblem(ErrorCode):
    NOT_WHOLE = "stock_not_whole"  # value: the text that is not a whole number of pieces
    ZERO = "stock_zero"  # a row of nothing changes nothing
    TOO_MANY = "stock_too_many"  # most
    NEGATIVE_DROP = "stock_negative_drop"  # an operator may only add; corrections are admin's
    BELOW_SOLD = "stock_below_sold"  # product, total, sold
    UNKNOWN_PRODUCT = "stock_unknown_product"  # sku, kode_umkm


class StockError(DomainError):
    pass


def parse_pieces(text: str) -> int:
    """Pieces as typed (``12``, ``-2`` for a correction); anything else is refused."""
    cleaned = text.strip()
    if not _PIECES.fullmatch(cleaned):
        raise StockError(
            StockProblem.NOT_WHOLE, f"'{text}' is not a whole number of pieces", value=text
        )
    return int(cleaned)


def check_pieces(pieces: object, *, may_correct: bool) -> int:
    """A row's pieces: a whole number, not zero, not absurd; below zero only for a
    correction (the admin's)."""
    if isinstance(pieces, bool) or not isinstance(pieces, int):
        raise StockError(
            StockProblem.NOT_WHOLE,
            f"{pieces!r} is not a whole number of pieces",
            value=str(pieces),
        )
    if pieces == 0:
        raise StockError(StockProblem.ZERO, "a drop-off of 0 pieces changes nothing")
    if abs(pieces) > MOST_PIECES:
        raise StockError(
            StockProblem.TOO_MANY,
            f"one drop-off is at most {MOST_PIECES} pieces; check the number",
            most=MOST_PIECES,
        )
    if pieces < 0 and not may_correct:
        raise StockError(
            StockProblem.NEGATIVE_DROP,
            "only an admin may lower a day's count (a correction)",
        )
    return pieces


def check_total(product: str, total: int, sold: int) -> None:
    """The day's dropped total after a row may not fall below what was sold that day."""
    if total < sold:
        raise StockError(
            StockProblem.BELOW_SOLD,
            f"{product} would have {total} piece(s) dropped off today but {sold} were already "
            "sold; nothing was recorded",
            product=product,
            total=total,
            sold=sold,
        )


@dataclass(frozen=True)
class StockCount:
    """One counted product on one stall day."""

    kode_umkm: str
    sku: str
    nama: str
    dropped: int  # the rows' sum: drop-offs less corrections
    sold: int  # non-voided kiosk sale lines of this product that day

    @property
    def left(self) -> int:
        """What the tile shows ("sisa 4"); 0 when more was sold than counted (the count was
        wrong and the operator confirmed each sale)."""
        return max(self.dropped - self.sold, 0)

    @property
    def returned(self) -> int:
        """What goes back to the vendor at close: what is left."""
        return self.left

    @property
    def key(self) -> tuple[str, str]:
        return (self.kode_umkm, self.sku)
