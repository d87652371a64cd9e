"""The scanner's Enter keys are kept as numbers (Qt.Key is slow to build at import): they
must be Qt's Return and Enter, or every scan would stay a burst that never ends."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from PySide6.QtCore import Qt

from kiosk.ui.scanner import ENTER_KEYS


def test_the_enter_keys_are_qts_return_and_enter() -> None:
    assert (int(Qt.Key.Key_Return.value), int(Qt.Key.Key_Enter.value)) == ENTER_KEYS
