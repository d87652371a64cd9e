"""Text as a receipt printer can take it: plain ASCII, fitted to a fixed number of columns.

Thermal printers print one byte per character through a code page (CP437/PC850 class). Rather
than guess which accented letters a given printer's page holds, everything is degraded to
printable ASCII, which every code page shares: a receipt that says "cafe" beats one that
crashes or prints garbage.
"""

from __future__ import annotations

import unicodedata

# Typographic characters NFKD leaves alone, mapped to what a person would type instead.
_PUNCTUATION = str.maketrans(
    {
        "\u2014": "-",  # em dash
        "\u2013": "-",  # en dash
        "\u2012": "-",  # figure dash
        "\u2011": "-",  # non-breaking hyphen
        "\u2010": "-",  # hyphen
        "\u2212": "-",  # minus sign
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2026": "...",
        "\u2022": "*",
        "\u00b7": "*",
        "\u00d7": "x",
        "\u00f7": "/",
        "\u00a0": " ",  # no-break space
        "\u202f": " ",  # narrow no-break space
        "\t": " ",
        "\n": " ",
        "\r": " ",
        "\u00df": "ss",
        "\u00e6": "ae",
        "\u00c6": "AE",
        "\u0153": "oe",
        "\u0152": "OE",
        "\u00f8": "o",
        "\u00d8": "O",
        "\u0142": "l",
        "\u0141": "L",
        "\u0111": "d",
        "\u0110": "D",
        "\u00b0": "o",
        "\u20ac": "EUR",
    }
)


def _is_printable_ascii(char: str) -> bool:
    return " " <= char <= "~"


def printable(text: object) -> str:
    """Degrade any text to printable ASCII: "Kopi — café" -> "Kopi - cafe". Never raises.

    Accents are stripped (NFKD), typographic punctuation becomes its ASCII look-alike, and
    anything still outside ASCII (emoji, CJK, control characters) becomes "?".
    """
    try:
        raw = text if isinstance(text, str) else str(text)
    except Exception:  # a broken __str__ must not stop a receipt
        return "?"
    if raw.isascii() and raw.isprintable():
        return raw  # the common case, kept fast
    decomposed = unicodedata.normalize("NFKD", raw.translate(_PUNCTUATION))
    out: list[str] = []
    for char in decomposed.translate(_PUNCTUATION):  # NFKD can produce mapped characters
        if _is_printable_ascii(char):
            out.append(char)
        elif unicodedata.combining(char):
            continue  # the accent of an already written base letter
        else:
            out.append("?")
    return "".join(out)


def wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap to ``width`` columns; a word longer than a line is split hard.

    Runs of spaces collapse to one. Always returns at least one line (``[""]`` for no words).
    """
    if width < 1:
        raise ValueError("width must be at least 1")
    lines: list[str] = []
    current = ""
    for word in text.split():
        while len(word) > width:  # hard-split what can never fit
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:width])
            word = word[width:]
        if not word:
            continue
        if not current:
            current = word
        elif len(current) + 1 + len(word) <= width:
            current = f"{current} {word}"
        else:
            lines.append(current)
            current = word
    if current or not lines:
        lines.append(current)
    return lines


def wrap_phrases(phrases: list[str], width: int) -> list[str]:
    """Wrap whole phrases where possible: a phrase starts a new line rather than break.

    Used where a word-level break would split a figure from its label ("minimum" / "Rp20.000").
    """
    lines: list[str] = []
    for phrase in phrases:
        for piece in wrap(phrase, width):
            if lines and lines[-1] and len(lines[-1]) + 1 + len(piece) <= width:
                lines[-1] = f"{lines[-1]} {piece}"
            else:
                lines.append(piece)
    return lines or [""]


def columns(left: str, right: str, width: int) -> str:
    """``left`` and a right-aligned ``right`` on one line; ValueError when they do not fit."""
    gap = width - len(left) - len(right)
    if gap < 1 and left:
        raise ValueError(f"'{left}' and '{right}' do not fit on one {width}-column line")
    if gap < 0:
        raise ValueError(f"'{right}' does not fit on one {width}-column line")
    return f"{left}{' ' * gap}{right}"


def columns_lines(left: str, right: str, width: int) -> list[str]:
    """Like :func:`columns`, but falls back to more lines: the left text wrapped, then the
    right text right-aligned on the last line if it fits there, else on a line of its own."""
    try:
        return [columns(left, right, width)]
    except ValueError:
        pass
    indent = len(left) - len(left.lstrip())
    indent = indent if indent < width // 2 else 0  # keep an item's indent when it wraps
    lines = [" " * indent + piece for piece in wrap(left, width - indent)] if left.strip() else []
    right_lines = [piece.rjust(width) for piece in wrap(right, width)]
    if lines and right_lines:
        last = lines[-1]
        tail = right_lines[0].strip()
        if len(last) + 1 + len(tail) <= width and len(right_lines) == 1:
            lines[-1] = columns(last, tail, width)
            return lines
    return lines + right_lines
