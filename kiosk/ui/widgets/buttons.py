"""Buttons sized for fingers; the role drives the style sheet."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget


def button(text: str, role: str = "", parent: QWidget | None = None) -> QPushButton:
    """role: "" (secondary), "primary" (the next step), "danger", "chip" (toggle), "key"."""
    widget = QPushButton(text, parent)
    if role:
        widget.setProperty("role", role)
    if role == "chip":
        widget.setCheckable(True)
    widget.setAutoDefault(False)
    return widget
