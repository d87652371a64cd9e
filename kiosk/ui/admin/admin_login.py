"""The admin PIN on the on-screen keypad, with a growing lockout after wrong guesses."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...services.pin_guard import PinGuard
from ..context import UiContext
from ..i18n import translate
from ..screen_names import Screen
from ..theme import GAP
from ..widgets.buttons import button
from ..widgets.keypad import Keypad
from .base import AdminPage, Go

MIN_PIN = 6


def wait_text(seconds: float) -> str:
    whole = math.ceil(seconds)
    if whole < 60:
        return translate("AdminLoginScreen", "{seconds} detik").format(seconds=whole)
    minutes, rest = divmod(whole, 60)
    if not rest:
        return translate("AdminLoginScreen", "{minutes} menit").format(minutes=minutes)
    text = translate("AdminLoginScreen", "{minutes} menit {seconds} detik")
    return text.format(minutes=minutes, seconds=rest)


class AdminLoginScreen(AdminPage):
    """``guard`` outlives the screen's visits (the window keeps one screen instance), so
    leaving and coming back never resets a lockout."""

    def __init__(
        self, ctx: UiContext, go: Go, *, guard: PinGuard | None = None, back: Screen = Screen.IDLE
    ) -> None:
        super().__init__(ctx, go, translate("AdminLoginScreen", "Masuk admin"), back=back)
        self.back_button.setText(translate("AdminLoginScreen", "‹ Kembali"))
        self.guard = guard or PinGuard()
        self._checking = False
        self._lock_shown = False  # the message says "locked": replace it once unlocked
        columns = QHBoxLayout()
        columns.setSpacing(48)
        self.body.addLayout(columns, 1)

        left = QVBoxLayout()
        left.setSpacing(16)
        self.prompt = QLabel(translate("AdminLoginScreen", "Masukkan PIN admin (6–12 angka)"))
        self.prompt.setObjectName("big")
        self.prompt.setWordWrap(True)
        self.display = QLabel("")
        self.display.setObjectName("display")
        self.display.setMinimumHeight(80)
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = QLabel("")
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("font-size: 22pt;")
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
        holder.setFixedWidth(420)
        columns.addWidget(holder)

        self.ticker = QTimer(self)
        self.ticker.setInterval(250)  # the countdown reads the guard, so it never drifts
        self.ticker.timeout.connect(self._tick)

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
            self.help.setStyleSheet("font-size: 22pt;")
            self._set_enabled(False)
            return
        self.prompt.setText(translate("AdminLoginScreen", "Masukkan PIN admin (6–12 angka)"))
        self.help.setText("")
        self._tick()

    def _say(self, text: str, *, lock: bool = False) -> None:
        self.message.setText(text)
        self._lock_shown = lock

    def _typed(self, text: str) -> None:
        self.display.setText("●" * len(text))
        self.enter.setEnabled(len(text) >= MIN_PIN and not self._locked() and not self._checking)

    def _locked(self) -> bool:
        return self.guard.locked_for() > 0

    def _set_enabled(self, on: bool) -> None:
        self.keypad.setEnabled(on)
        self.enter.setEnabled(on and len(self.keypad.text) >= MIN_PIN)

    def _tick(self) -> None:
        left = self.guard.locked_for()
        if left > 0:
            text = translate("AdminLoginScreen", "Terkunci, coba lagi dalam {wait}")
            self._say(text.format(wait=wait_text(left)), lock=True)
            self._set_enabled(False)
            if not self.ticker.isActive():
                self.ticker.start()
            return
        self.ticker.stop()
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

    def _checked(self, ok: object) -> None:
        self._checking = False
        self.guard.record(bool(ok))
        self.keypad.set_text("")
        if ok:
            self._say("")
            self.go(Screen.ADMIN_HOME)
            return
        left = self.guard.attempts_left
        if not self._locked():
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
