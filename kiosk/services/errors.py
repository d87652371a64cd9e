"""Errors a service reports to whoever called it (the CLI prints them, the UI shows them).

Each carries a code and named values besides its English message, as every DomainError does:
the UI words the code, never the English."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.errors import DomainError, ErrorCode


class Refusal(ErrorCode):
    """A service declining to do what it was asked."""

    NO_ROSTER = "no_roster"  # day: no roster is in force then
    VOID_REASON = "void_reason"  # the reason is not 3 to 500 characters
    EXEMPTION_REASON = "exemption_reason"  # the same for an exemption
    OPERATOR_NAME = "operator_name"  # not 1 to 64 characters
    OPERATOR_PIN = "operator_pin"  # not 4 to 8 digits
    OPERATOR_VENDOR = "operator_vendor"  # value: not a known UMKM
    ADMIN_PIN_LENGTH = "admin_pin_length"  # not 6 to 12 digits
    ADMIN_PIN_WEAK = "admin_pin_weak"  # one digit repeated, or a simple sequence
    UNKNOWN_OPD = "unknown_opd"  # opd: nobody on the roster works there
    NIP_IN_OTHER_OPD = "nip_in_other_opd"  # nip, opd, actual
    NIP_NOT_ON_ROSTER = "nip_not_on_roster"  # nip, day


class ImportProblem(ErrorCode):
    """Why a whole file was refused (every ImportRefused also has the ``file`` name)."""

    BAD_ROWS = "bad_rows"  # count: see ``problems``
    NOT_FOUND = "not_found"
    IS_FOLDER = "is_folder"
    UNREADABLE = "unreadable"  # reason: the system's words
    TOO_LARGE = "too_large"  # limit
    NOT_UTF8 = "not_utf8"  # line
    NOT_TEXT = "not_text"
    EMPTY = "empty"
    NO_ROWS = "no_rows"  # a header and nothing else
    REMOVES_MANY = "removes_many"  # removed, active, share, as_of
    ALREADY_IMPORTED = "already_imported"  # first_name, when


class RowCode(ErrorCode):
    """What is wrong on one line of an imported CSV (a value's own error code, such as a
    MoneyProblem, may stand in its place)."""

    UNREADABLE_HEADER = "unreadable_header"
    BAD_HEADER = "bad_header"  # expected, missing, unexpected
    UNREADABLE_ROW = "unreadable_row"
    FIELD_COUNT = "field_count"  # count, expected, delimiter
    TOO_LONG = "too_long"  # limit
    EMPTY = "empty"
    INVALID_NIP = "invalid_nip"  # value, reason (a NipProblem)
    REPEATED_NIP = "repeated_nip"  # nip, line
    REPEATED = "repeated"  # value, line: a code already used above
    BAD_CODE = "bad_code"  # value
    UNKNOWN_TIER = "unknown_tier"  # value, allowed
    UNKNOWN_VENDOR = "unknown_vendor"  # value
    NOT_A_PHONE = "not_a_phone"  # value
    NOT_POSITIVE = "not_positive"
    OVER_LIMIT = "over_limit"  # value, limit: more than a till line may hold
    NOT_A_TIME = "not_a_time"  # value
    IN_THE_FUTURE = "in_the_future"  # value
    BEFORE_START = "before_start"  # value, start: before the programme began
    IMPORTED_BEFORE = "imported_before"  # file: an earlier file brought the same purchase
    REPEATED_SALE = "repeated_sale"  # line: the same purchase is on that line above


@dataclass(frozen=True)
class RowProblem:
    line: int
    column: str | None
    code: ErrorCode
    message: str  # English, for the CLI and the logs
    values: Mapping[str, object] = field(default_factory=dict, hash=False)

    @classmethod
    def of(
        cls, line: int, column: str | None, code: ErrorCode, message: str, /, **values: object
    ) -> RowProblem:
        return cls(line, column, code, message, values)

    @classmethod
    def from_error(cls, line: int, column: str | None, error: DomainError) -> RowProblem:
        """A value's own error, as the problem of its line."""
        return cls(line, column, error.code, str(error), dict(error.values))

    def __str__(self) -> str:
        where = f"line {self.line}" + (f", column '{self.column}'" if self.column else "")
        return f"{where}: {self.message}"


class ImportRefused(DomainError):
    """Nothing was written; ``problems`` lists every bad row found (for a preview screen)."""

    def __init__(
        self,
        path: Path,
        code: ErrorCode,
        message: str,
        /,
        *,
        problems: Sequence[RowProblem] = (),
        **values: object,
    ) -> None:
        super().__init__(code, message + "; nothing was imported", **{"file": path.name, **values})
        self.path = path
        self.problems = list(problems)

    @classmethod
    def bad_rows(cls, path: Path, problems: Sequence[RowProblem]) -> ImportRefused:
        first = problems[0]
        more = len(problems) - 1
        message = f"{path.name} {first}" + (f" (and {more} more problem(s))" if more else "")
        return cls(path, ImportProblem.BAD_ROWS, message, problems=problems, count=len(problems))
