"""NIP: the 18-digit civil-servant number.

Layout: ``YYYYMMDD`` birth date, ``YYYYMM`` start of service, one gender digit (1 male,
2 female), a 3-digit sequence. PPPK numbers have the same length but digits 13-14 are not a
month, so the service part is deliberately not checked. There is no check digit.
"""

from __future__ import annotations

import datetime as dt
import re

from .errors import DomainError, ErrorCode

NIP_LENGTH = 18
_DIGITS = re.compile(r"[0-9]{18}")  # ASCII only; used with fullmatch, so no trailing "\n"


class NipProblem(ErrorCode):
    LENGTH = "length"  # not exactly 18 ASCII digits
    BIRTH_DATE = "birth_date"  # the first 8 digits are no date
    BIRTH_YEAR = "birth_year"  # born before 1900
    GENDER = "gender"  # the 15th digit is neither 1 nor 2


class NipError(DomainError):
    """Text that is not a valid NIP; ``code`` is a :class:`NipProblem`, ``values`` has the
    ``value`` as typed."""


# The English for the CLI and the logs; screens word the codes themselves.
NIP_REASONS = {
    NipProblem.LENGTH: "a NIP has exactly 18 digits",
    NipProblem.BIRTH_DATE: "its first 8 digits are not a real birth date (YYYYMMDD)",
    NipProblem.BIRTH_YEAR: "its birth year is before 1900",
    NipProblem.GENDER: "its 15th digit (gender) must be 1 or 2",
}


def check_nip(text: str) -> NipProblem | None:
    """What is wrong with ``text`` as a NIP, or ``None`` when it is one."""
    if not _DIGITS.fullmatch(text):
        return NipProblem.LENGTH
    try:
        born = dt.date(int(text[0:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return NipProblem.BIRTH_DATE
    if born.year < 1900:
        return NipProblem.BIRTH_YEAR
    if text[14] not in "12":
        return NipProblem.GENDER
    return None


def nip_problem(text: str) -> str | None:
    """Why ``text`` is not a valid NIP, in English, or ``None`` when it is one."""
    problem = check_nip(text)
    return None if problem is None else NIP_REASONS[problem]


def parse_nip(text: str) -> str:
    """Return the NIP with spaces removed, or raise :class:`NipError` saying what is wrong."""
    candidate = re.sub(r"[\s.\-]", "", text)
    problem = check_nip(candidate)
    if problem:
        raise NipError(
            problem,
            f"'{text.strip()}' is not a valid NIP: {NIP_REASONS[problem]}",
            value=text.strip(),
        )
    return candidate


def is_valid_nip(text: str) -> bool:
    return nip_problem(text) is None


def mask_nip(nip: str) -> str:
    """``198504122010011001`` -> ``19850412********01``: enough to recognise, not to misuse."""
    if len(nip) != NIP_LENGTH:
        raise NipError(NipProblem.LENGTH, "only an 18-digit NIP can be masked", value=nip)
    return nip[:8] + "*" * 8 + nip[-2:]
