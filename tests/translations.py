"""Reading Qt's translation source (assets/translations/jikubata_en.ts) for the tests, and
telling an Indonesian text left on an English screen from a translated one."""

from __future__ import annotations

import re
import string
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

KIOSK_SCREEN = (1280, 800)

REPO = Path(__file__).resolve().parents[1]
ENGLISH_TS = REPO / "assets" / "translations" / "jikubata_en.ts"
UNFILLED = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")  # a placeholder .format never filled


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translation: str  # "" when missing
    finished: bool  # no type="unfinished" (or "obsolete"/"vanished") on the translation

    @property
    def key(self) -> tuple[str, str]:
        return self.context, self.source


def read_ts(path: Path = ENGLISH_TS) -> list[Message]:
    found = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            text = "" if translation is None else (translation.text or "")
            kind = "" if translation is None else translation.get("type", "")
            found.append(Message(name, message.findtext("source") or "", text, kind == ""))
    return found


def placeholders(text: str) -> list[str]:
    """The ``{names}`` that ``str.format`` fills, in order (``{{`` is no placeholder)."""
    return [field for _, field, _, _ in string.Formatter().parse(text) if field is not None]


def _pattern(source: str) -> re.Pattern[str]:
    parts = []
    for literal, field, _, _ in string.Formatter().parse(source):
        parts.append(re.escape(literal))
        if field is not None:
            parts.append("(.+)")
    return re.compile("".join(parts), re.DOTALL)


class Untranslated:
    """Recognises screen text that is still an Indonesian source whose English differs: the
    source itself, or the source with its placeholders filled in."""

    def __init__(self, messages: list[Message]) -> None:
        english = {m.translation for m in messages}
        differing = [m for m in messages if m.translation != m.source and m.source not in english]
        self.exact = {m.source for m in differing if not placeholders(m.source)}
        self.patterns = [
            (m.source, _pattern(m.source)) for m in differing if placeholders(m.source)
        ]

    def source_of(self, text: str) -> str | None:
        """The Indonesian source ``text`` (or one of its lines) was made from, if any."""
        for candidate in (text, *text.splitlines()):
            candidate = candidate.strip()
            if candidate in self.exact:
                return candidate
            for source, pattern in self.patterns:
                if pattern.fullmatch(candidate):
                    return source
        return None


@contextmanager
def english() -> Iterator[None]:
    """English for everything built inside; Indonesian again afterwards, whatever happens
    (other tests assert the Indonesian text)."""
    from kiosk.ui.i18n import Language, translate

    language = Language()
    try:
        assert language.use("en"), "the English translation could not be loaded"
        yield
    finally:
        language.use("id")
    assert translate("PaymentScreen", "Kembalian") == "Kembalian"


def texts(widget: QWidget) -> list[str]:
    """Every text a person could see on ``widget``: labels and buttons, hidden pages and
    messages included, and the full text of labels that end in "…"."""
    from kiosk.ui.widgets.common import ElidedLabel

    found = []
    for child in [widget, *widget.findChildren(QWidget)]:
        if isinstance(child, ElidedLabel):
            found.append(child.full_text)
        if isinstance(child, (QLabel, QAbstractButton)):
            found.append(child.text())
    return [text for text in found if text.strip()]


_UNTRANSLATED: Untranslated | None = None


def assert_fits(window: QWidget) -> None:
    """Shown at the kiosk's 1280×800, the window never had to grow: nothing on it asks for
    more room than the screen has (a text too long for its place would)."""
    for _ in range(3):  # deliver the pending layout requests (not a wait)
        QApplication.processEvents()
    size, hint = (window.width(), window.height()), window.minimumSizeHint()
    assert size == KIOSK_SCREEN, f"the window grew to {size}: something does not fit"
    assert hint.width() <= KIOSK_SCREEN[0] and hint.height() <= KIOSK_SCREEN[1], (
        f"the window needs at least {hint.width()}×{hint.height()}"
    )


def assert_english(widget: QWidget, *extra: str) -> list[str]:
    """No text on ``widget`` (nor in ``extra``) is Indonesian whose English differs, and no
    placeholder was left unfilled; a shown window still fits the screen. Returns the texts
    checked."""
    global _UNTRANSLATED
    if _UNTRANSLATED is None:
        _UNTRANSLATED = Untranslated(read_ts())
    shown = [*texts(widget), *extra]
    # (This module is no test module: pytest does not explain its asserts, so they say it.)
    left = [(text, source) for text in shown if (source := _UNTRANSLATED.source_of(text))]
    assert not left, f"Indonesian left on an English screen (text, source): {left}"
    unfilled = [text for text in shown if UNFILLED.search(text)]
    assert not unfilled, f"placeholders never filled: {unfilled}"
    if widget.window().isVisible():
        assert_fits(widget.window())
    return shown
