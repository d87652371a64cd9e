"""A push button whose words wrap when it is narrow: Qt's own cut the text instead.

The admin menu's tiles share a 1024 px wide screen four to a row; "Batalkan transaksi" then
needs two lines. ``text()`` stays the words as given (tests and translations read it)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QFontMetrics, QPaintEvent
from PySide6.QtWidgets import QPushButton, QStyle, QStyleOptionButton, QStylePainter


def wrap(text: str, metrics: QFontMetrics, width: int) -> str:
    """``text`` with line breaks so each line fits ``width`` where its words allow."""
    lines: list[str] = []
    for word in text.split():
        joined = f"{lines[-1]} {word}" if lines else word
        if lines and metrics.horizontalAdvance(joined) <= width:
            lines[-1] = joined
        else:
            lines.append(word)
    return "\n".join(lines)


class WrapButton(QPushButton):
    def _option(self) -> QStyleOptionButton:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        return option

    def _contents(self) -> QRect:
        """Where the words go once the style sheet's border and padding are taken."""
        return self.style().subElementRect(
            QStyle.SubElement.SE_PushButtonContents, self._option(), self
        )

    def _wrapped(self) -> str:
        return wrap(self.text(), self.fontMetrics(), max(1, self._contents().width()))

    def minimumSizeHint(self) -> QSize:
        """As wide as the longest word, as high as the lines the current width needs."""
        metrics = self.fontMetrics()
        contents = self._contents()
        longest = max((metrics.horizontalAdvance(w) for w in self.text().split()), default=0)
        lines = self._wrapped().count("\n") + 1
        return QSize(
            longest + self.width() - contents.width(),
            lines * metrics.lineSpacing() + self.height() - contents.height(),
        )

    def sizeHint(self) -> QSize:
        """No wider than it must be: wrapping is how it shows its words, not a cut."""
        needs = self.minimumSizeHint()
        return QSize(needs.width(), max(needs.height(), super().sizeHint().height()))

    def paintEvent(self, event: QPaintEvent) -> None:
        option = self._option()
        option.text = self._wrapped()
        QStylePainter(self).drawControl(QStyle.ControlElement.CE_PushButton, option)
