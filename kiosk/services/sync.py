"""Sync with the central store: once (``jikubata sync``, the admin's "sync now") and in the
background of the running kiosk (``SyncWorker``: its own thread, every
``central.interval_seconds``). The push itself (kiosk/central/push.py) and the state kept in
the kiosk's database come in as ports, so this module never touches a store.

A sync never delays a sale: the push reads the ledger in a read transaction, talks to central
with no local transaction open, and writes its acknowledgement in a short one afterwards."""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from .clock import Clock

log = logging.getLogger(__name__)


class CentralUnreachable(Exception):
    """Central could not be reached, or refused a batch: one sentence; nothing was lost,
    the entries wait and go with the next sync."""


@dataclass(frozen=True)
class PushResult:
    pushed: int  # entries central accepted in this push (already there counts too)
    acked_seq: int  # the highest contiguous entry number central now holds
    head_seq: int  # this kiosk's newest entry number
    alarm: str | None = None  # set: the push is stopped (a hash conflict), one sentence

    @property
    def waiting(self) -> int:
        return max(self.head_seq - self.acked_seq, 0)


@dataclass(frozen=True)
class SyncStatus:
    last_ok_at: dt.datetime | None
    waiting: int
    last_error: str | None
    alarm: str | None


class SyncStatePort(Protocol):
    def status(self) -> SyncStatus: ...

    def record_ok(self, at: dt.datetime) -> None: ...

    def record_error(self, sentence: str) -> None: ...


@dataclass(frozen=True)
class SyncOutcome:
    ok: bool  # central holds every entry of this kiosk, and the pull took all it offered
    sentence: str
    pushed: int = 0
    waiting: int = 0


class SyncService:
    """One sync at a time (the worker and a "sync now" share this object)."""

    def __init__(
        self,
        push: Callable[[], PushResult],
        state: SyncStatePort,
        clock: Clock,
        pull: Callable[[], str | None] | None = None,
    ) -> None:
        self._push = push
        # the pull of the roster and catalogue: a sentence when central's data was refused
        self._pull = pull
        self._state = state
        self._clock = clock
        self._lock = threading.Lock()

    def status(self) -> SyncStatus:
        return self._state.status()

    def sync_once(self) -> SyncOutcome:
        with self._lock:
            return self._sync()

    def _sync(self) -> SyncOutcome:
        try:
            result = self._push()
        except CentralUnreachable as error:
            sentence = str(error)
            self._state.record_error(sentence)
            waiting = self._state.status().waiting
            return SyncOutcome(False, sentence, 0, waiting)
        if result.alarm is not None:
            return SyncOutcome(False, result.alarm, result.pushed, result.waiting)
        if self._pull is not None:
            try:
                refused = self._pull()
            except CentralUnreachable as error:
                self._state.record_error(str(error))
                return SyncOutcome(False, str(error), result.pushed, result.waiting)
            if refused:
                self._state.record_error(refused)
                return SyncOutcome(False, refused, result.pushed, result.waiting)
        if result.waiting:
            sentence = f"{result.waiting} entries still wait to reach central"
            self._state.record_error(sentence)
            return SyncOutcome(False, sentence, result.pushed, result.waiting)
        self._state.record_ok(self._clock())
        sentence = f"central holds every entry up to number {result.acked_seq}"
        return SyncOutcome(True, sentence, result.pushed, 0)


class SyncWorker:
    """Syncs at start and then every ``interval`` seconds on its own (daemon) thread until
    ``stop``. An error is recorded and tried again next time; the thread never dies of it."""

    def __init__(
        self,
        service: SyncService,
        interval: float,
        on_outcome: Callable[[SyncOutcome], None] = lambda outcome: None,
    ) -> None:
        self._service = service
        self._interval = interval
        self._on_outcome = on_outcome
        self._stopping = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="central-sync", daemon=True)
        self._thread.start()

    def wake(self) -> None:
        """Sync now rather than at the next interval."""
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        """Asks the thread to end and waits a little: a push stuck on a dead network is
        left to its socket timeouts (the thread is a daemon, so quitting never waits on it)."""
        self._stopping.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _run(self) -> None:
        while not self._stopping.is_set():
            try:
                outcome = self._service.sync_once()
                if not outcome.ok:
                    log.warning("central sync: %s", outcome.sentence)
                self._on_outcome(outcome)
            except Exception:  # a bug must not end the kiosk's syncing for good
                log.exception("central sync failed unexpectedly")
            self._wake.wait(self._interval)
            self._wake.clear()
