"""Logging an unexpected error without what it carries: an error's message can hold a NIP, a
PIN or a card's payload (a database error quotes its bound values, a driver its row, a
refusal its input), so the log gets its class, its code and where it was raised, never its
words. The traceback's lines are the program's own code, which holds no one's data."""

from __future__ import annotations

import logging
import traceback

_DEEPEST = 5  # causes followed (a cycle of __context__ is possible in principle)


def describe(error: BaseException) -> str:
    """``IntegrityError <- sqlite3.IntegrityError`` plus ``[code]`` when it has one, then the
    stack where it was raised."""
    names = []
    current: BaseException | None = error
    while current is not None and len(names) < _DEEPEST:
        names.append(_name(current))
        current = current.__cause__ or current.__context__
    where = "".join(traceback.format_list(traceback.extract_tb(error.__traceback__)))
    return " <- ".join(names) + ("\n" + where.rstrip() if where else "")


def log_failure(log: logging.Logger, what: str, error: BaseException) -> None:
    """``what`` (the program's own words, e.g. a receipt number) and the error, described."""
    log.error("%s: %s", what, describe(error))


def _name(error: BaseException) -> str:
    kind = type(error)
    module = "" if kind.__module__ == "builtins" else f"{kind.__module__}."
    code = getattr(error, "code", None)
    return f"{module}{kind.__qualname__}" + (f" [{code}]" if code is not None else "")
