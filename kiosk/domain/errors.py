"""The one base class for every "your input is wrong" error the domain raises.

``str(error)`` is an English sentence for the CLI and the logs; ``code`` and ``values`` say
the same thing to a screen, which words it in its own language. A screen must never read the
English: rewording it would silently change (or break) what the screen shows."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Any


class ErrorCode(enum.Enum):
    """Base of every error code enum: one member per way an input can be wrong."""


class LedgerProblem(ErrorCode):
    """What the ledger refuses (it sits below the services and sees only the domain)."""

    ALREADY_IMPORTED = "already_imported"  # file_name, imported_at
    SALES_IMPORTED_BEFORE = "sales_imported_before"  # count: rows another file brought
    SALE_NOT_FOUND = "sale_not_found"  # number
    ALREADY_VOIDED = "already_voided"  # number
    VOID_WITHOUT_REASON = "void_without_reason"
    ALREADY_EXEMPT = "already_exempt"  # nip, month, reason


class DomainError(ValueError):
    """Bad input: the message is one sentence a person can act on."""

    def __init__(self, code: ErrorCode, message: str, /, **values: object) -> None:
        super().__init__(message)
        self.code = code
        self.values: Mapping[str, object] = values  # named, as the message shows them

    def __reduce__(self) -> tuple[Any, ...]:
        # Subclasses take other arguments than ``args``: rebuild without calling __init__,
        # so copying or pickling an error keeps its code and values.
        return _restore, (type(self), self.args, self.__dict__)


def _restore(cls: type[DomainError], args: tuple[object, ...], state: dict[str, Any]) -> Any:
    error = cls.__new__(cls, *args)
    error.args = args
    error.__dict__.update(state)
    return error


class DuplicateImport(DomainError):
    """A file of records that was imported before; importing it again would count it twice."""

    def __init__(self, file_name: str, imported_at: object) -> None:
        super().__init__(
            LedgerProblem.ALREADY_IMPORTED,
            f"this file was already imported (as '{file_name}')",
            file_name=file_name,
            imported_at=imported_at,
        )
        self.file_name = file_name
        self.imported_at = imported_at  # aware datetime (UTC)


class RepeatedPaperSales(DomainError):
    """Rows of a paper-records file that an earlier file already brought into the ledger."""

    def __init__(self, earlier: dict[int, str]) -> None:
        super().__init__(
            LedgerProblem.SALES_IMPORTED_BEFORE,
            f"{len(earlier)} of these sales were already imported from another file",
            count=len(earlier),
        )
        self.earlier = earlier  # the row's index in the file -> the earlier file's name
