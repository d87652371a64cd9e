"""PIN guessing is slowed down for operators and the admin alike, in the ledger itself: three
free tries, then 30 s doubling up to 15 minutes; a restart does not hand out fresh tries."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from kiosk.bootstrap import open_kiosk
from kiosk.ledger.models import AuditLog
from kiosk.ledger.pin_guard_store import PinGuardStore
from kiosk.services.pin_guard import ADMIN, operator_subject

ADMIN_PIN = "482913"


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request) -> str:
    """The kiosk's SQLite and a central PostgreSQL alike."""
    return request.param


def wrong(guard, clock, subject: str, times: int) -> None:  # type: ignore[no-untyped-def]
    """Wrong PINs, each typed as soon as the lock allows."""
    for _ in range(times):
        clock.now += dt.timedelta(seconds=guard.wait(subject))
        assert not guard.attempt(subject, lambda: False).ok


def lockouts(kiosk) -> list[dict]:  # type: ignore[no-untyped-def]
    with kiosk.db.read() as connection:
        rows = connection.execute(
            select(AuditLog.detail).where(AuditLog.action == "pin_lockout")
        ).scalars()
        return [json.loads(row) for row in rows]


def test_two_wrong_pins_do_not_lock(kiosk, clock):
    kiosk.operators.set_pin("Ina", "2468")
    assert kiosk.operators.check("Ina", "1111").attempts_left == 2
    answer = kiosk.operators.check("Ina", "2222")
    assert (answer.ok, answer.wait, answer.attempts_left) == (False, 0.0, 1)
    assert kiosk.operators.wait("Ina") == 0.0


def test_the_third_wrong_pin_in_a_row_locks_for_30_seconds(kiosk, clock):
    kiosk.operators.set_pin("Ina", "2468")
    for pin in ("1111", "2222"):
        kiosk.operators.check("Ina", pin)
    answer = kiosk.operators.check("Ina", "3333")
    assert (answer.ok, answer.wait, answer.attempts_left) == (False, 30.0, 0)
    clock.now += dt.timedelta(seconds=12.5)
    assert kiosk.operators.wait("Ina") == 17.5
    refused = kiosk.operators.check("Ina", "2468")  # the right PIN, but too early
    assert not refused.ok and refused.refused and refused.wait == 17.5
    clock.now += dt.timedelta(seconds=17.5)
    assert kiosk.operators.wait("Ina") == 0.0
    assert kiosk.operators.check("Ina", "2468").ok


@pytest.mark.parametrize(
    ("failures", "lock"),
    [(3, 30), (4, 60), (5, 120), (6, 240), (7, 480), (8, 900), (9, 900), (20, 900)],
)
def test_each_further_failure_doubles_the_lock_up_to_15_minutes(kiosk, clock, failures, lock):
    wrong(kiosk.pin_guard, clock, ADMIN, failures)
    assert kiosk.pin_guard.wait(ADMIN) == lock


def test_a_right_pin_resets_the_count(kiosk, clock):
    kiosk.admin_pin.set_pin(ADMIN_PIN)
    wrong(kiosk.pin_guard, clock, ADMIN, 4)
    clock.now += dt.timedelta(seconds=kiosk.admin_pin.wait())
    assert kiosk.admin_pin.check(ADMIN_PIN).ok
    wrong(kiosk.pin_guard, clock, ADMIN, 2)
    assert kiosk.admin_pin.wait() == 0.0
    wrong(kiosk.pin_guard, clock, ADMIN, 1)
    assert kiosk.admin_pin.wait() == 30.0


def test_the_lock_survives_a_restart(kiosk, settings, clock):
    kiosk.admin_pin.set_pin(ADMIN_PIN)
    kiosk.operators.set_pin("Ina", "2468")
    for pin in ("111111", "222222", "333333"):
        kiosk.admin_pin.check(pin)
    for pin in ("1111", "2222", "3333"):
        kiosk.operators.check("Ina", pin)
    kiosk.close()
    clock.now += dt.timedelta(seconds=10)
    with open_kiosk(settings, clock=clock) as reopened:  # a guard rebuilt from the database
        assert reopened.admin_pin.wait() == 20.0
        assert reopened.operators.wait("Ina") == 20.0
        answer = reopened.admin_pin.check(ADMIN_PIN)
        assert not answer.ok and answer.refused
        assert not reopened.operators.check("Ina", "2468").ok


def test_guessing_one_operators_pin_does_not_lock_another(kiosk, clock):
    kiosk.operators.set_pin("Ina", "2468")
    kiosk.operators.set_pin("Budi", "1357")
    for pin in ("1111", "2222", "3333", "4444"):
        kiosk.operators.check("Ina", pin)
    assert kiosk.operators.wait("Ina") == 30.0
    assert kiosk.operators.wait("Budi") == 0.0
    assert kiosk.operators.check("Budi", "1357").ok
    assert kiosk.admin_pin.wait() == 0.0


def test_every_lockout_is_in_the_audit_log(kiosk, clock):
    kiosk.operators.set_pin("Ina", "2468")
    wrong(kiosk.pin_guard, clock, operator_subject("Ina"), 4)
    assert lockouts(kiosk) == [
        {"subject": "operator:Ina", "failures": 3, "seconds": 30},
        {"subject": "operator:Ina", "failures": 4, "seconds": 60},
    ]


def test_a_clock_set_back_never_makes_a_lock_longer_than_15_minutes(kiosk, clock):
    wrong(kiosk.pin_guard, clock, ADMIN, 3)
    clock.now -= dt.timedelta(days=365)  # someone set the date back a year
    assert kiosk.admin_pin.wait() == 900.0
    clock.now += dt.timedelta(seconds=900)  # 15 real minutes later it is over
    assert kiosk.admin_pin.wait() == 0.0
    assert not kiosk.admin_pin.check("111111").refused


def test_the_attempt_is_counted_before_the_pin_is_checked(kiosk):
    """A crash (or a second attempt racing it) during the slow check cannot win a free guess."""
    seen = []

    def check() -> bool:
        seen.append(PinGuardStore(kiosk.db).state(ADMIN).failures)
        return False

    kiosk.pin_guard.attempt(ADMIN, check)
    kiosk.pin_guard.attempt(ADMIN, check)
    assert seen == [1, 2]


def test_a_new_pin_set_at_the_kiosk_computer_lifts_the_lock(kiosk, clock):
    kiosk.admin_pin.set_pin(ADMIN_PIN)
    kiosk.operators.set_pin("Ina", "2468")
    wrong(kiosk.pin_guard, clock, ADMIN, 3)
    wrong(kiosk.pin_guard, clock, operator_subject("Ina"), 3)
    kiosk.admin_pin.set_pin("735190")  # `jikubata admin set-pin`: the forgotten-PIN way back
    kiosk.operators.set_pin("Ina", "8642")  # `jikubata operator add Ina`
    assert kiosk.admin_pin.check("735190").ok
    assert kiosk.operators.check("Ina", "8642").ok
