"""Colours, sizes and the style sheet: readable at arm's length in a bright hall (UX.md)."""

from __future__ import annotations

# High contrast, no grey on grey. Green met, amber short, red error.
INK = "#12202e"
PAPER = "#ffffff"
BACKDROP = "#eef2f6"
BRAND = "#0d4a6e"  # the deep blue of the card header
ACCENT = "#f0962a"  # the awning orange
OK = "#1b7f3b"
SHORT = "#b86e00"
ERROR = "#b3261e"
MUTED = "#4a5a6a"

TOUCH = 56  # px: the smallest thing a finger must hit
PRIMARY = 72  # px: the one obvious next step
GAP = 8  # px between touch targets
BODY_PT = 18
AMOUNT_PT = 28
TITLE_PT = 34

STYLE = f"""
QWidget {{ color: {INK}; font-size: {BODY_PT}pt; }}
QMainWindow, QStackedWidget, #screen {{ background: {BACKDROP}; }}
QLabel#title {{ font-size: {TITLE_PT}pt; font-weight: 700; color: {BRAND}; }}
QLabel#subtitle {{ font-size: 22pt; color: {MUTED}; }}
QLabel#amount {{ font-size: {AMOUNT_PT}pt; font-weight: 700; }}
QLabel#hint {{ color: {MUTED}; }}
QLabel#error {{ color: {ERROR}; font-weight: 600; }}
QFrame#panel {{ background: {PAPER}; border-radius: 14px; }}
QPushButton {{
    min-height: {TOUCH}px; min-width: {TOUCH}px; padding: 6px 16px;
    border-radius: 10px; border: 2px solid {BRAND}; background: {PAPER}; color: {BRAND};
    font-weight: 600;
}}
QPushButton:pressed {{ background: #d8e6f0; }}
QPushButton:disabled {{ border-color: #9aa8b4; color: #7a8896; }}
QPushButton[role="primary"] {{
    min-height: {PRIMARY}px; background: {BRAND}; color: white; font-size: 24pt;
    border: none;
}}
QPushButton[role="primary"]:pressed {{ background: #0a3a57; }}
QPushButton[role="primary"]:disabled {{ background: #9aa8b4; color: #eef2f6; }}
QPushButton[role="danger"] {{ border-color: {ERROR}; color: {ERROR}; }}
QPushButton[role="chip"] {{ border-radius: {TOUCH // 2}px; }}
QPushButton[role="chip"]:checked {{ background: {BRAND}; color: white; }}
QPushButton[role="key"] {{ font-size: 28pt; min-height: 80px; min-width: 96px; }}
QScrollBar:vertical {{ width: 0px; }}
QScrollBar:horizontal {{ height: 0px; }}
"""
