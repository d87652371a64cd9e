"""Colours, sizes and the style sheet: readable at arm's length in a bright hall
(docs/ARCHITECTURE.md, "Screens")."""

from __future__ import annotations

import re

from .. import brand

# High contrast, no grey on grey. Green met, amber short, red error.
INK = brand.INK
PAPER = brand.PAPER
BACKDROP = "#eef2f6"
BRAND = brand.BRAND  # the deep blue of the card header
ACCENT = brand.ACCENT  # the awning orange
OK = "#1b7f3b"
SHORT = "#b86e00"
ERROR = "#b3261e"
MUTED = brand.MUTED

TOUCH = 56  # px: the smallest thing a finger must hit
PRIMARY = 72  # px: the one obvious next step
GAP = 8  # px between touch targets
BODY_PT = 18
AMOUNT_PT = 28
TITLE_PT = 34
TILE_WIDTH = 176  # four product tiles across the selling screen at 1280 px (scale 1)
TILE_HEIGHT = 240
TILE_NAME_PT = 18  # a tile paints its own words (widgets/product_tile.py)
TILE_PRICE_PT = 20
FONT_FAMILY = "DejaVu Sans"  # installed everywhere the kiosk runs (fonts-dejavu-core)
CATEGORY_COLOURS = {  # placeholder product pictures: one colour per category
    "Makanan": "#c2571a",
    "Minuman": "#6b3e26",
    "Kerajinan": "#7a3b8f",
    "Pakaian": "#1f6f8b",
    "Kesehatan": "#2e7d4f",
}
OTHER_COLOUR = "#4a5a6a"

# Every size below is at scale 1 (1280x800); style() and px() give them at the screen's scale.
STYLE = f"""
QWidget {{ color: {INK}; font-size: {BODY_PT}pt; font-family: "{FONT_FAMILY}"; }}
QMainWindow, #screen {{ background: {BACKDROP}; }}
QLabel#title {{ font-size: {TITLE_PT}pt; font-weight: 700; color: {BRAND}; }}
QLabel#subtitle {{ font-size: 22pt; color: {MUTED}; }}
QLabel#amount {{ font-size: {AMOUNT_PT}pt; font-weight: 700; }}
QLabel#hint {{ color: {MUTED}; }}
QLabel#error {{ color: {ERROR}; font-weight: 600; }}
QFrame#panel {{ background: {PAPER}; border-radius: 14px; }}
QPushButton {{
    min-height: {TOUCH}px; min-width: {TOUCH}px; padding: 0px 16px;
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
QPushButton[role="step"] {{ min-height: 52px; min-width: 52px; padding: 0px; font-size: 26pt; }}
QPushButton[role="key"] {{ font-size: 28pt; min-height: 80px; min-width: 96px; padding: 0px; }}
QLabel#section {{ font-size: 16pt; font-weight: 700; color: {MUTED}; letter-spacing: 2px; }}
QLabel#big {{ font-size: 24pt; font-weight: 700; }}
QLabel#ok {{ color: {OK}; font-weight: 700; }}
QLabel#short {{ color: {SHORT}; font-weight: 700; }}
QLabel#flag {{ color: {ERROR}; font-weight: 700; }}
QLabel#exempt {{ color: {BRAND}; font-weight: 700; }}
QLabel#display {{
    font-size: {AMOUNT_PT}pt; font-weight: 700; background: {PAPER};
    border: 2px solid {BRAND}; border-radius: 10px; padding: 8px 16px;
}}
QFrame#header {{ background: {BRAND}; }}
QFrame#header QLabel {{ color: white; }}
QFrame#header QLabel#brand {{ font-size: 20pt; font-weight: 700; }}
QFrame#header QPushButton {{ min-height: {TOUCH}px; padding: 0px 16px; background: transparent;
    color: white;
    border: 2px solid white; }}
QFrame#banner {{ background: {ERROR}; }}
QFrame#banner[level="warn"] {{ background: {SHORT}; }}
QFrame#banner QLabel {{ color: white; font-weight: 700; }}
QFrame#banner QPushButton {{ background: white; border: none; }}
QFrame#message {{ background: #fde8e6; border: 2px solid {ERROR}; border-radius: 10px; }}
QFrame#message QLabel {{ color: {ERROR}; font-weight: 700; }}
QPushButton#tile {{ background: {PAPER}; border: 2px solid #c9d4de; border-radius: 14px;
    padding: 0px; min-width: {TILE_WIDTH - 4}px; max-width: {TILE_WIDTH - 4}px;
    min-height: {TILE_HEIGHT - 4}px; max-height: {TILE_HEIGHT - 4}px; }}
QPushButton#tile:pressed {{ background: #d8e6f0; }}
QLabel#basketline {{ font-size: 18pt; }}
QLabel#total {{ font-size: {AMOUNT_PT}pt; font-weight: 700; color: {BRAND}; }}
QStackedWidget#inner {{ background: transparent; }}
QLabel#buyername {{ font-size: 22pt; font-weight: 700; }}
QScrollArea {{ background: transparent; border: none; }}
QScrollArea > QWidget > QWidget {{ background: transparent; }}
QScrollBar:vertical {{ width: 0px; }}
QScrollBar:horizontal {{ height: 0px; }}
"""


_scale = 1.0  # set once, before any widget is built (ui/scale.py chooses it)
_SIZE = re.compile(r"(?<![\w#.])(\d+)(px|pt)\b")


def use_scale(scale: float) -> None:
    """Draw everything built from now on at ``scale`` (1: the 1280x800 sizes)."""
    global _scale  # one screen, one scale: every widget asks here while it is built
    _scale = scale


def current_scale() -> float:
    return _scale


def px(size: int) -> int:
    """``size`` (pixels at scale 1) at the screen's scale."""
    return round(size * _scale)


def scaled(css: str) -> str:
    """A style sheet's px and pt sizes at the screen's scale (1 px borders stay thin)."""
    return _SIZE.sub(lambda m: f"{_scaled_size(int(m[1]))}{m[2]}", css)


def _scaled_size(size: int) -> int:
    return 0 if size == 0 else max(1, round(size * _scale))


def style() -> str:
    """The kiosk's style sheet at the screen's scale."""
    return scaled(STYLE)
