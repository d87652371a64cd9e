"""Operator login: touch your name, type your PIN on the keypad. Wrong PIN: a clear message.

The back end checks and counts each attempt per operator (three free, then a growing wait kept
in the ledger); this screen shows the wait it answers with and counts it down. A right PIN
then asks the till how it stands (services/shift.ShiftService.begin: a shift of an earlier
day is closed now) and hands the answer to the window: open a shift, sell, or take over."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...services.pin_guard import PinAnswer
from ...services.shift_figures import ShiftStart
from ..context import UiContext
from ..i18n import translate
from ..theme import GAP, PRIMARY, px, scaled
from ..widgets.buttons import button
from ..widgets.common import MessageBox, label
from ..widgets.countdown import Countdown, wait_text
from ..widgets.keypad import Keypad

PIN_LENGTH = 8  # operator PINs are 4 to 8 digits


class LoginScreen(QWidget):
    logged_in = Signal(str, object)  # the operator, the ShiftStart the till answered
    cancelled = Signal()

    def __init__(
        self,
        ctx: UiContext,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,  # for the countdown on screen only
    ) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self._ctx = ctx
        self._name: str | None = None
        self._checking = False
        self.countdown = Countdown(self, clock)
        self.countdown.ticked.connect(self._tick)
        self.name_buttons: dict[str, QPushButton] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(16)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._names_page())
        self.pages.addWidget(self._pin_page())
        layout.addWidget(self.pages, 1)

    # -- page 1: names ---------------------------------------------------------------------
    def _names_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        top = QHBoxLayout()
        top.addWidget(label(translate("LoginScreen", "Masuk — pilih nama Petugas"), "title"), 1)
        cancel = button(translate("LoginScreen", "Batal"), "danger")
        cancel.setObjectName("login_cancel")
        cancel.clicked.connect(self.cancelled)
        top.addWidget(cancel)
        layout.addLayout(top)
        self.names = QGridLayout()
        self.names.setSpacing(16)
        layout.addLayout(self.names)
        layout.addStretch(1)
        return page

    def reload(self) -> None:
        """Show the names of those on duty (a tiny query, like the scan lookup)."""
        while self.names.count():
            item = self.names.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.name_buttons.clear()
        self.countdown.stop()
        for index, operator in enumerate(self._ctx.back_end.sale.operators_on_duty()):
            widget = button(operator.name)
            widget.setObjectName(f"operator_{operator.name}")
            widget.setStyleSheet(scaled("font-size: 28pt; min-height: 110px;"))
            widget.clicked.connect(lambda _=False, n=operator.name: self.choose(n))
            self.names.addWidget(widget, index // 3, index % 3)
            self.name_buttons[operator.name] = widget
        self.pages.setCurrentIndex(0)

    def choose(self, name: str) -> None:
        self._name = name
        self.countdown.stop()  # each operator has their own lock
        self.who.setText(translate("LoginScreen", "PIN untuk {name}").format(name=name))
        self.keypad.setEnabled(True)
        self.keypad.set_text("")
        self.message.clear()
        self.pages.setCurrentIndex(1)
        # Still locked from earlier or before a restart? One row, like the names above.
        self.countdown.start(self._ctx.back_end.sale.operator_wait(name))

    # -- page 2: PIN -----------------------------------------------------------------------
    def _pin_page(self) -> QWidget:
        page = QWidget()
        layout = QHBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(48)
        left = QVBoxLayout()
        left.setSpacing(16)
        self.who = label("", "title", wrap=True)
        self.dots = label("", "display")
        self.dots.setMinimumHeight(px(80))
        self.dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = MessageBox()
        self.submit = button(translate("LoginScreen", "Masuk"), "primary")
        self.submit.setObjectName("pin_submit")
        self.submit.clicked.connect(self.submit_pin)
        back = button(translate("LoginScreen", "Batal"), "danger")
        back.setObjectName("pin_cancel")
        back.clicked.connect(self.reload)
        left.addWidget(self.who)
        left.addWidget(label(translate("LoginScreen", "Ketik PIN Anda"), "subtitle"))
        left.addWidget(self.dots)
        left.addWidget(self.message)
        left.addStretch(1)
        left.addWidget(self.submit)
        left.addSpacing(PRIMARY // 2)
        left.addWidget(back, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(left, 1)
        self.keypad = Keypad(PIN_LENGTH, extra="")
        self.keypad.setFixedWidth(px(3 * 150 + 2 * GAP))
        self.keypad.changed.connect(self._typed)
        layout.addWidget(self.keypad, 0, Qt.AlignmentFlag.AlignVCenter)
        self._typed("")
        return page

    def _typed(self, text: str) -> None:
        self.dots.setText(" ".join("●" for _ in text) or " ")
        self.submit.setEnabled(self._may_submit())
        if text:
            self.message.clear()

    def _may_submit(self) -> bool:
        return len(self.keypad.text) >= 4 and not self._checking and not self.countdown.left()

    def _tick(self, left: float) -> None:
        if left > 0:
            text = translate("LoginScreen", "Terlalu banyak PIN salah. Coba lagi dalam {wait}.")
            self.message.show_message(text.format(wait=wait_text(left)))
            self.keypad.setEnabled(False)
            self.submit.setEnabled(False)
            return
        self.keypad.setEnabled(True)
        self.submit.setEnabled(self._may_submit())
        if self.message.message:  # the wait is over: say so instead of a stale countdown
            self.message.show_message(translate("LoginScreen", "Silakan coba lagi."))

    def submit_pin(self) -> None:
        name, pin = self._name, self.keypad.text
        if name is None or not self._may_submit():
            return
        self._checking = True
        self.submit.setEnabled(False)
        # scrypt is deliberately slow: check off the GUI thread.
        sale = self._ctx.back_end.sale
        self._ctx.runner.run(
            lambda: sale.check_operator(name, pin),
            lambda answer: self._checked(name, answer),
            lambda _error: self._not_checked(),
        )

    def _checked(self, name: str, answer: PinAnswer) -> None:
        if answer.ok:
            till = self._ctx.back_end.till
            self._ctx.runner.run(
                lambda: till.begin(name),
                lambda start: self._till_answered(name, start),
                lambda _error: self._till_failed(),
            )
            return
        self._checking = False
        self.keypad.set_text("")
        if answer.wait > 0 and name == self._name:
            self.countdown.start(answer.wait)
            return
        self.message.show_message(translate("LoginScreen", "PIN salah. Silakan coba lagi."))

    def _till_answered(self, name: str, start: ShiftStart) -> None:
        self._checking = False
        self.keypad.set_text("")
        self.logged_in.emit(name, start)

    def _till_failed(self) -> None:
        self._checking = False
        self.keypad.set_text("")
        self.message.show_message(
            translate("LoginScreen", "Sesi kasir tidak dapat dibaca. Silakan coba lagi.")
        )

    def _not_checked(self) -> None:
        self._checking = False
        self.keypad.set_text("")
        self.message.show_message(
            translate("LoginScreen", "PIN tidak dapat diperiksa. Silakan coba lagi.")
        )
