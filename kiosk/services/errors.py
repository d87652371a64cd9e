"""Errors a service reports to whoever called it (the CLI prints them, the UI shows them)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..domain.errors import DomainError


@dataclass(frozen=True)
class RowProblem:
    line: int
    column: str | None
    message: str

    def __str__(self) -> str:
        where = f"line {self.line}" + (f", column '{self.column}'" if self.column else "")
        return f"{where}: {self.message}"


class ImportRefused(DomainError):
    """Nothing was written; ``problems`` lists every bad row found (for a preview screen)."""

    def __init__(
        self, path: Path, problems: list[RowProblem] | None = None, message: str | None = None
    ) -> None:
        self.path = path
        self.problems = problems or []
        if message is None:
            first = self.problems[0]
            more = len(self.problems) - 1
            message = f"{path.name} {first}" + (f" (and {more} more problem(s))" if more else "")
        super().__init__(message + "; nothing was imported")
