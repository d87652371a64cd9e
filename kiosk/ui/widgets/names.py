"""Product names as the screens lay them out: whole, wrapped where they must be."""

from __future__ import annotations

import re

_NUMBER_AND_UNIT = re.compile(r"(\d) (\w{1,3})\b")


def keep_units(name: str) -> str:
    """``name`` with each number held to a short word after it ("250 g", "3 cup", "2 m")
    by a no-break space, so a wrapped name never leaves the unit alone on a line."""
    return _NUMBER_AND_UNIT.sub("\\1\u00a0\\2", name)
