"""Horizontal bars drawn with QPainter (QtCharts is not installed on the kiosk)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from .. import theme


@dataclass(frozen=True)
class Bar:
    label: str  # left of the bar
    share: float  # 0.0 - 1.0 of the full width
    value: str  # at the bar's end, e.g. "72,5%"
    colour: str = theme.BRAND


class BarChart(QWidget):
    """One row per bar: the label on its own line (OPD names are long and must not be cut),
    the bar below it with the value at its end."""

    def __init__(self, row_height: int = 68, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[Bar] = []
        self._row = row_height
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    @property
    def bars(self) -> list[Bar]:
        return list(self._bars)

    def set_bars(self, bars: list[Bar]) -> None:
        self._bars = list(bars)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(600, max(1, len(self._bars)) * self._row)

    def minimumSizeHint(self) -> QSize:
        return QSize(300, max(1, len(self._bars)) * self._row)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._bars:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        label_font = QFont(theme.FONT_FAMILY)
        label_font.setPointSize(theme.BODY_PT)
        value_font = QFont(label_font)
        value_font.setBold(True)
        metrics = QFontMetrics(label_font)
        value_width = 130.0
        row = min(float(self._row), self.height() / len(self._bars))
        text_height = metrics.height()
        track = self.width() - value_width - 12
        for index, bar in enumerate(self._bars):
            top = index * row
            painter.setPen(QColor(theme.INK))
            painter.setFont(label_font)
            text = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, self.width())
            painter.drawText(
                QRectF(0, top, self.width(), text_height),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                text,
            )
            bar_top = top + text_height + 2
            bar_height = max(12.0, row - text_height - 12)
            bar_rect = QRectF(0, bar_top, track, bar_height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#dde5ec"))
            painter.drawRoundedRect(bar_rect, 6, 6)
            filled = QRectF(bar_rect)
            filled.setWidth(max(0.0, min(1.0, bar.share)) * track)
            if filled.width() > 0:
                painter.setBrush(QColor(bar.colour))
                painter.drawRoundedRect(filled, 6, 6)
            painter.setPen(QColor(theme.INK))
            painter.setFont(value_font)
            painter.drawText(
                QRectF(track + 12, bar_top - 6, value_width, bar_height + 12),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                bar.value,
            )
        painter.end()
