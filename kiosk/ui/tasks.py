"""One way to run slow work (exports, heavy queries, printing status) off the GUI thread:
the result or the error comes back to the GUI thread by signal."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, work: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self._work = work
        self._signals = signals

    def run(self) -> None:  # on a pool thread
        try:
            result = self._work()
        except Exception as error:  # handed to the GUI thread, which shows it
            log.exception("background task failed")
            self._signals.failed.emit(error)
        else:
            self._signals.done.emit(result)


class TaskRunner(QObject):
    """Runs callables on its own small pool; ``on_done``/``on_error`` run on the GUI thread."""

    busy_changed = Signal(int)

    def __init__(self, parent: QObject | None = None, threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._running: set[_Signals] = set()

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        signals = _Signals()  # created here, so its signals are delivered on this thread
        self._running.add(signals)

        def finish(handler: Callable[[Any], None] | None, value: Any) -> None:
            self._running.discard(signals)
            self.busy_changed.emit(len(self._running))
            if handler is not None:
                handler(value)

        signals.done.connect(lambda value: finish(on_done, value))
        signals.failed.connect(lambda error: finish(on_error, error))
        self.busy_changed.emit(len(self._running))
        self._pool.start(_Task(work, signals))

    @property
    def busy(self) -> int:
        return len(self._running)

    def wait(self, msecs: int = 10_000) -> bool:
        return self._pool.waitForDone(msecs)
