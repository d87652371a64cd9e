"""The on-screen keypad types only its own keys: what reaches int() is 0-9 (issue #9)."""

from __future__ import annotations

import pytest

from kiosk.ui.widgets.keypad import BACKSPACE, CLEAR, Keypad


@pytest.mark.parametrize("key", ["٥", "５", "۵", "x", "12", "\n", "", "0000"])
def test_a_key_the_keypad_does_not_have_is_ignored(qtbot, key: str) -> None:
    keypad = Keypad(max_length=12)
    qtbot.addWidget(keypad)
    keypad.press("7")
    with qtbot.assertNotEmitted(keypad.changed):
        keypad.press(key)
    assert keypad.text == "7"


def test_its_own_keys_still_type(qtbot) -> None:
    keypad = Keypad(max_length=12)
    qtbot.addWidget(keypad)
    for key in ["1", "000", "9", BACKSPACE, "5"]:
        keypad.press(key)
    assert keypad.text == "10005"
    keypad.press(CLEAR)
    assert keypad.text == ""


def test_a_pin_pad_has_no_000_key(qtbot) -> None:
    keypad = Keypad(max_length=8, extra="")
    qtbot.addWidget(keypad)
    keypad.press("000")
    keypad.press("4")
    assert keypad.text == "4"
