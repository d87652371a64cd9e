"""An on-screen keyboard for a few words (a reason typed at the till): letters, digits, space,
comma and full stop. Nothing at the kiosk needs a physical keyboard."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ..i18n import translate
from .buttons import button
from .keypad import BACKSPACE, TypedKeys

ROWS = ("1234567890", "qwertyuiop", "asdfghjkl-", "zxcvbnm,.")
SPACE = " "


class LetterKeys(TypedKeys):
    """Letters, digits, a few marks, space, backspace and clear. The first letter is written
    as a capital, as a sentence starts."""

    def __init__(self, max_length: int = 200, parent: QWidget | None = None) -> None:
        super().__init__(max_length, parent)
        grid = self.grid
        for row, keys in enumerate(ROWS):
            for column, key in enumerate(keys):
                key_button = button(key.upper() if key.isalpha() else key)
                key_button.setObjectName(f"letter_{key}")
                key_button.setStyleSheet("padding: 0px;")  # ten across fit a 1024 px screen
                if not key.isalnum():  # a mark alone says nothing to a screen reader
                    names = {
                        "-": translate("LetterKeys", "Tanda hubung"),
                        ",": translate("LetterKeys", "Koma"),
                        ".": translate("LetterKeys", "Titik"),
                    }
                    key_button.setAccessibleName(names[key])
                key_button.clicked.connect(lambda _=False, k=key: self.press(k))
                grid.addWidget(key_button, row, column)
        erase = button(BACKSPACE)
        erase.setObjectName("letter_backspace")
        erase.setAccessibleName(translate("LetterKeys", "Hapus satu huruf"))
        erase.clicked.connect(lambda: self.press(BACKSPACE))
        grid.addWidget(erase, len(ROWS) - 1, 9)
        space = button(translate("LetterKeys", "Spasi"))
        space.setObjectName("letter_space")
        space.clicked.connect(lambda: self.press(SPACE))
        grid.addWidget(space, len(ROWS), 2, 1, 6)
        clear = button(translate("LetterKeys", "Hapus semua"))
        clear.setObjectName("letter_clear")
        clear.clicked.connect(lambda: self.set_text(""))
        grid.addWidget(clear, len(ROWS), 8, 1, 2)
        self._keys = frozenset("".join(ROWS)) | {SPACE, BACKSPACE}

    def _typed(self, key: str) -> None:
        if key == SPACE and (not self._text or self._text.endswith(SPACE)):
            return  # no leading or double spaces: the reason is kept as one line
        self.set_text(self._text + (key.upper() if not self._text else key))
