"""An on-screen number pad: nothing at the kiosk needs a physical keyboard."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from ..i18n import translate
from ..theme import GAP
from .buttons import button

BACKSPACE = "⌫"
CLEAR = "C"


class TypedKeys(QWidget):
    """On-screen keys that build a text: emits the text typed so far on every press;
    ``max_length`` caps it. Only keys in ``_keys`` ever reach the text; a subclass lays its
    keys out in ``grid`` and says in ``_typed`` what any key but backspace does."""

    changed = Signal(str)

    def __init__(self, max_length: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._max = max_length
        self._keys: frozenset[str] = frozenset()
        self.grid = QGridLayout(self)
        self.grid.setSpacing(GAP)
        self.grid.setContentsMargins(0, 0, 0, 0)

    @property
    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        self._text = text[: self._max]
        self.changed.emit(self._text)

    def press(self, key: str) -> None:
        if key not in self._keys:
            return
        if key == BACKSPACE:
            self.set_text(self._text[:-1])
        else:
            self._typed(key)

    def _typed(self, key: str) -> None:
        self.set_text(self._text + key)


class Keypad(TypedKeys):
    """Digits (and "000" for amounts), backspace and clear."""

    def __init__(
        self, max_length: int = 18, *, extra: str = "000", parent: QWidget | None = None
    ) -> None:
        super().__init__(max_length, parent)
        grid = self.grid
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", CLEAR, "0", BACKSPACE]
        if extra:
            keys[9] = extra  # "000" for amounts; CLEAR moves to the backspace row
        # Only these ever reach the text: the screens read it with int(), which would also
        # take Arabic-Indic or full-width digits.
        self._keys = frozenset(keys) | {CLEAR}
        for index, key in enumerate(keys):
            key_button = button(key, "key")
            key_button.setObjectName(f"key_{key}")
            if key == BACKSPACE:  # a symbol alone says nothing to a screen reader
                key_button.setAccessibleName(translate("Keypad", "Hapus satu angka"))
            key_button.clicked.connect(lambda _=False, k=key: self.press(k))
            grid.addWidget(key_button, index // 3, index % 3)
        if extra:
            clear = button(translate("Keypad", "Hapus semua"))
            clear.setObjectName("key_clear")
            clear.clicked.connect(lambda: self.press(CLEAR))
            grid.addWidget(clear, 4, 0, 1, 3)

    def _typed(self, key: str) -> None:
        if key == CLEAR:
            self.set_text("")
        else:
            self.set_text(self._text + key)
