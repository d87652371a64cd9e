"""The revoked-cards file as every scan and typed NIP sees it.

Read on every identification, so it is re-read only when its size or modification time
changes. It never raises on the way to a sale: a line that is no NIP is skipped (the others
still revoke) and a file that cannot be read leaves the last list read in force (none if it
was never read), so a lost card stays blocked. Either problem is one sentence in the log when
it appears and on the admin's screen (``problem()``) until the file is fixed."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from ..domain.errors import DomainError, ErrorCode
from .card_keys import CardKeyError, read_revoked

log = logging.getLogger(__name__)


class RevokedFileProblem(ErrorCode):
    BAD_LINES = "bad_lines"  # file, lines ("2, 7"), count: lines that are no NIP, skipped
    UNREADABLE = "unreadable"  # file, count: NIPs of the last list read, still in force


class RevokedFileError(DomainError):
    pass


def _bad_lines(path: Path, lines: tuple[int, ...]) -> RevokedFileError:
    listed = ", ".join(map(str, lines))
    what = f"line {listed} is not a valid NIP and is skipped"
    if len(lines) > 1:
        what = f"lines {listed} are not valid NIPs and are skipped"
    return RevokedFileError(
        RevokedFileProblem.BAD_LINES,
        f"{path} {what}; the other lines still block their cards.",
        file=str(path),
        lines=listed,
        count=len(lines),
    )


def _unreadable(path: Path, why: str, kept: int) -> RevokedFileError:
    return RevokedFileError(
        RevokedFileProblem.UNREADABLE,
        f"{path} cannot be read ({why}); the last list read still blocks {kept} NIP(s).",
        file=str(path),
        count=kept,
    )


class RevokedCards:
    def __init__(self, path: Path) -> None:
        self._path = path
        self._lock = threading.Lock()  # scans and the admin screen ask from worker threads
        self._seen: tuple[int, int] | None = None  # (mtime_ns, size) of the file last read
        self._nips: frozenset[str] = frozenset()
        self._problem: RevokedFileError | None = None
        self._said: str | None = None  # the problem last logged, so each is logged once

    def current(self) -> frozenset[str]:
        """The NIPs blocked now; never raises."""
        with self._lock:
            self._refresh()
            return self._nips

    def problem(self) -> RevokedFileError | None:
        """What is wrong with the file now (None: nothing)."""
        with self._lock:
            self._refresh()
            return self._problem

    def _refresh(self) -> None:
        try:
            stat = self._path.stat()
        except FileNotFoundError:
            self._seen, self._nips = None, frozenset()  # no file: no card is revoked
            self._report(None)
            return
        except OSError as error:  # e.g. no permission on its folder: try again next time
            self._report(_unreadable(self._path, error.strerror or "no access", len(self._nips)))
            return
        seen = (stat.st_mtime_ns, stat.st_size)
        if seen == self._seen:
            return
        try:
            read = read_revoked(self._path)
        except CardKeyError:
            self._seen = seen  # not read again until it changes
            self._report(_unreadable(self._path, "not UTF-8 text", len(self._nips)))
            return
        except OSError as error:  # a folder in its place, a read error: try again next time
            self._report(_unreadable(self._path, error.strerror or "no access", len(self._nips)))
            return
        self._seen, self._nips = seen, read.nips
        self._report(_bad_lines(self._path, read.bad_lines) if read.bad_lines else None)

    def _report(self, problem: RevokedFileError | None) -> None:
        self._problem = problem
        said = str(problem) if problem else None
        if said is not None and said != self._said:
            log.warning("%s", said)  # names the file and lines, never a NIP
        elif said is None and self._said is not None:
            log.info("%s is readable again", self._path)
        self._said = said
