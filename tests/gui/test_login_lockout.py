"""Operator PINs cannot be guessed at speed: three wrong PINs lock that operator (and only
them) with a countdown on screen; the lock is the back end's, so a restart keeps it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QPushButton

from kiosk.ui.screens.login import LoginScreen

from .conftest import REPO, click


class Seconds:
    """monotonic() for the countdown: moves only when the test says so."""

    def __init__(self) -> None:
        self.now = 500.0

    def __call__(self) -> float:
        return self.now


def shown(ctx, qtbot, seconds: Seconds) -> LoginScreen:  # type: ignore[no-untyped-def]
    screen = LoginScreen(ctx, clock=seconds)
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    screen.reload()
    return screen


def type_pin(qtbot, screen: LoginScreen, pin: str) -> None:  # type: ignore[no-untyped-def]
    for digit in pin:
        click(qtbot, screen.keypad.findChild(QPushButton, f"key_{digit}"))
    click(qtbot, screen.submit)
    qtbot.waitUntil(lambda: not screen._checking and screen.keypad.text == "")


def test_three_wrong_pins_lock_that_operator_with_a_countdown(ctx, qtbot):
    seconds = Seconds()
    screen = shown(ctx, qtbot, seconds)
    click(qtbot, screen.name_buttons["Ina"])
    for pin in ("9999", "8888"):
        type_pin(qtbot, screen, pin)
        assert screen.message.message == "PIN salah. Silakan coba lagi."
    type_pin(qtbot, screen, "7777")
    locked = "Terlalu banyak PIN salah. Coba lagi dalam 30 detik."
    qtbot.waitUntil(lambda: screen.message.message == locked)
    assert not screen.keypad.isEnabled() and not screen.submit.isEnabled()
    assert screen.grab().save(str(REPO / "docs" / "screenshots" / "login-locked.png"))

    seconds.now += 12  # counted down on screen, the GUI thread never waits
    qtbot.waitUntil(lambda: screen.message.message.endswith("dalam 18 detik."))
    screen.keypad.set_text("1111")  # even the right PIN pushed in is not checked while locked
    screen.submit_pin()
    assert ctx.session.operator is None

    click(qtbot, screen.findChild(QPushButton, "pin_cancel"))  # someone else may log in meanwhile
    click(qtbot, screen.name_buttons["Yance"])
    assert screen.keypad.isEnabled() and screen.message.message == ""
    with qtbot.waitSignal(screen.logged_in) as logged_in:
        type_pin(qtbot, screen, "2222")
    assert logged_in.args[0] == "Yance"
    assert ctx.back_end.sale.operator_wait("Ina") == 30.0  # the back end's clock did not move


def test_a_fresh_screen_still_shows_the_lock(ctx, qtbot):
    for pin in ("9999", "8888", "7777"):
        assert not ctx.back_end.sale.check_operator("Ina", pin).ok
    ctx.kiosk.clock.now += dt.timedelta(seconds=5)
    seconds = Seconds()
    screen = shown(ctx, qtbot, seconds)
    click(qtbot, screen.name_buttons["Ina"])
    qtbot.waitUntil(lambda: screen.message.message.endswith("dalam 25 detik."))
    assert not screen.keypad.isEnabled()
    ctx.kiosk.clock.now += dt.timedelta(seconds=25)
    seconds.now += 25  # the countdown is over: the screen lets Ina try again
    qtbot.waitUntil(screen.keypad.isEnabled)
    assert screen.message.message == "Silakan coba lagi."
    with qtbot.waitSignal(screen.logged_in) as logged_in:
        type_pin(qtbot, screen, "1111")
    assert logged_in.args[0] == "Ina"
