"""Slowing down PIN guessing, for every operator and the admin alike: a few honest typos are
free, then each further wrong PIN doubles the wait (30 s, 60 s, 2 min ... capped at 15 min).

The state lives in the database (one row per subject, "operator:Ina" or "admin"), so a restart
hands out no fresh attempts. An attempt is counted as a failure *before* the PIN is checked
and forgiven when it was right: two attempts racing each other, or a crash in the middle of
the slow scrypt check, can never win an extra guess. The wall clock is stored (a monotonic
clock does not survive a restart); a clock set back can never make a lock last longer than the
longest lock from now."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from .clock import Clock, utc_now

FREE_ATTEMPTS = 3
FIRST_LOCK_SECONDS = 30.0
MAX_LOCK_SECONDS = 15 * 60.0
ADMIN = "admin"
LOCKOUT = "pin_lockout"  # the audit log's action for every lock a wrong PIN started


def operator_subject(name: str) -> str:
    return f"operator:{name}"


@dataclass(frozen=True)
class GuardState:
    failures: int = 0  # wrong PINs in a row (attempts not yet forgiven)
    locked_until: dt.datetime | None = None  # aware UTC


@dataclass(frozen=True)
class GuardUpdate:
    """A new state and, when it starts a lockout, what the audit log should say."""

    state: GuardState
    audit: dict[str, Any] | None = field(default=None)


class PinGuardPort(Protocol):
    def state(self, subject: str) -> GuardState: ...
    def update(
        self,
        subject: str,
        step: Callable[[GuardState], GuardUpdate],
        *,
        action: str,
        at: dt.datetime,
    ) -> GuardState:
        """Apply ``step`` to the current state in one write transaction; write ``action`` to
        the audit log in the same transaction when the update carries an audit detail."""
        ...


@dataclass(frozen=True)
class PinAnswer:
    """What the screen needs to know after one PIN: in, or how long to wait."""

    ok: bool
    wait: float = 0.0  # seconds before another PIN may be tried
    attempts_left: int = 0  # wrong PINs still free before the first lock
    refused: bool = False  # locked: the PIN was not even checked


class PinGuard:
    def __init__(
        self,
        store: PinGuardPort,
        clock: Clock = utc_now,
        *,
        free_attempts: int = FREE_ATTEMPTS,
        first_lock: float = FIRST_LOCK_SECONDS,
        max_lock: float = MAX_LOCK_SECONDS,
    ) -> None:
        self._store = store
        self._clock = clock
        self._free = free_attempts
        self._first = first_lock
        self._max = max_lock

    def wait(self, subject: str) -> float:
        """Seconds until ``subject`` may try a PIN (0.0: now). A lock stretched by a clock set
        back is cut to the longest lock from now, and stored so, so it ends in real time."""
        now = self._clock()
        state = self._store.state(subject)
        if self._raw_left(state, now) > self._max:
            state = self._store.update(
                subject, lambda s: GuardUpdate(self._clamped(s, now)), action=LOCKOUT, at=now
            )
        return self._left(state, now)

    def attempt(self, subject: str, check: Callable[[], bool]) -> PinAnswer:
        """Count the attempt, run the (slow) ``check`` unless locked, then settle it."""
        now = self._clock()
        refused: list[float] = []

        def claim(state: GuardState) -> GuardUpdate:
            state = self._clamped(state, now)
            left = self._left(state, now)
            if left > 0:
                refused.append(left)
                return GuardUpdate(state)
            failures = state.failures + 1
            return GuardUpdate(GuardState(failures, self._lock_after(failures, now)))

        claimed = self._store.update(subject, claim, action=LOCKOUT, at=now)
        if refused:
            return PinAnswer(False, wait=refused[0], refused=True)
        if check():
            self.clear(subject)
            return PinAnswer(True)
        wait = self._left(claimed, now)
        if wait > 0:  # this failure started a lock: the audit log keeps every one

            def record(state: GuardState) -> GuardUpdate:
                detail = {"subject": subject, "failures": state.failures, "seconds": round(wait)}
                return GuardUpdate(state, detail)

            self._store.update(subject, record, action=LOCKOUT, at=now)
        return PinAnswer(False, wait=wait, attempts_left=max(0, self._free - claimed.failures))

    def clear(self, subject: str) -> None:
        """A right PIN, or a new PIN set by someone at the kiosk's own computer."""
        self._store.update(
            subject, lambda _s: GuardUpdate(GuardState()), action=LOCKOUT, at=self._clock()
        )

    # -- the policy ------------------------------------------------------------------------
    def _lock_after(self, failures: int, now: dt.datetime) -> dt.datetime | None:
        if failures < self._free:
            return None
        delay = min(self._max, self._first * 2.0 ** (failures - self._free))
        return now + dt.timedelta(seconds=delay)

    def _raw_left(self, state: GuardState, now: dt.datetime) -> float:
        if state.locked_until is None:
            return 0.0
        return max(0.0, (state.locked_until - now).total_seconds())

    def _left(self, state: GuardState, now: dt.datetime) -> float:
        return min(self._max, self._raw_left(state, now))

    def _clamped(self, state: GuardState, now: dt.datetime) -> GuardState:
        if self._raw_left(state, now) <= self._max:
            return state
        return GuardState(state.failures, now + dt.timedelta(seconds=self._max))
