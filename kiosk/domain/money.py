"""Money is whole rupiah in a plain ``int``: never a float, never cents."""

from __future__ import annotations

import re

from .errors import DomainError, ErrorCode


class MoneyProblem(ErrorCode):
    THOUSANDS_COMMA = "thousands_comma"  # value: "20,000", English Excel's grouping
    CENTS = "cents"  # value has non-zero decimals
    NOT_AN_AMOUNT = "not_an_amount"  # value


class MoneyError(DomainError):
    """An amount that cannot be read as whole rupiah; ``values`` has the ``value`` read."""


# "20000", "20.000", "Rp20.000", "Rp 20.000,00", "IDR 1.250.000": dots group thousands in
# Indonesian, a comma starts decimals, and rupiah decimals may only ever be zero. Digits are
# 0-9 only: \d and int() would also read Arabic-Indic or full-width digits as an amount.
_GROUPED = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+")
_PLAIN = re.compile(r"[0-9]+")
_ENGLISH_GROUPED = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")
_PREFIX = re.compile(r"^(?:rp\.?|idr)\s*", re.IGNORECASE)


def format_rupiah(amount: int) -> str:
    """``20000`` -> ``"Rp20.000"``; negative amounts (refunds, differences) keep their sign."""
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise TypeError(f"amount must be int rupiah, not {type(amount).__name__}")
    sign = "-" if amount < 0 else ""
    return f"{sign}Rp{abs(amount):,}".replace(",", ".")


def parse_rupiah(text: str) -> int:
    """Read an amount a person or a spreadsheet wrote; the result is never negative."""
    original = text
    cleaned = _PREFIX.sub("", text.strip()).replace(" ", "").replace("\u00a0", "")
    if _ENGLISH_GROUPED.fullmatch(cleaned):
        # "20,000" is English Excel's thousands separator; reading the comma as the decimal
        # mark would record Rp20. Refuse rather than guess.
        raise MoneyError(
            MoneyProblem.THOUSANDS_COMMA,
            f"'{original}' uses ',' between thousands; write it as 20000 or 20.000",
            value=original,
        )
    if "," in cleaned:
        cleaned, _, decimals = cleaned.partition(",")
        if set(decimals) != {"0"}:  # also refuses "" and digits other than 0-9
            raise MoneyError(
                MoneyProblem.CENTS,
                f"'{original}' is not whole rupiah (rupiah have no cents)",
                value=original,
            )
    if _PLAIN.fullmatch(cleaned):
        return int(cleaned)
    if _GROUPED.fullmatch(cleaned):
        return int(cleaned.replace(".", ""))
    raise MoneyError(
        MoneyProblem.NOT_AN_AMOUNT,
        f"'{original}' is not an amount in rupiah (write it like 20000 or Rp20.000)",
        value=original,
    )
