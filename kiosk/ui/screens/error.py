"""When something unexpected happens: calm words, the reassurance that saved sales are safe,
and one way forward. The details go to the log, never to the screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..context import UiContext
from ..i18n import translate
from ..screen_names import Screen
from ..theme import scaled
from ..widgets.buttons import button

DEFAULT_SUMMARY = QT_TRANSLATE_NOOP("ErrorScreen", "Layar ini tidak dapat dilanjutkan.")


class ErrorScreen(QWidget):
    def __init__(
        self, ctx: UiContext | None, go: Callable[[Screen], None], *, home: Screen = Screen.IDLE
    ) -> None:
        """``ctx`` is not needed (this screen must work when little else does); it is taken
        so that every screen is built the same way."""
        super().__init__()
        self.setObjectName("screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(96, 64, 96, 64)
        layout.setSpacing(24)
        layout.addStretch(1)
        centre = Qt.AlignmentFlag.AlignHCenter
        title = QLabel(translate("ErrorScreen", "Maaf, terjadi kesalahan"))
        title.setObjectName("title")
        title.setStyleSheet(scaled("font-size: 40pt;"))
        self.summary = QLabel(translate("ErrorScreen", DEFAULT_SUMMARY))
        self.summary.setObjectName("big")
        self.summary.setWordWrap(True)
        safe = QLabel(translate("ErrorScreen", "Transaksi yang sudah tersimpan tetap aman."))
        safe.setObjectName("ok")
        safe.setStyleSheet(scaled("font-size: 24pt;"))
        hint = QLabel(translate("ErrorScreen", "Bila terjadi lagi, beri tahu admin Disperindag."))
        hint.setObjectName("hint")
        self.home = button(translate("ErrorScreen", "Kembali ke awal"), "primary")
        self.home.setObjectName("home")
        self.home.setStyleSheet(scaled("min-width: 420px;"))  # the style sheet's min-width wins
        self.home.clicked.connect(lambda: go(home))
        for widget in (title, self.summary, safe, hint):
            # Full width, centred text: a wrapped line must never be cut off.
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(widget)
        layout.addSpacing(24)
        layout.addWidget(self.home, 0, centre)
        layout.addStretch(1)

    def show_error(self, summary: str) -> None:
        """A short, non-technical line, e.g. "Printer tidak menjawab." (never an exception)."""
        self.summary.setText(summary.strip() or translate("ErrorScreen", DEFAULT_SUMMARY))
