"""Slowing down PIN guessing at the admin screen: a few honest typos are free, then each
further wrong PIN doubles the wait (30 s, 60 s, 2 min ... capped at 15 min)."""

from __future__ import annotations

import time
from collections.abc import Callable

FREE_ATTEMPTS = 3
FIRST_LOCK_SECONDS = 30.0
MAX_LOCK_SECONDS = 15 * 60.0


class PinGuard:
    """``clock`` returns seconds that only move forward (``time.monotonic``): a wall clock
    set back by an NTP jump must not extend or shorten a lockout."""

    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        *,
        free_attempts: int = FREE_ATTEMPTS,
        first_lock: float = FIRST_LOCK_SECONDS,
        max_lock: float = MAX_LOCK_SECONDS,
    ) -> None:
        self._clock = clock
        self._free = free_attempts
        self._first = first_lock
        self._max = max_lock
        self._failures = 0
        self._locked_until = 0.0

    @property
    def failures(self) -> int:
        """Wrong PINs in a row since the last success."""
        return self._failures

    @property
    def attempts_left(self) -> int:
        """Wrong PINs still allowed before the first lockout (0 once it has started)."""
        return max(0, self._free - self._failures)

    def locked_for(self) -> float:
        """Seconds until another PIN may be tried (0.0 when it may be tried now)."""
        return max(0.0, self._locked_until - self._clock())

    def record(self, ok: bool) -> None:
        """Count one attempt. Attempts made while locked are refused by the caller, but if
        one is recorded anyway it counts as a failure (it cannot shorten the lock)."""
        if ok and self.locked_for() == 0.0:
            self._failures = 0
            self._locked_until = 0.0
            return
        self._failures += 1
        if self._failures >= self._free:
            extra = self._failures - self._free  # 0 for the third failure in a row
            delay = min(self._max, self._first * 2.0**extra)
            self._locked_until = self._clock() + delay
