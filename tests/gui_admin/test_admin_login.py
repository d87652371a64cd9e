"""The admin PIN screen: right PIN in, wrong PINs lock with a live countdown; the lock is the
back end's, so a new screen (or a restarted kiosk) is still locked."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QPushButton

from kiosk.ui.admin.admin_login import AdminLoginScreen

from .conftest import click, show

PIN = "482913"


class Seconds:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def type_pin(qtbot, screen: AdminLoginScreen, pin: str) -> None:  # type: ignore[no-untyped-def]
    for digit in pin:
        click(qtbot, screen.keypad.findChild(QPushButton, f"key_{digit}"))
    click(qtbot, screen.enter)


def test_the_right_pin_opens_the_admin_menu(ctx, go, qtbot):
    ctx.kiosk.admin_pin.set_pin(PIN)
    screen = show(AdminLoginScreen(ctx, go), qtbot)
    type_pin(qtbot, screen, PIN)
    qtbot.waitUntil(lambda: go.last == "admin_home")
    assert screen.keypad.text == ""  # the PIN does not linger for the next visit


def test_three_wrong_pins_lock_with_a_countdown_then_unlock(ctx, go, qtbot):
    ctx.kiosk.admin_pin.set_pin(PIN)
    seconds = Seconds()
    screen = show(AdminLoginScreen(ctx, go, clock=seconds), qtbot)
    type_pin(qtbot, screen, "111111")
    qtbot.waitUntil(lambda: "Sisa 2 kali" in screen.message.text())
    type_pin(qtbot, screen, "222222")
    qtbot.waitUntil(lambda: "Sisa 1 kali" in screen.message.text())
    type_pin(qtbot, screen, "333333")
    qtbot.waitUntil(lambda: screen.message.text() == "Terkunci, coba lagi dalam 30 detik")
    assert not screen.keypad.isEnabled() and not screen.enter.isEnabled()

    seconds.now += 12  # the countdown follows the clock while the screen is shown
    qtbot.waitUntil(lambda: screen.message.text() == "Terkunci, coba lagi dalam 18 detik")
    screen.submit()  # even if something presses Masuk, nothing is checked while locked
    assert go.visited == []

    seconds.now += 18
    ctx.kiosk.clock.now += dt.timedelta(seconds=30)  # the back end's lock is over too
    qtbot.waitUntil(screen.keypad.isEnabled)
    type_pin(qtbot, screen, PIN)
    qtbot.waitUntil(lambda: go.last == "admin_home")


def test_without_an_admin_pin_it_says_how_to_set_one(ctx, go, qtbot):
    screen = show(AdminLoginScreen(ctx, go), qtbot)
    assert "Belum ada PIN admin" in screen.prompt.text()
    assert "jikubata admin set-pin" in screen.help.text()
    assert not screen.keypad.isEnabled()


def test_a_new_visit_or_a_restart_does_not_lift_the_lock(ctx, go, qtbot):
    ctx.kiosk.admin_pin.set_pin(PIN)
    for pin in ("111111", "222222", "333333"):
        assert not ctx.back_end.admin.check_pin(pin).ok
    ctx.kiosk.clock.now += dt.timedelta(seconds=10)
    screen = show(AdminLoginScreen(ctx, go, clock=Seconds()), qtbot)  # a fresh screen
    qtbot.waitUntil(lambda: screen.message.text() == "Terkunci, coba lagi dalam 20 detik")
    assert not screen.keypad.isEnabled() and not screen.enter.isEnabled()
