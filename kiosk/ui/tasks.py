"""One way to run slow work (exports, heavy queries, printing status) off the GUI thread:
the result or the error comes back to the GUI thread by signal.

The kiosk runs for weeks and starts a few tasks per sale, so a finished task must leave
nothing alive. With PySide6 (6.11) two natural ways of writing this kept finished tasks alive:

- ``QThreadPool.start(runnable)`` with a Python ``QRunnable`` subclass: PySide makes the
  runnable's Python object a child of the pool's, and that reference can outlive the
  runnable, which Qt deletes once it has run; the Python object kept its work and all the work
  had captured (a sale's cart lines and payment). The pool is given a plain callable instead:
  PySide holds it only until it has run.
- A parentless QObject made per task, whose signals are connected to lambdas that capture it:
  PySide keeps the lambdas with the QObject's connections, where Python's collector cannot see
  them, so the QObject, the lambdas and the handlers they call kept each other alive. There is
  no object per task now: this runner's own signals carry a task number back, and the
  handlers wait in a dict that lets go of them when they are called.

Together these kept ~35 objects and ~9.7 kB of memory per sale (bench/gui.py, section 3).
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal

from ..domain.errors import DomainError
from ..services.safe_log import log_failure

log = logging.getLogger(__name__)

Handlers = tuple[Callable[[Any], None], Callable[[Exception], None] | None]


class TaskRunner(QObject):
    """Runs callables on its own small pool; ``on_done``/``on_error`` run on the GUI thread."""

    busy_changed = Signal(int)
    # Emitted on a pool thread; queued to this object's thread (the GUI thread).
    _done = Signal(int, object)  # task number, result
    _failed = Signal(int, object)  # task number, exception

    def __init__(self, parent: QObject | None = None, threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._numbers = itertools.count(1)
        self._running: dict[int, Handlers] = {}
        queued = Qt.ConnectionType.QueuedConnection
        self._done.connect(self._finish_done, queued)
        self._failed.connect(self._finish_failed, queued)

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        number = next(self._numbers)
        self._running[number] = (on_done, on_error)
        self.busy_changed.emit(len(self._running))
        # A plain callable, not a QRunnable subclass: PySide drops it once it has run.
        self._pool.start(lambda: self._work(number, work))

    def _work(self, number: int, work: Callable[[], Any]) -> None:  # on a pool thread
        try:
            result = work()
        except DomainError as error:
            # A person's input refused (a typo, a bad card): the screen says so in its own
            # words. Not the kiosk's fault, and its message may hold a NIP: never logged.
            self._failed.emit(number, error)
        except Exception as error:  # handed to the GUI thread, which shows it
            # Never the error's words: a database error quotes what it was given (a NIP).
            log_failure(log, "background task failed", error)
            self._failed.emit(number, error)
        else:
            self._done.emit(number, result)

    def _finish_done(self, number: int, result: Any) -> None:
        on_done, _on_error = self._finish(number)
        on_done(result)

    def _finish_failed(self, number: int, error: Exception) -> None:
        _on_done, on_error = self._finish(number)
        if on_error is not None:
            on_error(error)

    def _finish(self, number: int) -> Handlers:
        handlers = self._running.pop(number)
        self.busy_changed.emit(len(self._running))
        return handlers

    @property
    def busy(self) -> int:
        return len(self._running)

    def wait(self, msecs: int = 10_000) -> bool:
        return self._pool.waitForDone(msecs)
