"""The README shows what the tests render: every picture it links must exist."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_every_image_the_readme_shows_exists():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    images = re.findall(r"\]\((docs/[^)]+\.png)\)", readme)
    assert len(images) >= 25  # receipts, card, and every screen
    missing = [image for image in images if not (REPO / image).is_file()]
    assert missing == []
