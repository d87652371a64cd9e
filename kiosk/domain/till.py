"""The till's arithmetic: a cash count by denomination, the cash a shift should hold, and the
difference a closing operator must explain. Pure: the shift service and the reports share it."""

from __future__ import annotations

import enum
import json
from collections.abc import Mapping
from dataclasses import dataclass, field

from .errors import DomainError, ErrorCode

# Indonesian notes counted one by one at close; coins are counted as one amount.
DENOMINATIONS: tuple[int, ...] = (100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000)
COINS = "coins"


class ShiftEventKind(enum.Enum):
    OPEN = "open"
    HANDOVER = "handover"
    CLOSE = "close"


class DifferenceReason(enum.Enum):
    """The short list a closing operator picks from when counted != expected (or types one)."""

    WRONG_CHANGE = "wrong_change"  # kembalian salah
    NOT_RUNG_UP = "not_rung_up"  # penjualan belum dicatat
    PAID_OUT_UNRECORDED = "paid_out_unrecorded"  # uang keluar tanpa catatan
    COUNTING = "counting"  # salah hitung awal/akhir


class CountProblem(ErrorCode):
    NEGATIVE_PIECES = "negative_pieces"  # denomination, pieces
    UNKNOWN_DENOMINATION = "unknown_denomination"  # denomination
    NEGATIVE_COINS = "negative_coins"  # coins


@dataclass(frozen=True)
class CashCount:
    """Pieces per note (Rp100.000 … Rp1.000) and the coins as one amount, in whole rupiah."""

    pieces: Mapping[int, int] = field(default_factory=dict)
    coins: int = 0

    def __post_init__(self) -> None:
        for denomination, pieces in self.pieces.items():
            if denomination not in DENOMINATIONS:
                raise DomainError(
                    CountProblem.UNKNOWN_DENOMINATION,
                    f"Rp{denomination} is not a note the till counts",
                    denomination=denomination,
                )
            if pieces < 0:
                raise DomainError(
                    CountProblem.NEGATIVE_PIECES,
                    f"a count of {pieces} notes of Rp{denomination} is below zero",
                    denomination=denomination,
                    pieces=pieces,
                )
        if self.coins < 0:
            raise DomainError(
                CountProblem.NEGATIVE_COINS,
                "the coins cannot add up to less than zero",
                coins=self.coins,
            )

    @property
    def total(self) -> int:
        return sum(d * n for d, n in self.pieces.items()) + self.coins

    def to_json(self) -> str:
        """Canonical (every note, largest first, then coins): the bytes the chain hashes."""
        counts = {str(d): int(self.pieces.get(d, 0)) for d in DENOMINATIONS}
        counts[COINS] = self.coins
        return json.dumps(counts, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> CashCount:
        data = json.loads(text)
        coins = int(data.pop(COINS, 0))
        return cls({int(d): int(n) for d, n in data.items() if int(n)}, coins)


@dataclass(frozen=True)
class CashFigures:
    """What a shift's drawer should hold: float + cash sales − cash voids − cash payouts."""

    float_amount: int
    cash_sales: int
    cash_voids: int
    cash_payouts: int

    @property
    def expected(self) -> int:
        return self.float_amount + self.cash_sales - self.cash_voids - self.cash_payouts

    def difference(self, counted: int) -> int:
        """Counted − expected: negative when cash is missing."""
        return counted - self.expected
