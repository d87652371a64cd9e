"""Ketik NIP: for a buyer without a card. Digits shown grouped as printed (8-6-1-3)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from ...domain.errors import DomainError
from ..context import UiContext
from ..i18n import translate
from ..theme import px
from ..widgets.buttons import button
from ..widgets.common import MessageBox, label
from ..widgets.keypad import Keypad
from ..widgets.texts import grouped_nip, nip_problem_text


class NipEntryScreen(QWidget):
    """The NIP goes to the sale in progress; the window shows the buyer once it is found."""

    cancelled = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self._ctx = ctx
        layout = QHBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(48)
        left = QVBoxLayout()
        left.setSpacing(16)
        left.addWidget(label(translate("NipEntryScreen", "Ketik NIP"), "title"))
        left.addWidget(
            label(
                translate("NipEntryScreen", "18 angka, seperti tertulis di kartu ASN"),
                "subtitle",
                wrap=True,
            )
        )
        self.display = label("", "display")
        self.display.setMinimumHeight(px(84))
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        left.addWidget(self.display)
        self.count = label("", "hint")
        left.addWidget(self.count)
        self.message = MessageBox()
        left.addWidget(self.message)
        left.addStretch(1)
        self.submit = button(translate("NipEntryScreen", "Lanjut"), "primary")
        self.submit.setObjectName("nip_submit")
        self.submit.clicked.connect(self.submit_nip)
        left.addWidget(self.submit)
        left.addSpacing(36)
        cancel = button(translate("NipEntryScreen", "Batal"), "danger")
        cancel.setObjectName("nip_cancel")
        cancel.clicked.connect(self.cancelled)
        left.addWidget(cancel, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(left, 1)
        self.keypad = Keypad(18, extra="")
        self.keypad.setFixedWidth(px(470))
        self.keypad.changed.connect(self._typed)
        layout.addWidget(self.keypad, 0, Qt.AlignmentFlag.AlignVCenter)
        ctx.session.typed_refused.connect(self._refused)
        self.reset()

    def reset(self) -> None:
        self.keypad.set_text("")
        self.message.clear()

    def _typed(self, text: str) -> None:
        self.display.setText(grouped_nip(text) or " ")
        self.count.setText(
            translate("NipEntryScreen", "{count} dari 18 angka").format(count=len(text))
        )
        self.submit.setEnabled(bool(text))
        self.message.clear()

    def submit_nip(self) -> None:
        self._ctx.session.type_nip(self.keypad.text)

    def _refused(self, error: Exception) -> None:
        # A NIP that is not one, or is blocked, has its own words; anything else, the general.
        self.message.show_message(
            nip_problem_text(error.code if isinstance(error, DomainError) else None)
        )
