"""One brand palette (kiosk/brand.py) for the screen and the printed cards."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

from kiosk import brand
from kiosk.domain.nip import mask_nip
from kiosk.domain.scan import sign_card_payload
from kiosk.printing import cards
from kiosk.printing.cards import render_card
from kiosk.printing.document import CardFace
from kiosk.ui import theme

BRAND_PY = Path(brand.__file__)


def test_hex_colours_become_rgb_tuples() -> None:
    assert brand.rgb("#0d4a6e") == (13, 74, 110)
    assert brand.rgb("#ffffff") == (255, 255, 255)
    assert brand.rgb("#000000") == (0, 0, 0)


@pytest.mark.parametrize("bad", ["0d4a6e0", "#fff", "#0d4a6", "", "#gggggg"])
def test_a_colour_that_is_not_rrggbb_is_refused(bad: str) -> None:
    with pytest.raises(ValueError):
        brand.rgb(bad)


def test_the_palette_imports_only_the_standard_library() -> None:
    """So printing (which must not import the screen) and the screen can both use it."""
    for node in ast.walk(ast.parse(BRAND_PY.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, "brand.py imports nothing from the kiosk"
            names = [node.module or ""]
        else:
            continue
        for name in names:
            assert name.split(".")[0] in sys.stdlib_module_names, name


@pytest.mark.parametrize("name", ["BRAND", "ACCENT", "INK", "MUTED", "PAPER"])
def test_the_screen_uses_the_palette(name: str) -> None:
    assert getattr(theme, name) == getattr(brand, name)


@pytest.mark.parametrize(
    ("card_name", "brand_name"),
    [
        ("WHITE", "PAPER"),
        ("INK", "INK"),
        ("MUTED", "MUTED"),
        ("BRAND", "BRAND"),
        ("BRAND_LIGHT", "BRAND_LIGHT"),
        ("ACCENT", "ACCENT"),
        ("ACCENT_DARK", "ACCENT_DARK"),
    ],
)
def test_the_cards_use_the_palette(card_name: str, brand_name: str) -> None:
    assert getattr(cards, card_name) == brand.rgb(getattr(brand, brand_name))


def test_a_printed_cards_header_is_the_screens_blue() -> None:
    nip = "198504122010011001"
    card = render_card(
        CardFace(
            nama="Drs. Yosias Latumahina, M.Si.",
            masked_nip=mask_nip(nip),
            payload=sign_card_payload(nip, "K1", b"card-test-secret-0123456789abcdef"),
            opd="Dinas Perindustrian dan Perdagangan",
            tier_label="Eselon III / Administrator",
        ),
        dpi=150,
    )
    assert card.getpixel((card.width - 2, 1)) == brand.rgb(theme.BRAND)  # header, top right
    assert card.getpixel((card.width - 2, card.height - 2)) == brand.rgb(theme.BRAND)  # stripe
