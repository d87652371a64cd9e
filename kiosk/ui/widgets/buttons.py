"""Buttons sized for fingers; the role drives the style sheet."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget


def literal(text: str) -> str:
    """``text`` as a button shows it. Qt reads "&" as a keyboard shortcut marker (it would
    underline the next letter and drop the "&"); nothing here is pressed by keyboard, and
    names such as "Bagea & Kue Kenari Soya" must read as written."""
    return text.replace("&", "&&")


def button(text: str, role: str = "", parent: QWidget | None = None) -> QPushButton:
    """role: "" (secondary), "primary" (the next step), "danger", "chip" (toggle), "key".
    ``text`` is shown as written (see ``literal``)."""
    widget = QPushButton(literal(text), parent)
    if role:
        widget.setProperty("role", role)
    if role == "chip":
        widget.setCheckable(True)
    widget.setAutoDefault(False)
    return widget
