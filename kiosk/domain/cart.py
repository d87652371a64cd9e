"""The basket being rung up: lines from any vendor present, paid in one go."""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace

from .errors import DomainError, ErrorCode

MAX_QUANTITY = 999
MAX_LINE_AMOUNT = 50_000_000  # a typo guard: nothing at the stall costs more


class CartProblem(ErrorCode):
    NO_VENDOR = "no_vendor"
    NO_DESCRIPTION = "no_description"
    PRICE_NOT_WHOLE = "price_not_whole"
    PRICE_RANGE = "price_range"  # maximum
    QUANTITY_RANGE = "quantity_range"  # maximum
    CASH_NOT_WHOLE = "cash_not_whole"
    CASH_SHORT = "cash_short"
    CASH_NOT_CASH = "cash_not_cash"  # cash given with another payment method
    INACTIVE_VENDOR = "inactive_vendor"  # vendors


class CartError(DomainError):
    pass


@dataclass(frozen=True)
class CartLine:
    vendor_code: str
    description: str
    unit_price: int
    quantity: int = 1
    sku: str | None = None  # None for a free amount ("nominal bebas")

    def __post_init__(self) -> None:
        if not self.vendor_code:
            raise CartError(CartProblem.NO_VENDOR, "every line needs the vendor it is sold for")
        if not self.description.strip():
            raise CartError(CartProblem.NO_DESCRIPTION, "every line needs a description")
        if isinstance(self.unit_price, bool) or not isinstance(self.unit_price, int):
            raise CartError(CartProblem.PRICE_NOT_WHOLE, "prices are whole rupiah")
        if not (0 < self.unit_price <= MAX_LINE_AMOUNT):
            raise CartError(
                CartProblem.PRICE_RANGE,
                f"a price must be between Rp1 and Rp{MAX_LINE_AMOUNT:,}".replace(",", "."),
                maximum=f"Rp{MAX_LINE_AMOUNT:,}".replace(",", "."),
            )
        if (
            isinstance(self.quantity, bool)
            or not isinstance(self.quantity, int)
            or not (1 <= self.quantity <= MAX_QUANTITY)
        ):
            raise CartError(
                CartProblem.QUANTITY_RANGE,
                f"a quantity must be between 1 and {MAX_QUANTITY}",
                maximum=MAX_QUANTITY,
            )

    @property
    def subtotal(self) -> int:
        return self.unit_price * self.quantity

    @property
    def key(self) -> tuple[str, str | None, int]:
        return (self.vendor_code, self.sku, self.unit_price)


class Cart:
    """Mutable on purpose: the selling screen edits one basket until it is paid or cleared."""

    def __init__(self, lines: list[CartLine] | None = None) -> None:
        self._lines: list[CartLine] = list(lines or [])

    @property
    def lines(self) -> tuple[CartLine, ...]:
        return tuple(self._lines)

    @property
    def total(self) -> int:
        return sum(line.subtotal for line in self._lines)

    def is_empty(self) -> bool:
        return not self._lines

    def add(self, line: CartLine) -> None:
        """Adding the same catalogue product again raises its quantity instead of a new line."""
        if line.sku is not None:
            for index, existing in enumerate(self._lines):
                if existing.key == line.key:
                    self.set_quantity(index, existing.quantity + line.quantity)
                    return
        self._lines.append(line)

    def set_quantity(self, index: int, quantity: int) -> None:
        if quantity <= 0:
            self.remove(index)
            return
        self._lines[index] = replace(self._lines[index], quantity=quantity)

    def remove(self, index: int) -> None:
        del self._lines[index]

    def clear(self) -> None:
        self._lines.clear()


class PaymentMethod(enum.Enum):
    TUNAI = "TUNAI"
    QRIS = "QRIS"


@dataclass(frozen=True)
class Payment:
    method: PaymentMethod
    cash_given: int | None = None  # only for TUNAI

    def change_for(self, total: int) -> int:
        if self.method is PaymentMethod.TUNAI:
            given = self.cash_given if self.cash_given is not None else total
            if isinstance(given, bool) or not isinstance(given, int):
                raise CartError(CartProblem.CASH_NOT_WHOLE, "the cash given must be whole rupiah")
            if given < total:
                raise CartError(CartProblem.CASH_SHORT, "the cash given is less than the total")
            return given - total
        return 0

    def check(self, total: int) -> None:
        if self.method is not PaymentMethod.TUNAI and self.cash_given is not None:
            raise CartError(CartProblem.CASH_NOT_CASH, "cash given only applies to cash payments")
        self.change_for(total)
