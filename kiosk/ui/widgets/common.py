"""Small building blocks shared by the screens: styled labels and the error message box."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget


def label(text: str = "", name: str = "", *, wrap: bool = False) -> QLabel:
    """A label whose style comes from its object name (theme.STYLE: title, amount, hint...)."""
    widget = QLabel(text)
    if name:
        widget.setObjectName(name)
    widget.setWordWrap(wrap)
    return widget


class ElidedLabel(QLabel):
    """One line that ends in "…" when too long: keeps list rows short and even. ``short``:
    words that say enough when the whole text does not fit (shown whole if they fit)."""

    def __init__(self, text: str = "", name: str = "", *, short: str = "") -> None:
        super().__init__()
        self.full_text = text
        self.short = short
        if name:
            self.setObjectName(name)
        self.setMinimumWidth(40)
        self.setText(text)

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        metrics = self.fontMetrics()
        text, width = self.full_text, self.width()
        if self.short and metrics.horizontalAdvance(text) > width:
            text = self.short
        self.setText(metrics.elidedText(text, Qt.TextElideMode.ElideRight, width))


class WholeLabel(QLabel):
    """ElidedLabel's twin for words that must be read whole (a buyer's name): wraps."""

    def __init__(self, text: str = "", name: str = "") -> None:
        super().__init__(text)
        if name:
            self.setObjectName(name)
        self.setWordWrap(True)

    @property
    def full_text(self) -> str:
        return self.text()

    def set_full_text(self, text: str) -> None:
        self.setText(text)


def restyle(widget: QWidget, name: str) -> None:
    """Change a widget's style class at run time (the style sheet keys on object names)."""
    if widget.objectName() == name:
        return  # polishing again would only redo its font and colours (and its layout)
    widget.setObjectName(name)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def panel() -> QFrame:
    frame = QFrame()
    frame.setObjectName("panel")
    return frame


class MessageBox(QFrame):
    """A red message in place (never a modal dialog): hidden until there is something to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("message")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        self.text = label(wrap=True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.text)
        self.hide()

    def show_message(self, text: str) -> None:
        self.text.setText(text)
        self.show()

    def clear(self) -> None:
        self.text.clear()
        self.hide()

    @property
    def message(self) -> str:
        return self.text.text() if not self.isHidden() else ""
