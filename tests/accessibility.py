"""Controls a screen reader (or a test that finds controls by name) cannot tell apart: every
visible button, tile and input needs a name of its own, its accessible name or its text
(words, not a symbol alone)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

CONTROLS = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)


def _own_text(widget: QWidget) -> str:
    """A button's text when it says something: "−", "+", "⌫" or "‹" alone say nothing to a
    screen reader."""
    if isinstance(widget, QAbstractButton) and any(ch.isalnum() for ch in widget.text()):
        return widget.text().strip()
    return ""


def unnamed_controls(root: QWidget) -> list[str]:
    """Each visible control under ``root`` with neither an accessible name nor text, as
    ``Class objectName`` (a tile is a button whose words are its child labels: not a name)."""
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisibleTo(root):
            continue
        if isinstance(widget.parent(), (QAbstractSpinBox, QComboBox)):
            continue  # the line edit inside a spin box or combo box: named by its owner
        if widget.accessibleName().strip() or _own_text(widget):
            continue
        found.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return found
