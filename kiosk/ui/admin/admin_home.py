"""The admin menu: one big tile per task, and quitting the app far away from all of them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton

from ..context import UiContext
from ..i18n import translate
from ..widgets.buttons import button
from .base import AdminPage, Go

TILES = (  # (label, screen name)
    (QT_TRANSLATE_NOOP("AdminHomeScreen", "Dasbor"), "admin_dashboard"),
    (QT_TRANSLATE_NOOP("AdminHomeScreen", "Ekspor"), "admin_exports"),
    (QT_TRANSLATE_NOOP("AdminHomeScreen", "Batalkan transaksi"), "admin_void"),
    (QT_TRANSLATE_NOOP("AdminHomeScreen", "Cetak ulang"), "admin_reprint"),
    (QT_TRANSLATE_NOOP("AdminHomeScreen", "Pengecualian"), "admin_exemptions"),
    (QT_TRANSLATE_NOOP("AdminHomeScreen", "Impor data"), "admin_import"),
    (QT_TRANSLATE_NOOP("AdminHomeScreen", "Printer"), "admin_printer"),
)


class AdminHomeScreen(AdminPage):
    def __init__(self, ctx: UiContext, go: Go, *, on_quit: Callable[[], None]) -> None:
        super().__init__(ctx, go, translate("AdminHomeScreen", "Menu admin"))
        self.back_button.hide()  # this is the top: the way out is [Kembali ke kasir]
        self._on_quit = on_quit
        grid = QGridLayout()
        grid.setSpacing(16)
        self.tiles: dict[str, QPushButton] = {}
        for index, (text, name) in enumerate(TILES):
            tile = self._tile(translate("AdminHomeScreen", text))
            tile.clicked.connect(lambda _=False, n=name: go(n))
            grid.addWidget(tile, index // 4, index % 4)
            self.tiles[name] = tile
        cashier = self._tile(translate("AdminHomeScreen", "Kembali ke kasir"))
        cashier.setProperty("role", "primary")
        cashier.clicked.connect(lambda: go("selling"))
        grid.addWidget(cashier, 1, 3)
        self.tiles["selling"] = cashier
        self.body.addSpacing(24)
        self.body.addLayout(grid)
        self.body.addStretch(1)  # keeps [Keluar aplikasi] well away from the tiles

        bottom = QHBoxLayout()
        bottom.setSpacing(16)
        self.quit_question = QLabel(translate("AdminHomeScreen", "Tutup aplikasi kasir?"))
        self.quit_question.setObjectName("big")
        self.quit_yes = button(translate("AdminHomeScreen", "Ya, tutup aplikasi"), "danger")
        self.quit_no = button(translate("AdminHomeScreen", "Tidak"))
        self.quit = button(translate("AdminHomeScreen", "Keluar aplikasi"), "danger")
        self.quit.setObjectName("quit")
        bottom.addStretch(1)
        for widget in (self.quit_question, self.quit_no, self.quit_yes, self.quit):
            bottom.addWidget(widget)
        self.body.addLayout(bottom)
        # Quitting stops the till: asked inline, never with a pop-up.
        self.quit.clicked.connect(lambda: self._asking(True))
        self.quit_no.clicked.connect(lambda: self._asking(False))
        self.quit_yes.clicked.connect(self._quit)
        self._asking(False)

    @staticmethod
    def _tile(text: str) -> QPushButton:
        tile = button(text)
        # The style sheet's min-height wins over setMinimumHeight, so size it there.
        tile.setStyleSheet("font-size: 22pt; min-height: 190px; padding: 6px 8px;")
        return tile

    def refresh(self) -> None:
        self._asking(False)

    def _asking(self, on: bool) -> None:
        self.quit.setVisible(not on)
        for widget in (self.quit_question, self.quit_yes, self.quit_no):
            widget.setVisible(on)

    def _quit(self) -> None:
        self._asking(False)
        self._on_quit()
