"""The print worker: one background thread that sends queued jobs to the printer.

The sale is committed before a job exists, so nothing here can lose a sale; a printer that is
off, unplugged or stalls only delays paper. A job that could not be sent at all is retried
with growing pauses. A job whose bytes went out but that the printer did not confirm (no
answer, out of paper, cover open) is never resent by itself, since the printer may still
print it: the operator reprints, and the copy settles the failed original.

Each claim names the process that made it (``claims.py``). At start the worker takes back every
job a dead process left 'printing', whatever its age, and leaves the jobs of a live process
alone; another machine's claim (a shared PostgreSQL ledger) only once it is old. Then, if
receipts wait, its first state says so, and the banner shows them.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable, Sequence

from ...services.printing_ports import PrinterStatus, PrintQueuePort, Problem, QueueState
from .claims import claim_gone, claimer_name
from .printers import PrinterError, ReceiptPrinter

log = logging.getLogger(__name__)
RETRY_AFTER = (
    dt.timedelta(seconds=5),
    dt.timedelta(seconds=15),
    dt.timedelta(seconds=30),
    dt.timedelta(seconds=60),
    dt.timedelta(minutes=2),
)
# A claim whose process this machine cannot see (another host's) is taken back after this.
STALE_CLAIM = dt.timedelta(minutes=5)


class PrintWorker:
    def __init__(
        self,
        store: PrintQueuePort,
        printer: ReceiptPrinter,
        *,
        on_state: Callable[[QueueState], None] = lambda state: None,
        clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
        retry_after: Sequence[dt.timedelta] = RETRY_AFTER,
        idle_poll_seconds: float = 30.0,
        claimer: str | None = None,
    ) -> None:
        self._store = store
        self._printer = printer
        self._on_state = on_state
        self._clock = clock
        self._retry_after = tuple(retry_after)
        self._idle_poll = idle_poll_seconds
        self._claimer = claimer or claimer_name()
        self.recovered = 0  # jobs taken back from a dead process when this worker started
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.state = QueueState(healthy=True, unprinted=0)

    @property
    def max_attempts(self) -> int:
        return len(self._retry_after) + 1

    def start(self) -> None:
        self.recovered = self._store.recover_interrupted(self._clock(), STALE_CLAIM, claim_gone)
        unprinted = self._store.unprinted_count()
        if unprinted:  # from before this start: maybe printed, maybe not; the operator decides
            self._publish(
                QueueState(False, unprinted, Problem.UNCONFIRMED, "receipts wait from before")
            )
        self._thread = threading.Thread(target=self._run, name="print-worker", daemon=True)
        self._thread.start()

    def wake(self) -> None:
        """Call after adding a job: print it now rather than at the next poll."""
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def run_once(self, job_id: int | None = None) -> bool:
        """Send the next due job (or that one job), if any; True when a job was tried."""
        job = self._store.claim_next(self._clock(), self.max_attempts, job_id, self._claimer)
        if job is None:
            return False
        try:
            self._printer.send(job.payload, job.title, job.preview)
        except PrinterError as error:
            attempt = job.attempts  # attempts made before this one
            retry = None
            # Only a job that never left the kiosk is resent by itself; once the bytes went
            # out, a second copy would be a duplicate receipt (and a second drawer kick).
            if error.problem is Problem.UNREACHABLE and attempt < len(self._retry_after):
                retry = self._clock() + self._retry_after[attempt]
            self._store.mark_failed(job.id, str(error), self._clock(), retry)
            self._publish(
                QueueState(
                    False, self._store.unprinted_count(), error.problem, str(error), job.id, False
                )
            )
        else:
            self._store.mark_printed(job.id, self._clock())
            unprinted = self._store.unprinted_count()
            self._publish(
                QueueState(unprinted == 0, unprinted, None, "", job.id, True)
                if unprinted == 0 or self.state.healthy
                else QueueState(
                    False, unprinted, self.state.problem, self.state.detail, job.id, True
                )
            )
        return True

    def poll_status(self) -> PrinterStatus:
        status = self._printer.status()
        if status.online is False or status.paper == "out":
            problem = Problem.PAPER_OUT if status.paper == "out" else Problem.UNREACHABLE
            self._publish(QueueState(False, self._store.unprinted_count(), problem, status.detail))
        return status

    def _publish(self, state: QueueState) -> None:
        self.state = state
        try:
            self._on_state(state)
        except Exception:  # a broken listener must not stop the printing
            log.exception("print state listener failed")

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                if self.run_once():
                    continue
                self._wake.clear()
                if self._stop.is_set():  # stop() came before the clear: its wake is gone
                    break
                # With jobs waiting for a retry, look again soon; otherwise poll the status.
                waiting = self.state.unprinted > 0
                pause = self._retry_after[0].total_seconds() if waiting else self._idle_poll
                if not self._wake.wait(pause) and not self._stop.is_set() and not waiting:
                    self.poll_status()
            except Exception:  # keep the worker alive whatever happens; it is logged
                log.exception("print worker error")
                self._stop.wait(1.0)
