"""Compliance per OPD on the dashboard: each OPD's whole name, then its bar.

OPD names run to 55 characters ("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"):
the shared painted chart cuts them short on a 1024 px screen, so here each name is a
wrapping label and the rows sit in a list the admin drags when they outgrow the panel."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from .. import theme
from ..widgets.bar_chart import Bar

BAR_HEIGHT = 34


class _Track(QWidget):
    """The bar: its share filled in the bar's colour, the value at its end."""

    def __init__(self, bar: Bar) -> None:
        super().__init__()
        self.bar = bar
        self.setFixedHeight(BAR_HEIGHT)
        self.setAccessibleName(f"{bar.label}: {bar.value}")

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(theme.FONT_FAMILY)
        font.setPointSize(theme.BODY_PT)
        font.setBold(True)
        painter.setFont(font)
        value_width = painter.fontMetrics().horizontalAdvance("100,0%") + 8
        track = QRectF(0, 6, max(0.0, self.width() - value_width - 12.0), BAR_HEIGHT - 12)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#dde5ec"))
        painter.drawRoundedRect(track, 6, 6)
        filled = QRectF(track)
        filled.setWidth(max(0.0, min(1.0, self.bar.share)) * track.width())
        if filled.width() > 0:
            painter.setBrush(QColor(self.bar.colour))
            painter.drawRoundedRect(filled, 6, 6)
        painter.setPen(QColor(theme.INK))
        painter.drawText(
            QRectF(track.right() + 12, 0, value_width, BAR_HEIGHT),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            self.bar.value,
        )
        painter.end()


class OpdBars(QWidget):
    """``set_bars`` replaces the rows; ``bars`` reads them back."""

    def __init__(self) -> None:
        super().__init__()
        self._bars: list[Bar] = []
        self._rows = QVBoxLayout(self)
        self._rows.setContentsMargins(0, 0, 0, 0)
        self._rows.setSpacing(2)

    @property
    def bars(self) -> list[Bar]:
        return list(self._bars)

    def set_bars(self, bars: list[Bar]) -> None:
        self._bars = list(bars)
        while self._rows.count():
            old = self._rows.takeAt(0).widget()
            if old is not None:
                old.hide()  # gone now, not only once the deferred delete runs
                old.deleteLater()
        for bar in bars:
            name = QLabel(bar.label)
            name.setWordWrap(True)
            name.setObjectName("opd")
            track = _Track(bar)
            self._rows.addWidget(name)
            self._rows.addWidget(track)
            self._rows.addSpacing(8)
            name.show()  # added to a visible list: otherwise shown only on a later turn
            track.show()
        self._rows.addStretch(1)
