"""The admin PIN on the on-screen keypad, with a growing lockout after wrong guesses.

The back end checks and counts every attempt (the lock is kept in the ledger, so neither a new
visit nor a restart resets it); this screen shows its answer and counts the wait down."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...services.pin_guard import PinAnswer
from ..context import UiContext
from ..i18n import translate
from ..screen_names import Screen
from ..theme import GAP, px, scaled
from ..widgets.buttons import button
from ..widgets.countdown import Countdown, wait_text
from ..widgets.keypad import Keypad
from .base import AdminPage, Go

MIN_PIN = 6


class AdminLoginScreen(AdminPage):
    """``clock`` (monotonic seconds) drives only the countdown on screen."""

    def __init__(
        self,
        ctx: UiContext,
        go: Go,
        *,
        clock: Callable[[], float] = time.monotonic,
        back: Screen = Screen.IDLE,
    ) -> None:
        super().__init__(ctx, go, translate("AdminLoginScreen", "Masuk admin"), back=back)
        self.back_button.setText(translate("AdminLoginScreen", "‹ Kembali"))
        self._checking = False
        self._lock_shown = False  # the message says "locked": replace it once unlocked
        columns = QHBoxLayout()
        columns.setSpacing(px(48))
        self.body.addLayout(columns, 1)

        left = QVBoxLayout()
        left.setSpacing(px(16))
        self.prompt = QLabel(translate("AdminLoginScreen", "Masukkan PIN admin (6–12 angka)"))
        self.prompt.setObjectName("big")
        self.prompt.setWordWrap(True)
        self.display = QLabel("")
        self.display.setObjectName("display")
        self.display.setMinimumHeight(px(80))
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = QLabel("")
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(scaled("font-size: 22pt;"))
        self.help = QLabel("")
        self.help.setObjectName("hint")
        self.help.setWordWrap(True)
        left.addWidget(self.prompt)
        left.addWidget(self.display)
        left.addWidget(self.message)
        left.addWidget(self.help)
        left.addStretch(1)
        columns.addLayout(left, 1)

        right = QVBoxLayout()
        right.setSpacing(GAP * 2)
        self.keypad = Keypad(max_length=12, extra="")
        self.keypad.changed.connect(self._typed)
        self.enter = button(translate("AdminLoginScreen", "Masuk"), "primary")
        self.enter.setObjectName("enter")
        self.enter.clicked.connect(self.submit)
        right.addWidget(self.keypad)
        right.addWidget(self.enter)
        right.addStretch(1)
        right.setContentsMargins(0, 0, 0, 0)
        holder = QWidget()
        holder.setLayout(right)
        holder.setFixedWidth(px(420))
        columns.addWidget(holder)

        self.countdown = Countdown(self, clock)
        self.countdown.ticked.connect(self._tick)

    def refresh(self) -> None:
        self.keypad.set_text("")
        self._say("")
        if not self.ctx.back_end.admin.pin_is_set():
            self.prompt.setText(translate("AdminLoginScreen", "Belum ada PIN admin di kiosk ini."))
            self.help.setText(
                translate(
                    "AdminLoginScreen",
                    "Atur dulu di komputer kiosk dengan perintah:\njikubata admin set-pin",
                )
            )
            self.help.setStyleSheet(scaled("font-size: 22pt;"))
            self._set_enabled(False)
            return
        self.prompt.setText(translate("AdminLoginScreen", "Masukkan PIN admin (6–12 angka)"))
        self.help.setText("")
        # A lock from an earlier visit or before a restart (one row, like pin_is_set above).
        self.countdown.start(self.ctx.back_end.admin.pin_wait())

    def _say(self, text: str, *, lock: bool = False) -> None:
        self.message.setText(text)
        self._lock_shown = lock

    def _typed(self, text: str) -> None:
        self.display.setText("●" * len(text))
        self.enter.setEnabled(len(text) >= MIN_PIN and not self._locked() and not self._checking)

    def _locked(self) -> bool:
        return self.countdown.left() > 0

    def _set_enabled(self, on: bool) -> None:
        self.keypad.setEnabled(on)
        self.enter.setEnabled(on and len(self.keypad.text) >= MIN_PIN)

    def _tick(self, _left: float = 0.0) -> None:
        left = self.countdown.left()
        if left > 0:
            text = translate("AdminLoginScreen", "Terkunci, coba lagi dalam {wait}")
            self._say(text.format(wait=wait_text(left)), lock=True)
            self._set_enabled(False)
            return
        if self._lock_shown:
            self._say(translate("AdminLoginScreen", "Silakan coba lagi."))
        self._set_enabled(not self._checking)

    def submit(self) -> None:
        pin = self.keypad.text
        if self._checking or self._locked() or len(pin) < MIN_PIN:
            return
        self._checking = True
        self._set_enabled(False)
        # scrypt takes a noticeable moment: off the GUI thread, like every slow call.
        self.ctx.runner.run(
            lambda: self.ctx.back_end.admin.check_pin(pin), self._checked, self._failed
        )

    def _checked(self, answer: PinAnswer) -> None:
        self._checking = False
        self.keypad.set_text("")
        if answer.ok:
            self._say("")
            self.go(Screen.ADMIN_HOME)
            return
        left = answer.attempts_left
        if answer.wait > 0:
            self.countdown.start(answer.wait)
        else:
            self._say(
                translate(
                    "AdminLoginScreen", "PIN salah. Sisa {left} kali sebelum terkunci."
                ).format(left=left)
                if left
                else translate("AdminLoginScreen", "PIN salah.")
            )
        self._tick()

    def _failed(self, _error: Exception) -> None:
        self._checking = False
        self._say(translate("AdminLoginScreen", "PIN tidak dapat diperiksa. Coba lagi."))
        self._tick()
