"""The admin PIN lockout: three free tries, then 30 s doubling up to 15 minutes."""

from __future__ import annotations

import pytest

from kiosk.services.pin_guard import PinGuard


class FakeSeconds:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeSeconds:
    return FakeSeconds()


def fail(guard: PinGuard, clock: FakeSeconds, times: int) -> None:
    """Wrong PINs, each typed as soon as the lock allows."""
    for _ in range(times):
        clock.now += guard.locked_for()
        guard.record(False)


def test_two_wrong_pins_do_not_lock(clock):
    guard = PinGuard(clock)
    fail(guard, clock, 2)
    assert guard.locked_for() == 0.0
    assert guard.attempts_left == 1


def test_the_third_wrong_pin_in_a_row_locks_for_30_seconds(clock):
    guard = PinGuard(clock)
    fail(guard, clock, 3)
    assert guard.locked_for() == 30.0
    clock.now += 12.5
    assert guard.locked_for() == 17.5
    clock.now += 17.5
    assert guard.locked_for() == 0.0


@pytest.mark.parametrize(
    ("failures", "lock"),
    [(3, 30), (4, 60), (5, 120), (6, 240), (7, 480), (8, 900), (9, 900), (20, 900)],
)
def test_each_further_failure_doubles_the_lock_up_to_15_minutes(clock, failures, lock):
    guard = PinGuard(clock)
    fail(guard, clock, failures)
    assert guard.locked_for() == lock


def test_success_resets_the_count(clock):
    guard = PinGuard(clock)
    fail(guard, clock, 4)
    clock.now += guard.locked_for()
    guard.record(True)
    assert guard.failures == 0
    fail(guard, clock, 2)
    assert guard.locked_for() == 0.0
    fail(guard, clock, 1)
    assert guard.locked_for() == 30.0


def test_a_correct_pin_recorded_while_locked_does_not_unlock(clock):
    guard = PinGuard(clock)
    fail(guard, clock, 3)
    guard.record(True)
    assert guard.locked_for() > 30.0  # counted as one more failure: 60 s
