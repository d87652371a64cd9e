"""NIP: the 18-digit civil-servant number.

Layout: ``YYYYMMDD`` birth date, ``YYYYMM`` start of service, one gender digit (1 male,
2 female), a 3-digit sequence. PPPK numbers have the same length but digits 13-14 are not a
month, so the service part is deliberately not checked. There is no check digit.
"""

from __future__ import annotations

import datetime as dt
import re

from .errors import DomainError

NIP_LENGTH = 18
_DIGITS = re.compile(r"[0-9]{18}")  # ASCII only; used with fullmatch, so no trailing "\n"


class NipError(DomainError):
    """Text that is not a valid NIP."""


def nip_problem(text: str) -> str | None:
    """Why ``text`` is not a valid NIP, or ``None`` when it is one."""
    if not _DIGITS.fullmatch(text):
        return "a NIP has exactly 18 digits"
    try:
        born = dt.date(int(text[0:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return "its first 8 digits are not a real birth date (YYYYMMDD)"
    if born.year < 1900:
        return "its birth year is before 1900"
    if text[14] not in "12":
        return "its 15th digit (gender) must be 1 or 2"
    return None


def parse_nip(text: str) -> str:
    """Return the NIP with spaces removed, or raise :class:`NipError` saying what is wrong."""
    candidate = re.sub(r"[\s.\-]", "", text)
    problem = nip_problem(candidate)
    if problem:
        raise NipError(f"'{text.strip()}' is not a valid NIP: {problem}")
    return candidate


def is_valid_nip(text: str) -> bool:
    return nip_problem(text) is None


def mask_nip(nip: str) -> str:
    """``198504122010011001`` -> ``19850412********01``: enough to recognise, not to misuse."""
    if len(nip) != NIP_LENGTH:
        raise NipError("only an 18-digit NIP can be masked")
    return nip[:8] + "*" * 8 + nip[-2:]
