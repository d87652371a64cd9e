"""The attract screen: logo, stall name and one instruction. Any touch starts."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QWidget

from .. import theme
from ..art import card_scanner_pixmap, draw_stall_logo
from ..i18n import translate
from ..widgets.buttons import button


class IdleScreen(QWidget):
    touched = Signal()
    admin_requested = Signal()

    def __init__(self, stall_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stall_name = stall_name
        self.instruction = translate("IdleScreen", "Pindai kartu ASN atau sentuh untuk mulai")
        self.setAccessibleName(self.instruction)  # the whole screen is its one touch target
        # Small and in a corner on purpose: staff know it is there, buyers are not invited.
        self.admin = button(translate("IdleScreen", "Admin"), "", self)
        self.admin.setObjectName("open_admin")
        self.admin.clicked.connect(self.admin_requested.emit)

    def resizeEvent(self, event: QResizeEvent) -> None:
        hint = self.admin.sizeHint()
        self.admin.setGeometry(
            self.width() - hint.width() - 16,
            self.height() - max(hint.height(), 56) - 16,
            hint.width(),
            max(hint.height(), 56),
        )
        super().resizeEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.touched.emit()
        event.accept()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width, height = self.width(), self.height()
        painter.fillRect(self.rect(), QColor(theme.BRAND))
        painter.fillRect(QRectF(0, height * 0.62, width, 10), QColor(theme.ACCENT))
        logo = min(width, height) * 0.26
        draw_stall_logo(painter, QRectF((width - logo) / 2, height * 0.06, logo, logo))
        title, subtitle = _split_name(self.stall_name)
        self._text(painter, title, 56, QRectF(0, height * 0.36, width, height * 0.12), "white")
        self._text(painter, subtitle, 28, QRectF(0, height * 0.48, width, height * 0.08), "#d8e6f0")
        painter.fillRect(QRectF(0, height * 0.62 + 10, width, height), QColor(theme.PAPER))
        hint = card_scanner_pixmap(180, 160)
        painter.drawPixmap(int(width * 0.08), int(height * 0.72), hint)
        self._text(
            painter,
            self.instruction,
            34,
            QRectF(width * 0.08 + 200, height * 0.66, width * 0.84 - 200, height * 0.34),
            theme.INK,
        )
        painter.end()

    def _text(self, painter: QPainter, text: str, points: int, rect: QRectF, colour: str) -> None:
        font = QFont(theme.FONT_FAMILY)
        font.setPointSize(points)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor(colour))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)


def _split_name(name: str) -> tuple[str, str]:
    """ "Jiku Bata — Sudut Balai Kota Ambon" -> big "Jiku Bata", smaller rest."""
    for dash in (" — ", " - ", " · "):
        if dash in name:
            head, tail = name.split(dash, 1)
            return head, tail
    return name, ""
