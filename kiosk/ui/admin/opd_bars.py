"""Compliance per OPD on the dashboard: each OPD's whole name, then its bar.

OPD names run to 55 characters ("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"),
so each name is a wrapping label (a painted chart would have to cut them on a 1024 px
screen) and the rows sit in a list the admin drags when they outgrow the panel."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from .. import theme
from ..theme import px

BAR_HEIGHT = 34  # px at scale 1, the value's words included


@dataclass(frozen=True)
class Bar:
    label: str  # the OPD's name, above its bar
    share: float  # 0.0 - 1.0 of the full width
    value: str  # at the bar's end, e.g. "72,5%"
    colour: str = theme.BRAND


class _Track(QWidget):
    """The bar: its share filled in the bar's colour, the value at its end."""

    def __init__(self, bar: Bar) -> None:
        super().__init__()
        self.bar = bar
        self.setFixedHeight(px(BAR_HEIGHT))
        self.setAccessibleName(f"{bar.label}: {bar.value}")

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(theme.FONT_FAMILY)
        font.setPointSize(px(theme.BODY_PT))  # points scale as pixels do
        font.setBold(True)
        painter.setFont(font)
        gap, inset, radius = px(12), px(6), px(6)
        value_width = painter.fontMetrics().horizontalAdvance("100,0%") + px(8)
        height = self.height()
        track = QRectF(0, inset, max(0.0, self.width() - value_width - gap), height - 2 * inset)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#dde5ec"))
        painter.drawRoundedRect(track, radius, radius)
        filled = QRectF(track)
        filled.setWidth(max(0.0, min(1.0, self.bar.share)) * track.width())
        if filled.width() > 0:
            painter.setBrush(QColor(self.bar.colour))
            painter.drawRoundedRect(filled, radius, radius)
        painter.setPen(QColor(theme.INK))
        painter.drawText(
            QRectF(track.right() + gap, 0, value_width, height),
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
        self._rows.setSpacing(px(2))

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
            self._rows.addSpacing(px(8))
            name.show()  # added to a visible list: otherwise shown only on a later turn
            track.show()
        self._rows.addStretch(1)
